using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentApi.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396). A PATCH is applied to the resource's replace-request form and the
/// result is validated and saved exactly like a PUT, so both paths share every rule.
/// </summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Unsupported content type.", StatusCodes.Status415UnsupportedMediaType);
        }
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = false },
                new JsonDocumentOptions { MaxDepth = JsonSetup.Options.MaxDepth, AllowDuplicateProperties = false }, cancellationToken);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is BadHttpRequestException bad)
        {
            throw bad;
        }
        return node as JsonObject ?? throw new JsonException("A merge patch must be a JSON object.", "$", null, null);
    }

    public static T Apply<T>(T current, JsonObject patch)
    {
        var target = JsonSerializer.SerializeToNode(current, JsonSetup.Options)!.AsObject();
        Merge(target, patch);
        return target.Deserialize<T>(JsonSetup.Options) ?? throw new JsonException("The patched document is empty.", "$", null, null);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
