using Microsoft.OpenApi;

namespace ContentApi.OpenApi;

/// <summary>
/// A reference to a component schema that may also be null. OpenAPI 3.0 ignores <c>nullable</c> beside a bare
/// <c>$ref</c>, and beside a <c>oneOf</c> of the reference alone the <c>oneOf</c> still refuses null (OAS 3.0.3), so
/// strict validators rejected real responses. Written as <c>oneOf</c> the reference and a null-only schema:
/// Kiota, NSwag and openapi-typescript all read that as a plain nullable property of the referenced type, whereas
/// <c>allOf</c> made Kiota and NSwag generate a class per property, and <c>anyOf</c> made NSwag's empty wrappers.
/// The null-only schema is typed <c>string</c> whatever the reference is (OpenAPI 3.0 has no null type, and
/// <c>nullable</c> needs one): typed <c>object</c>, the zod generators read it as an empty object, so
/// openapi-zod-client's schemas refused null and orval's did not compile; typed <c>string</c>, they read it as null.
/// </summary>
public static class NullableReference
{
    public static OpenApiSchema Of(OpenApiSchemaReference reference, string? description = null) => new()
    {
        OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Enum = [null!] }],
        Description = description,
    };
}
