using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Documents the properties marked <see cref="SchemaOfAttribute"/> as the schema they name.</summary>
public sealed class SchemaOfSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (property.GetCustomAttribute<SchemaOfAttribute>() is { } schemaOf && properties.ContainsKey(name))
            {
                properties[name] = context.SchemaGenerator.GenerateSchema(schemaOf.Type, context.SchemaRepository);
            }
        }
    }
}
