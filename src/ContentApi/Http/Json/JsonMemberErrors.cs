using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ContentApi.Http.Errors;

namespace ContentApi.Http.Json;

/// <summary>
/// Every member of a JSON object that the binder refuses for the request type (one it does not have, a value of the
/// wrong JSON type), where the binder stops at the first: each member is read alone as the type reads it, so that its
/// error has the binder's own path and wording. Looked for only once the binder has failed.
/// </summary>
internal static class JsonMemberErrors
{
    /// <summary>
    /// The errors keyed as a problem keys them, in the document's order (at most <see cref="Problems.MaxFieldsListed"/>),
    /// and the document without the members they are about (a nested object kept without its own); null when the errors reached that many before its end, so
    /// that the rest was not judged.
    /// </summary>
    /// <param name="nullRemoves">A null is no value to read but a removal (a merge patch's), judged once merged.</param>
    public static (Dictionary<string, string[]> Errors, JsonObject? WellTyped) Find(JsonObject document, JsonTypeInfo type, bool nullRemoves = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wellTyped = Check(document, type, DocumentPath, nullRemoves, errors);
        return (errors, errors.Count < Problems.MaxFieldsListed ? wellTyped : null);
    }

    /// <summary>Whether <paramref name="key"/> is <paramref name="field"/> or lies within it (<c>focalPoint.x</c>, <c>authorIds[1]</c>).</summary>
    public static bool Within(string key, string field) =>
        key == field || (key.StartsWith(field, StringComparison.Ordinal) && key[field.Length] is '.' or '[');

    /// <summary>Adds the errors of <paramref name="more"/> about a field none of <paramref name="errors"/> is about, in or around.</summary>
    public static void AddOthers(Dictionary<string, string[]> errors, IDictionary<string, string[]>? more)
    {
        var reported = errors.Keys.ToList();
        foreach (var (field, messages) in more ?? new Dictionary<string, string[]>())
        {
            if (field != DocumentPath && !reported.Any(r => Within(field, r) || Within(r, field)))
            {
                errors.TryAdd(field, messages);
            }
        }
    }

    private const string DocumentPath = "$";

    private static JsonObject Check(JsonObject document, JsonTypeInfo type, string path, bool nullRemoves, Dictionary<string, string[]> errors)
    {
        var wellTyped = new JsonObject();
        foreach (var (name, value) in document)
        {
            if (errors.Count >= Problems.MaxFieldsListed)
            {
                break;
            }
            var before = errors.Count;
            var memberPath = JsonErrorPath.MemberOf(path, name);
            if (ResourceMembers.Find(type, name) is not { } member)
            {
                Add(errors, new JsonException($"The JSON property '{name}' could not be mapped to any .NET member of the resource.", memberPath, null, null));
            }
            else if (value is JsonObject nested && member.ObjectType is { } objectType)
            {
                // Kept without the members refused in it, as the document is, so that the rules of the rest are judged.
                wellTyped[name] = Check(nested, objectType, memberPath, nullRemoves, errors);
                continue;
            }
            else if (!(value is null && nullRemoves) && Refusal(name, value, type) is { } refusal)
            {
                // Read alone, the member's path is $.name…: put where the member is, still what it is (a value its
                // field does not take is told so, not that the body is no JSON).
                var where = path + refusal.Path![DocumentPath.Length..];
                Add(errors, refusal is InvalidJsonValueException
                    ? new InvalidJsonValueException(refusal.Message, where, refusal.LineNumber, refusal.BytePositionInLine)
                    : new JsonException(refusal.Message, where, refusal.LineNumber, refusal.BytePositionInLine, refusal.InnerException));
            }
            if (errors.Count == before)
            {
                wellTyped[name] = value?.DeepClone();
            }
        }
        return wellTyped;
    }

    /// <summary>What the type's binder says of the member alone; null when it reads it (a missing required member is not its fault).</summary>
    private static JsonException? Refusal(string name, JsonNode? value, JsonTypeInfo type)
    {
        try
        {
            new JsonObject { [name] = value?.DeepClone() }.Deserialize(type);
            return null;
        }
        catch (JsonException exception) when (exception.Path is { } where && where != DocumentPath)
        {
            return exception;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            // A lone surrogate escape cannot be written out again to be read alone. The binder decodes text only where its
            // type reads text, so read with readable text in its place, the member is refused as the binder refuses it:
            // for its JSON type (a string where a number goes), else for the escape.
            var escape = new JsonException(exception.Message, JsonErrorPath.MemberOf(DocumentPath, name), null, null, exception);
            return Refusal(name, WithReadableText(value), type) is { } refusal and not InvalidJsonValueException ? refusal : escape;
        }
    }

    /// <summary>A copy of <paramref name="node"/> whose text that cannot be decoded (a lone surrogate escape) is U+FFFD.</summary>
    private static JsonNode? WithReadableText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = WithReadableText(value);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithReadableText)]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    return JsonValue.Create(value.GetValue<string>());
                }
                catch (InvalidOperationException)
                {
                    return JsonValue.Create("\uFFFD");
                }
            default:
                return node?.DeepClone();
        }
    }

    private static void Add(Dictionary<string, string[]> errors, JsonException exception)
    {
        if (KnownExceptionHandler.JsonProblem(exception) is (_, _, _, { } found))
        {
            foreach (var (field, messages) in found)
            {
                errors.TryAdd(field, messages);
            }
        }
    }
}
