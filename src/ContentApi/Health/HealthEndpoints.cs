using System.Text.Json;
using ContentApi.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Health;

/// <summary>
/// Ready when the database file is there (the one the app opened at start), answers, and its schema is at the version
/// this build expects. A file deleted under the running app still answers through the handle the app holds, and writes
/// to it are lost with it; a new file made at its path meanwhile is not the one the app's connections have open.
/// </summary>
public sealed class DatabaseHealthCheck(Migrator migrator, Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (db.FileIsGone)
        {
            return HealthCheckResult.Unhealthy("the database file is gone (deleted, moved or replaced while the app runs): put it back in place, or restart the app to open the file at its path");
        }
        try
        {
            var version = await migrator.CurrentVersionAsync(cancellationToken);
            return version != Migrator.LatestVersion ? HealthCheckResult.Unhealthy($"schema version {version}, expected {Migrator.LatestVersion}")
                // Still ready: reads are answered, and a smaller write may fit.
                : db.LastWriteFoundDiskFull ? HealthCheckResult.Degraded($"schema version {version}; the last write failed: the database's disk is full")
                : HealthCheckResult.Healthy($"schema version {version}");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}

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
