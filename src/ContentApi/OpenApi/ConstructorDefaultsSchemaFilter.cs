using System.Text.Json;
using ContentApi.Http.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// States the value a request member takes when it is left out: its record's constructor default (none at present: an
/// article's <c>status</c> had <c>draft</c>, and a PUT without it unpublished). OpenAPI 3.0 ignores keywords beside a bare
/// <c>$ref</c>, so a referenced schema's default stands beside <c>allOf</c> the reference, with the member's
/// description: Kiota and NSwag then start the member at the default, typed as the referenced enum.
/// </summary>
public sealed class ConstructorDefaultsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.Type.GetConstructors().MaxBy(c => c.GetParameters().Length) is not { } constructor)
        {
            return;
        }
        foreach (var parameter in constructor.GetParameters())
        {
            if (!parameter.HasDefaultValue || parameter.DefaultValue is null || parameter.Name is null ||
                !properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(parameter.Name), out var property))
            {
                continue;
            }
            var value = JsonSerializer.SerializeToNode(parameter.DefaultValue, parameter.ParameterType, JsonSetup.Options);
            switch (property)
            {
                case OpenApiSchemaReference reference:
                    properties[JsonNamingPolicy.CamelCase.ConvertName(parameter.Name)] = new OpenApiSchema { AllOf = [reference], Default = value, Description = reference.Description };
                    break;
                case OpenApiSchema inline:
                    inline.Default = value;
                    break;
            }
        }
    }
}
