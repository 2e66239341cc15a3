using ContentApi.Http.Errors;
using ContentApi.Http.Writes;

namespace ContentApi.Http.Bodies;

/// <summary>
/// POST and PUT bodies are application/json. ASP.NET reads any application/*+json as JSON, so a JSON Patch
/// (application/json-patch+json) sent to a PUT replaced the resource. Judged after authentication and routing (401, 404,
/// 405 as on every other route), and before the body is read, so that a body in another media type is a 415 whatever
/// it holds, not a 400 for its JSON or its fields. A PUT's preconditions (and 404) still come first, as they do before
/// its body (<see cref="PreconditionsFirst"/>). PATCH's media types are MergePatch's.
/// </summary>
public sealed class JsonMediaTypeMiddleware(RequestDelegate next)
{
    /// <summary>Endpoint metadata of the writes whose POST or PUT body is JSON.</summary>
    public sealed class JsonBody
    {
        public static JsonBody Instance { get; } = new();
    }

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) &&
            context.GetEndpoint()?.Metadata.GetMetadata<JsonBody>() is not null &&
            RequestMediaType.Parse(request.ContentType) is { } mediaType && !mediaType.Is("application/json"))
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PreconditionsFirst>() is { } check && await check.RefusalAsync(context) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, $"POST and PUT bodies are application/json; '{Echoed.Cut(mediaType.MediaType)}' is not accepted.");
            return;
        }
        await next(context);
    }
}
