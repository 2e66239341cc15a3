using System.Diagnostics;
using ContentApi.Http.Pipeline;

namespace ContentApi.Observability;

/// <summary>
/// One structured log line per request: method, route template (not the raw path, so ids and slugs do not
/// explode cardinality), the route's values apart (<c>id=301</c>: who changed article 301 at 10:02 is then in the log), status, duration, trace id, the client's address (after trusted proxies) and the name of the
/// key used, so that an operator can tell what a leaked key did and where refused keys came from. Never headers (keys) or bodies. Health probes and metrics scrapes that succeed, every few seconds from an
/// orchestrator and a scraper, are logged at Debug, so that they do not bury the API's own lines.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, Microsoft.Extensions.Options.IOptions<ObservabilityOptions> options)
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
            var routine = context.Response.StatusCode < 400 && options.Value.IsOperatorPath(context.Request.Path);
            logger.Log(routine ? LogLevel.Debug : LogLevel.Information,
                "HTTP {Method} {Route} responded {Status} in {ElapsedMs:0.0} ms (route {RouteValues}, trace {TraceId}, client {Client}, key {Key})",
                context.Request.Method, route, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, LoggedRouteValues.Of(context), Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
                context.Connection.RemoteIpAddress is { } client ? NetworkEntries.Plain(client).ToString() : "-",
                context.User.Identity is { IsAuthenticated: true, Name: { } key } ? key : "-");
        }
    }
}
