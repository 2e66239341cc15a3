using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// A preflight's answer depends on the origin and on the method and headers it asks for (reads are open to every
/// origin, writes only to the configured ones), so it says so in <c>Vary</c>: a cache that keeps OPTIONS answers
/// (CloudFront can) otherwise gave one origin's or one method's answer to another. The CORS middleware does not.
/// </summary>
public sealed class CorsPreflightVary(RequestDelegate next)
{
    private static readonly string[] VaryingOn = [HeaderNames.Origin, HeaderNames.AccessControlRequestMethod, HeaderNames.AccessControlRequestHeaders];

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.Vary = Microsoft.Extensions.Primitives.StringValues.Concat(headers.Vary, VaryingOn);
                return Task.CompletedTask;
            }, context);
        }
        return next(context);
    }
}
