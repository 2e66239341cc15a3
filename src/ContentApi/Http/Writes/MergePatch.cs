using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ContentApi.Http.Bodies;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ContentApi.Http.Writes;

/// <summary>
/// JSON Merge Patch (RFC 7396). A PATCH is applied to the resource's replace-request form and the
/// result is validated and saved exactly like a PUT, so both paths share every rule.
/// </summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>415 unless the body is sent as a merge patch or as plain JSON.</summary>
    public static void EnsureMediaType(HttpRequest request)
    {
        if (RequestMediaType.Parse(request.ContentType) is not { } mediaType || !(mediaType.Is(MediaType) || mediaType.Is("application/json")))
        {
            throw new BadHttpRequestException("Unsupported content type.", StatusCodes.Status415UnsupportedMediaType);
        }
    }

    /// <summary>The patch a request sends for a <typeparamref name="T"/>, whose members name where its errors are.</summary>
    public static async Task<JsonObject> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        // As the binding of POST and PUT judges it: a request that can have no body (Content-Length: 0) sent none.
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            throw new BadHttpRequestException(Problems.JsonBodyRequiredDetail);
        }
        // Sized by the length sent (the body limit refuses more), so a large patch is not copied as the stream grows.
        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, 16 << 20));
        JsonNode? node;
        try
        {
            await request.Body.CopyToAsync(body, cancellationToken);
            node = JsonNode.Parse(Sent(body), new JsonNodeOptions { PropertyNameCaseInsensitive = false },
                new JsonDocumentOptions { MaxDepth = JsonSetup.Options.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (InvalidOperationException exception) when (exception.InnerException is BadHttpRequestException bad)
        {
            throw bad;
        }
        catch (JsonException exception)
        {
            // Parsed whole, the patch has no path in its error: filed where it went wrong, as a PUT's would be.
            throw new JsonException(exception.Message, JsonErrorPath.Find(Sent(body), JsonSetup.Options.MaxDepth, JsonSetup.Options.GetTypeInfo(typeof(T))), exception.LineNumber, exception.BytePositionInLine, exception);
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            // The duplicate-property check decodes every name, and a lone surrogate escape in one cannot be decoded.
            throw new JsonException("A property name is not valid text (it holds a lone surrogate escape).",
                JsonErrorPath.Find(Sent(body), JsonSetup.Options.MaxDepth, JsonSetup.Options.GetTypeInfo(typeof(T))), null, null, exception);
        }
        var patch = node as JsonObject ?? throw new InvalidJsonValueException("A JSON merge patch must be a JSON object.");
        EnsureUtf8(patch);
        return patch;
    }

    /// <summary>The JSON sent, after a UTF-8 byte order mark (which the stream parser skipped, and POST and PUT skip).</summary>
    private static ReadOnlySpan<byte> Sent(MemoryStream body)
    {
        var sent = body.GetBuffer().AsSpan(0, (int)body.Length);
        return sent.StartsWith("\uFEFF"u8) ? sent[3..] : sent;
    }

    /// <summary>
    /// A parsed JsonNode keeps its strings as the UTF-8 it was sent and decodes them only when used. Applying the
    /// patch writes them out again, which quietly turns invalid UTF-8 into U+FFFD, so every string is decoded here
    /// once: invalid UTF-8 is a 400 for the body, as it is for POST and PUT. A lone surrogate escape is valid JSON
    /// and is judged with the members (<see cref="Apply{T}"/>), after the invalid UTF-8 anywhere in the patch.
    /// </summary>
    private static void EnsureUtf8(JsonObject patch)
    {
        if (FirstUnreadableText(patch, skipLoneSurrogates: true) is { } unreadable)
        {
            throw new JsonException(unreadable.Message, unreadable.Path, null, null, unreadable.InnerException);
        }
    }

    /// <summary>The first string in <paramref name="node"/> that cannot be decoded, as an error at its path; null when all can.</summary>
    private static JsonException? FirstUnreadableText(JsonNode? node, bool skipLoneSurrogates = false)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.Select(member => FirstUnreadableText(member.Value, skipLoneSurrogates)).FirstOrDefault(found => found is not null);
            case JsonArray array:
                return array.Select(item => FirstUnreadableText(item, skipLoneSurrogates)).FirstOrDefault(found => found is not null);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    value.GetValue<string>();
                    return null;
                }
                catch (InvalidOperationException exception)
                {
                    var unreadable = new JsonException(exception.Message, value.GetPath(), null, null, exception);
                    return skipLoneSurrogates && IsLoneSurrogate(unreadable) ? null : unreadable;
                }
            default:
                return null;
        }
    }

    private static bool IsLoneSurrogate(JsonException unreadable) =>
        unreadable.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The patch applied to <paramref name="current"/>. Applying writes the patch's strings out again, which throws on a
    /// lone surrogate escape (a 500), so a patch holding one is refused first, with the error POST and PUT give its
    /// first refused member (one of a type that takes no text, or that the resource does not have, is told so, not
    /// that its text is invalid), and every other error is then listed beside it (<see cref="EveryPatchError"/>).
    /// </summary>
    public static T Apply<T>(T current, JsonObject patch)
    {
        if (FirstUnreadableText(patch) is { } unreadable)
        {
            throw FirstMemberError(patch, JsonSetup.Options.GetTypeInfo(typeof(T))) ?? unreadable;
        }
        return Merged(current, patch).Deserialize<T>(JsonSetup.Options) ?? throw new JsonException("The patched document is empty.", "$", null, null);
    }

    /// <summary>The error of the first member the binder refuses read alone, at its place; null when it refuses none.</summary>
    private static InvalidJsonValueException? FirstMemberError(JsonObject patch, JsonTypeInfo type) =>
        JsonMemberErrors.Find(patch, type, nullRemoves: true).Errors.FirstOrDefault() is { Key: { } field, Value: [var message, ..] }
            ? new InvalidJsonValueException(message, "$." + field, null, null)
            : null;

    /// <summary>
    /// The patch applied, a required member it leaves absent for an error already reported (a null merged) given a
    /// placeholder, so that the rest can be judged, and those the binder finds missing added to
    /// <paramref name="errors"/> (<see cref="RequiredPlaceholders"/>); default when it cannot be read so.
    /// </summary>
    internal static T? ApplyWithPlaceholders<T>(T current, JsonObject patch, Dictionary<string, string[]> errors) =>
        RequiredPlaceholders.Read(Merged(current, patch), JsonSetup.Options.GetTypeInfo(typeof(T)), errors) is T request ? request : default;

    private static JsonObject Merged<T>(T current, JsonObject patch)
    {
        // After serializing: that gives the options their resolver, which GetTypeInfo needs.
        var target = JsonSerializer.SerializeToNode(current, JsonSetup.Options)!.AsObject();
        EnsureKnownMembers(patch, JsonSetup.Options.GetTypeInfo(typeof(T)));
        Merge(target, patch);
        return target;
    }

    /// <summary>
    /// A member the resource does not have is a 400 whatever its value: merged, a null one would remove nothing and
    /// pass unseen, while the same member with a value is refused.
    /// </summary>
    private static void EnsureKnownMembers(JsonObject patch, JsonTypeInfo type, string path = "$")
    {
        foreach (var (name, value) in patch)
        {
            if (ResourceMembers.Find(type, name) is not { } member)
            {
                throw new JsonException($"The JSON property '{name}' could not be mapped to any .NET member of the resource.", JsonErrorPath.MemberOf(path, name), null, null);
            }
            if (value is JsonObject nested && member.ObjectType is { } memberType)
            {
                EnsureKnownMembers(nested, memberType, JsonErrorPath.MemberOf(path, name));
            }
        }
    }

    /// <summary><paramref name="patch"/> applied to <paramref name="target"/> (RFC 7396 §2), which is changed if it is an object.</summary>
    internal static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var targetObject = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                targetObject.Remove(name);
            }
            else if (value is JsonObject && targetObject[name] is JsonObject nested)
            {
                Merge(nested, value);
            }
            else
            {
                // A patch object meeting no object is merged into an empty one, so that its nulls are removals too.
                targetObject[name] = Merge(null, value);
            }
        }
        return targetObject;
    }
}
