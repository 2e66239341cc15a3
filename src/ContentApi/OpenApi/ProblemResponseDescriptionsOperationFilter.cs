using ContentApi.Http.Errors;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Describes each problem response by the codes of its status and what they mean. NSwag makes the description its
/// ApiException's Message, and the status phrase ("Precondition Failed") told a log nothing.
/// </summary>
public sealed class ProblemResponseDescriptionsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse concrete && int.TryParse(status, out var code) && code >= 400 && DescriptionOf(code) is { } description)
            {
                concrete.Description = description;
            }
        }
    }

    private static string? DescriptionOf(int status)
    {
        var meanings = ProblemCodes.Meanings.Where(m => m.Status == status).Select(m => $"`{m.Code}`: {m.Meaning}").ToList();
        return meanings.Count == 0 ? null : string.Join(" ", meanings);
    }
}
