using System.Text.Json.Nodes;
using ContentApi.Http.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Microsoft.OpenApi.MicrosoftExtensions;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>Documents what every problem body carries: RFC 9457's members, never null, and the trace id; <c>detail</c> is the message.</summary>
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
            Description = "The request's trace id, as the server's request log shows it (the W3C trace id when tracing is on); quote it when reporting a problem.",
        };
        if (!context.SchemaRepository.Schemas.ContainsKey(CodeSchemaId))
        {
            context.SchemaRepository.AddDefinition(CodeSchemaId, CodeSchema());
        }
        concrete.Properties[Problems.CodeMember] = new OpenApiSchemaReference(CodeSchemaId);
        // ProblemDetailsSetup fills every one of these on every problem (instance with the request path); a 409's own
        // members that every such problem carries (RequiredPropertiesSchemaFilter) stay required after them.
        var own = concrete.Required ?? new HashSet<string>();
        concrete.Required = new HashSet<string> { "type", "title", "status", "detail", "instance", "traceId", Problems.CodeMember };
        concrete.Required.UnionWith(own);
        if (context.Type == typeof(HttpValidationProblemDetails) && concrete.Properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema errorsSchema)
        {
            // ProblemDetailsSetup gives every 400 its errors, so clients may read them without a null check.
            concrete.Required.Add("errors");
            errorsSchema.Description = "What was wrong, each with its messages: a body member by its JSON path, a query or route parameter or a header by its name, and $ for the body or the request as a whole.";
        }
        foreach (var name in concrete.Required)
        {
            if (concrete.Properties.TryGetValue(name, out var property) && property is OpenApiSchema member && member.Type is { } type)
            {
                member.Type = type & ~JsonSchemaType.Null;
            }
        }
        if (concrete.Properties.TryGetValue("detail", out var detail) && detail is OpenApiSchema detailSchema)
        {
            // Kiota's exceptions then carry it as their Message (else "Exception of type 'ProblemDetails' was thrown.").
            detailSchema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            detailSchema.Extensions[OpenApiPrimaryErrorMessageExtension.Name] = new OpenApiPrimaryErrorMessageExtension { IsPrimaryErrorMessage = true };
        }
        // Open, as RFC 9457 has problems, but without the empty additionalProperties schema Swashbuckle writes for
        // ProblemDetails.Extensions: from it openapi-typescript gave every problem an index signature, so a client could
        // not narrow its error union to the validation problem by "errors" in error, nor read errors typed. Every
        // extension member the server sends is declared (traceId, errors, and those of the 409s).
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
    }

    private const string CodeSchemaId = "ProblemCode";

    /// <summary>
    /// Every code the server sends, one schema every problem refers to (inline, NSwag made a code type per problem),
    /// open (<see cref="ExtensibleEnum"/>), as a new kind of problem gets a new code.
    /// </summary>
    private static OpenApiSchema CodeSchema()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. ProblemCodes.Meanings.Select(m => (JsonNode)JsonValue.Create(m.Code))],
            Description = "What kind of problem this is, where type names only its status: a stable identifier to switch on (a new kind of problem " +
                "gets a new code; a code never changes meaning).",
        };
        ExtensibleEnum.Open(schema);
        schema.Description += " Take an unknown code as its status says.\n\n" + string.Join("\n", ProblemCodes.Meanings.Select(m => $"- `{m.Code}` ({m.Status}): {m.Meaning}"));
        return schema;
    }
}
