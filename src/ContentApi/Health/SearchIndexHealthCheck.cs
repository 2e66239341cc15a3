using ContentApi.Data;
using ContentApi.Search;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentApi.Health;

/// <summary>
/// Degraded (still ready: every other read and write works) while the search index needs a <c>reindex</c> (built by
/// another analysis, or a rebuild from empty stopped before its end), or while
/// articles wait in the backlog of a rename (an author, tag or image carried by many articles, or one whose reindexing
/// another process kept waiting): searches by the new name miss them until they are reindexed, which finding them here
/// sets off (<see cref="SearchBacklogWatch.Nudge"/>).
/// </summary>
public sealed class SearchIndexHealthCheck(Db db, SearchBacklogWatch backlog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var indexed = await SearchAnalysis.OfIndexAsync(db, cancellationToken);
            if (indexed == SearchAnalysis.UnfinishedRebuild)
            {
                return HealthCheckResult.Degraded("a `reindex --clear` has not finished: searches miss the articles it has not reached (if it stopped, run `reindex`)");
            }
            if (indexed != SearchAnalysis.Current)
            {
                return HealthCheckResult.Degraded("built by another analysis than this build's: searches can miss articles until `reindex` runs");
            }
            await using var connection = await db.OpenAsync(cancellationToken);
            var waiting = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SearchIndex.BacklogCountSql, cancellationToken: cancellationToken));
            var failed = backlog.FailedInARow;
            if (waiting > 0 || failed > 0)
            {
                // Left by a process that stopped before draining it (another server on the database, a crash): the
                // probes of a load balancer see to it even on a server that no read has told of that process's writes.
                // After failed drains, an empty backlog (drained by a rename's own drain, another server or `reindex`)
                // is one more drain, of one read, away from the watch's recovery: without it, the watch kept counting,
                // and the first failure of a later backlog was never logged.
                backlog.Nudge();
            }
            return waiting == 0
                ? HealthCheckResult.Healthy($"analysis {SearchAnalysis.Current}")
                : HealthCheckResult.Degraded($"{waiting} {(waiting == 1 ? "article waits" : "articles wait")} to be reindexed after an author, tag or image changed: searches by the new text miss {(waiting == 1 ? "it" : "them")} until then (a server reindexes the backlog after the next such change, at start, and once it sees another process's write or this check finds it; `reindex` does too)"
                    + (failed == 0 ? "" : $"; reindexing {(waiting == 1 ? "it" : "them")} has failed {failed} {(failed == 1 ? "time" : "times")} in a row (the log has the first failure)"));
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
