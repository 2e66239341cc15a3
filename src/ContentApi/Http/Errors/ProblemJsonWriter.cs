using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Errors;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's Accept says. ASP.NET Core's own
/// writer declines when Accept leaves JSON out (a browser's <c>text/html</c>): middleware that relies on it then threw
/// (500 with an empty body), and endpoints fell back to problems without traceId, or to text/plain status pages.
/// An API's errors are JSON; clients that cannot read it still get the status.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
