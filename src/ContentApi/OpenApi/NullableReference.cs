using Microsoft.OpenApi;

namespace ContentApi.OpenApi;

/// <summary>
/// A reference to a component schema that may also be null. OpenAPI 3.0 ignores <c>nullable</c> beside a bare
/// <c>$ref</c>, and beside a <c>oneOf</c> of the reference alone the <c>oneOf</c> still refuses null (OAS 3.0.3), so
/// strict validators rejected real responses. Written as <c>oneOf</c> the reference and a null-only schema of its type:
/// Kiota, NSwag and openapi-typescript all read that as a plain nullable property of the referenced type, whereas
/// <c>allOf</c> made Kiota and NSwag generate a class per property, and <c>anyOf</c> made NSwag's empty wrappers.
/// </summary>
public static class NullableReference
{
    public static OpenApiSchema Of(OpenApiSchemaReference reference, JsonSchemaType referencedType, string? description = null) => new()
    {
        OneOf = [reference, new OpenApiSchema { Type = referencedType | JsonSchemaType.Null, Enum = [null!] }],
        Description = description,
    };
}
