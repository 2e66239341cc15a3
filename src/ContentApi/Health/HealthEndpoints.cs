using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        MapProbe(app, "/health/live", _ => false);
        MapProbe(app, "/health/ready", c => c.Tags.Contains("ready"));
    }

    /// <summary>GET and HEAD only: other methods are a 405, as everywhere else.</summary>
    private static void MapProbe(WebApplication app, string pattern, Func<HealthCheckRegistration, bool> checks) =>
        app.MapHealthChecks(pattern, new HealthCheckOptions { Predicate = checks, ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription()
            // Probes come from a load balancer or an orchestrator, often through the same proxy address as the API's
            // callers: the API's rate limits must not fail them.
            .DisableRateLimiting().WithMetadata(ProbeEndpoint.Instance);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, Http.Json.JsonSetup.Options));
    }
}
