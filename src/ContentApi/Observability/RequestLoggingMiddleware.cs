using System.Diagnostics;

namespace ContentApi.Observability;

/// <summary>
/// One structured log line per request: method, route template (not the raw path, so ids and slugs do not
/// explode cardinality), status, duration and trace id. Never headers (keys) or bodies.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            logger.LogInformation(
                "HTTP {Method} {Route} responded {Status} in {ElapsedMs:0.0} ms (trace {TraceId})",
                context.Request.Method, route, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        }
    }
}
