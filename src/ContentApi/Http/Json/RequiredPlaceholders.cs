using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ContentApi.Http.Errors;

namespace ContentApi.Http.Json;

/// <summary>
/// The rest of a body read for its validators when a required member is absent from it for an error already reported
/// (of the wrong type or null, and so left out; never sent; removed by a merge patch): that member is given a
/// placeholder its type reads, an empty text or list, zero, or an object of placeholders, so that the rules the rest
/// breaks are listed too. A placeholder rather than a read that makes the members optional: that would hand the
/// validators a null where the type has none, which they dereference as a valid body lets them (<c>Title.Length</c>,
/// <c>AuthorIds.Count</c>), a 500; a placeholder is a value a client could have sent, read by the binder's own options,
/// so the validators meet nothing a sent body could not bring them, and a value the type refuses fails the read (no
/// rules judged) rather than reaching them. What the rules say of a placeholder is about a field already reported and
/// left out (<see cref="JsonMemberErrors.AddOthers"/>): so a member is given one only when a reported error is about it.
/// The binder stops at the first object that lacks a required member, a nested one before the members around it
/// (<c>{"focalPoint":{},"width":-1}</c>: <c>focalPoint.x</c> and <c>focalPoint.y</c>, not <c>url</c>): so the rest is
/// read again once those are given theirs, each time with the members the binder then says are missing reported as it
/// words them, until it reads; it is not judged when a reported member is of a type with no placeholder.
/// </summary>
internal static class RequiredPlaceholders
{
    /// <summary>
    /// <paramref name="rest"/> read as <paramref name="type"/> with placeholders, the required members the binder finds
    /// missing added to <paramref name="errors"/>; null when it cannot be.
    /// </summary>
    /// <param name="errors">The errors reported, keyed as a problem keys them (<c>title</c>, <c>focalPoint.x</c>).</param>
    public static object? Read(JsonObject rest, JsonTypeInfo type, Dictionary<string, string[]> errors)
    {
        while (true)
        {
            var filled = rest.DeepClone().AsObject();
            if (!TryFill(filled, type, null, errors.Keys))
            {
                return null;
            }
            try
            {
                return filled.Deserialize(type);
            }
            catch (JsonException missing)
            {
                var reported = errors.Count;
                var (_, _, _, missingErrors) = KnownExceptionHandler.JsonProblem(missing);
                JsonMemberErrors.AddOthers(errors, missingErrors);
                if (errors.Count == reported)
                {
                    return null;
                }
            }
        }
    }

    /// <param name="reported">Null inside a placeholder, whose every member is one.</param>
    private static bool TryFill(JsonObject document, JsonTypeInfo type, string? path, IReadOnlyCollection<string>? reported)
    {
        foreach (var member in type.Properties)
        {
            var field = path is null ? member.Name : $"{path}.{member.Name}";
            if (document[member.Name] is JsonObject nested && ResourceMembers.Find(type, member.Name) is (_, { } objectType))
            {
                if (!TryFill(nested, objectType, field, reported))
                {
                    return false;
                }
            }
            else if (IsRequired(member) && !document.ContainsKey(member.Name) &&
                (reported is null || reported.Any(r => JsonMemberErrors.Within(r, field) || JsonMemberErrors.Within(field, r))))
            {
                // One not reported is left missing, for the binder to report.
                if (!TryPlaceholder(type.Options.GetTypeInfo(member.PropertyType), out var placeholder))
                {
                    return false;
                }
                document[member.Name] = placeholder;
            }
        }
        return true;
    }

    /// <summary>Whether the binder refuses a body without the member (a constructor parameter without a default, with RespectRequiredConstructorParameters).</summary>
    private static bool IsRequired(JsonPropertyInfo member) =>
        member.IsRequired || (member.Options.RespectRequiredConstructorParameters && member.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false });

    private static bool TryPlaceholder(JsonTypeInfo type, out JsonNode? placeholder)
    {
        placeholder = type.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new JsonArray(),
            JsonTypeInfoKind.Dictionary => new JsonObject(),
            JsonTypeInfoKind.Object => new JsonObject(),
            _ => Type.GetTypeCode(Nullable.GetUnderlyingType(type.Type) ?? type.Type) switch
            {
                TypeCode.String => JsonValue.Create(""),
                TypeCode.Int32 or TypeCode.Int64 or TypeCode.Double or TypeCode.Decimal => JsonValue.Create(0),
                TypeCode.Boolean => JsonValue.Create(false),
                _ => null,
            },
        };
        return placeholder is not null && (type.Kind != JsonTypeInfoKind.Object || TryFill(placeholder.AsObject(), type, null, null));
    }
}
