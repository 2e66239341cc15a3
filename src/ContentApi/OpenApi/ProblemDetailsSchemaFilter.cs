using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Documents what every problem body carries beyond RFC 9457's members: the trace id.</summary>
public sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || !typeof(ProblemDetails).IsAssignableFrom(context.Type) && context.Type != typeof(HttpValidationProblemDetails))
        {
            return;
        }
        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "W3C trace id of the request; quote it when reporting a problem.",
        };
        concrete.Required = new HashSet<string> { "type", "title", "status", "detail", "traceId" };
        concrete.AdditionalPropertiesAllowed = true;
    }
}
