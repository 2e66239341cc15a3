using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Opens the enums marked <see cref="ExtensibleEnumAttribute"/>.</summary>
public sealed class ExtensibleEnumSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && context.Type.IsDefined(typeof(ExtensibleEnumAttribute)))
        {
            ExtensibleEnum.Open(concrete);
        }
    }
}
