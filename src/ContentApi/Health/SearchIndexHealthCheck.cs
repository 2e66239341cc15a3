using ContentApi.Data;
using ContentApi.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Health;

/// <summary>Degraded (still ready: every other read and write works) while the search index needs a <c>reindex</c>.</summary>
public sealed class SearchIndexHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SearchAnalysis.OfIndexAsync(db, cancellationToken) == SearchAnalysis.Current
                ? HealthCheckResult.Healthy($"analysis {SearchAnalysis.Current}")
                : HealthCheckResult.Degraded("built by another analysis than this build's: searches can miss articles until `reindex` runs");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
