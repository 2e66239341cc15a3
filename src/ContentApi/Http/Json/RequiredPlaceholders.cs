using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

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
/// left out (<see cref="JsonMemberErrors.AddOthers"/>): so a member is given one only when a reported error is about it,
/// and the rest is not judged when a required member is absent without one, or is of a type with no placeholder.
/// </summary>
internal static class RequiredPlaceholders
{
    /// <summary><paramref name="rest"/> read as <paramref name="type"/> with placeholders; null when it cannot be.</summary>
    /// <param name="reported">The errors' keys (<c>title</c>, <c>focalPoint.x</c>).</param>
    public static object? Read(JsonObject rest, JsonTypeInfo type, IReadOnlyCollection<string> reported)
    {
        var filled = rest.DeepClone().AsObject();
        if (!TryFill(filled, type, null, reported))
        {
            return null;
        }
        try
        {
            return filled.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
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
            else if (IsRequired(member) && !document.ContainsKey(member.Name))
            {
                if ((reported is not null && !reported.Any(r => JsonMemberErrors.Within(r, field) || JsonMemberErrors.Within(field, r))) ||
                    !TryPlaceholder(type.Options.GetTypeInfo(member.PropertyType), out var placeholder))
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
