using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ContentApi.Http.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>Every problem gets a stable type, a title and the trace id that the request logs carry.</summary>
    public static IServiceCollection AddContentApiProblemDetails(this IServiceCollection services)
    {
        // Ahead of ASP.NET Core's writer, which declines requests whose Accept leaves JSON out.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.ForStatus(status);
            }
            problem.Detail ??= DefaultDetail(status, context.HttpContext);
            // A status page (401, 403, 404 at no endpoint, 405) names no code of its own.
            problem.Extensions.TryAdd(Problems.CodeMember, ProblemCodes.ForStatus(status, context.HttpContext.Features.Get<IEndpointFeature>()?.Endpoint is not null));
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.Remove("exception");
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? context.HttpContext.TraceIdentifier;
            if (status == StatusCodes.Status415UnsupportedMediaType)
            {
                Bodies.AcceptedBodyFormats.AddTo(context.HttpContext);
            }
            if (status == StatusCodes.Status400BadRequest && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
            {
                // The 400 schema requires errors; a refusal that named nothing in particular names the request as a whole.
                problem.Extensions["errors"] = new Dictionary<string, string[]> { ["$"] = [problem.Detail] };
            }
        });
        services.AddExceptionHandler<KnownExceptionHandler>();
        return services;
    }

    private static string DefaultDetail(int status, HttpContext context) => status switch
    {
        401 => "A valid API key is required: send 'Authorization: Bearer <key>'.",
        403 => "The API key does not have the scope this operation needs.",
        404 => context.Features.Get<IEndpointFeature>()?.Endpoint is null
            ? "No resource exists at this path."
            : "The resource was not found.",
        405 => $"The method {context.Request.Method} is not allowed on this resource.",
        415 => Problems.UnsupportedMediaTypeDetail,
        500 => "An unexpected error occurred. Quote the traceId when reporting it.",
        _ => ReasonPhrase(status),
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request failed.";
}
