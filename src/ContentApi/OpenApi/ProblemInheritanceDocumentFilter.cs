using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Writes every other problem schema as <c>allOf</c> ProblemDetails and its own members, so that generated clients
/// derive it from ProblemDetails and one catch reads every problem's code and traceId (Kiota's
/// HttpValidationProblemDetails, with every member repeated, derived from ApiException only). NSwag (both JSON
/// libraries), Kiota and orval (with the README's transformer, under tsc --strict) all make it a derived type.
/// </summary>
public sealed class ProblemInheritanceDocumentFilter : IDocumentFilter
{
    private const string BaseId = "ProblemDetails";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (swaggerDoc.Components?.Schemas is not { } schemas || !schemas.TryGetValue(BaseId, out var baseSchema) || baseSchema is not OpenApiSchema { Properties: { } baseMembers })
        {
            return;
        }
        foreach (var id in schemas.Keys.Where(k => k.EndsWith(BaseId, StringComparison.Ordinal) && k != BaseId).ToList())
        {
            if (schemas[id] is not OpenApiSchema { Properties: { } members } problem)
            {
                continue;
            }
            schemas[id] = new OpenApiSchema
            {
                Description = problem.Description,
                AllOf =
                [
                    new OpenApiSchemaReference(BaseId, swaggerDoc),
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = members.Where(m => !baseMembers.ContainsKey(m.Key)).ToDictionary(),
                        Required = (problem.Required ?? new HashSet<string>()).Where(r => !baseMembers.ContainsKey(r)).ToHashSet(),
                    },
                ],
            };
        }
    }
}
