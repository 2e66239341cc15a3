using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// A property is required exactly when its C# type is non-nullable (value types included), and
/// nullable exactly when it is nullable. Responses always carry every property, nulls included,
/// so generated clients get precise required/optional/nullable types.
/// </summary>
public sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.Namespace?.StartsWith("ContentApi", StringComparison.Ordinal) != true)
        {
            return;
        }
        concrete.Required ??= new HashSet<string>();
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.ContainsKey(name))
            {
                continue;
            }
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null ||
                (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
            if (nullable)
            {
                concrete.Required.Remove(name);
                if (concrete.Properties[name] is OpenApiSchemaReference reference)
                {
                    // OpenAPI 3.0 cannot mark a bare $ref nullable; "nullable" only counts beside an explicit type.
                    concrete.Properties[name] = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, AllOf = [reference] };
                }
            }
            else
            {
                concrete.Required.Add(name);
            }
        }
    }
}
