using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Says what every response's <c>version</c> is for: quoted, it is an <c>If-Match</c> a write takes, the way to a
/// safe update when a compressing proxy made the ETag weak (which never matches) or a generated client hides headers.
/// </summary>
public sealed class VersionSchemaFilter : ISchemaFilter
{
    private const string Description =
        "Raised by every change of the resource. Quoted (`\"7\"`), it is an `If-Match` value a PUT, PATCH or DELETE takes, as the ETag's version part is.";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties: { } properties } && (context.Type.Name.EndsWith("Response", StringComparison.Ordinal) || context.Type == typeof(Search.SearchResult)) &&
            properties.TryGetValue("version", out var version) && version is OpenApiSchema { Description: null } described)
        {
            described.Description = Description;
        }
    }
}
