using ContentApi.Http.Bodies;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// OPTIONS asks what a resource takes (RFC 9110 §9.3.7). Routing answers a method a path does not have with a 405 and
/// <c>Allow</c>, and so it answered an OPTIONS that is no CORS preflight (which <c>UseCors</c> answers first), with
/// an <c>Allow</c> that left OPTIONS out. Such an OPTIONS is now a 204 with <c>Allow</c>, OPTIONS named in it as in
/// every 405's, and <c>Accept-Patch</c> where the resource takes PATCH (RFC 5789 §3.1).
/// </summary>
public sealed class PlainOptions(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response is not { StatusCode: StatusCodes.Status405MethodNotAllowed, HasStarted: false } response ||
            response.Headers.Allow.ToString() is not { Length: > 0 } allow)
        {
            return;
        }
        var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Append(HttpMethods.Options)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        response.Headers.Allow = string.Join(", ", methods);
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            if (methods.Contains(HttpMethods.Patch))
            {
                response.Headers["Accept-Patch"] = AcceptedBodyFormats.PatchMediaTypes;
            }
        }
    }
}
