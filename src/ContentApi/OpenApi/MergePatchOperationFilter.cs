using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// A merge patch may send any subset of the fields, and null clears an optional one: so the PATCH body
/// schema is the replace schema with nothing required, published as "{Request}Patch", and an optional field that a
/// replace may only leave out (one with a default, such as an article's status) is nullable there: null removes it,
/// which resets it to its default.
/// </summary>
public sealed class MergePatchOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "PATCH", StringComparison.OrdinalIgnoreCase) || operation.RequestBody?.Content is not { } content)
        {
            return;
        }
        foreach (var mediaType in content.Values.OfType<OpenApiMediaType>())
        {
            if (mediaType.Schema is not OpenApiSchemaReference reference || reference.Reference.Id is not { } id)
            {
                continue;
            }
            if (context.SchemaRepository.Schemas.TryGetValue(id, out var full) && full is OpenApiSchema source)
            {
                mediaType.Schema = PatchOf(id, source, context);
                mediaType.Example = OneMemberExample(source);
            }
        }
    }

    /// <summary>
    /// A reference to the patch schema of <paramref name="id"/>, made once. An object member merges into the stored one
    /// (RFC 7396 §2: <c>{"focalPoint": {"x": 0.2}}</c> keeps its y), so its own members are optional too: its schema is
    /// patched the same way, while a member its replace schema requires still takes no null.
    /// </summary>
    private static OpenApiSchemaReference PatchOf(string id, OpenApiSchema source, OperationFilterContext context)
    {
        var patchId = id + "Patch";
        if (!context.SchemaRepository.Schemas.ContainsKey(patchId))
        {
            context.SchemaRepository.Schemas[patchId] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = source.Required is { Count: > 0 } && source.Properties?.Keys.All(source.Required.Contains) == true
                    ? "JSON Merge Patch (RFC 7396) of " + id + ": a member given changes it in the stored value; all are needed when none is stored."
                    : "JSON Merge Patch (RFC 7396) of " + id + ": any subset of its fields; null does what leaving the field out of a PUT does, " +
                      "which each field's description says (most are cleared; some are kept, such as a slug, or derived again).",
                Properties = source.Properties?.ToDictionary(p => p.Key, p => source.Required?.Contains(p.Key) == true ? p.Value : Removable(p.Value, context)),
                AdditionalPropertiesAllowed = false,
            };
        }
        return new OpenApiSchemaReference(patchId, context.Document);
    }

    /// <summary>
    /// The patch's own example, which Swagger UI's "Try it out" sends in place of one it would make from the schema:
    /// that one holds every member (an article's status at its first value, draft), so run on a published article it
    /// unpublished it and replaced the rest with the examples. One optional member, at its example text, shows what a
    /// merge patch is; not the slug, which an old URL would then have to redirect.
    /// </summary>
    private static JsonObject? OneMemberExample(OpenApiSchema source) =>
        source.Properties?.FirstOrDefault(p => p.Key != "slug" && source.Required?.Contains(p.Key) != true &&
            p.Value is OpenApiSchema { Example: JsonValue text } && text.GetValueKind() == JsonValueKind.String) is { Key: { } name, Value.Example: { } value }
            ? new JsonObject { [name] = value.DeepClone() }
            : null;

    private const string ResetsToDefault = "null resets it to its default.";

    private static IOpenApiSchema Removable(IOpenApiSchema property, OperationFilterContext context)
    {
        // Already nullable (NullableReference): null clears it; an object given merges, so it references the patch schema.
        if (property is OpenApiSchema { OneOf: [OpenApiSchemaReference { Reference.Id: { } nullableId }, var nullOnly] } nullable &&
            context.SchemaRepository.Schemas.TryGetValue(nullableId, out var nullableTarget) && nullableTarget is OpenApiSchema { Properties.Count: > 0 } objectTarget &&
            nullable.CreateShallowCopy() is OpenApiSchema merged)
        {
            merged.OneOf = [PatchOf(nullableId, objectTarget, context), nullOnly];
            return merged;
        }
        if (property is OpenApiSchemaReference { Reference.Id: { } id } reference && context.SchemaRepository.Schemas.TryGetValue(id, out var target) &&
            target.Type is { } referencedType && !referencedType.HasFlag(JsonSchemaType.Null))
        {
            return NullableReference.Of(
                target is OpenApiSchema { Properties.Count: > 0 } members ? PatchOf(id, members, context) : reference, ResetsToDefault);
        }
        if (property is OpenApiSchema { Type: { } type } && !type.HasFlag(JsonSchemaType.Null) && property.CreateShallowCopy() is OpenApiSchema copy)
        {
            copy.Type = type | JsonSchemaType.Null;
            copy.Description = copy.Description is null ? ResetsToDefault : copy.Description + " " + ResetsToDefault;
            return copy;
        }
        return property;
    }
}
