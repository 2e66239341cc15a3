using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// A merge patch may send any subset of the fields, and null clears an optional one: so the PATCH body
/// schema is the replace schema with nothing required, published as "{Request}Patch".
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
            var patchId = id + "Patch";
            if (!context.SchemaRepository.Schemas.ContainsKey(patchId) && context.SchemaRepository.Schemas.TryGetValue(id, out var full) && full is OpenApiSchema source)
            {
                context.SchemaRepository.Schemas[patchId] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "JSON Merge Patch (RFC 7396) of " + id + ": any subset of its fields; null clears an optional field.",
                    Properties = source.Properties?.ToDictionary(p => p.Key, p => p.Value),
                    AdditionalPropertiesAllowed = false,
                };
            }
            mediaType.Schema = new OpenApiSchemaReference(patchId, context.Document);
        }
    }
}
