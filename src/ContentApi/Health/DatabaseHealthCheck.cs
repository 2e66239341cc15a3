using ContentApi.Data;
using Dapper;
using ContentApi.Http.Limits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ContentApi.Health;

/// <summary>
/// Ready when the database file is there (the one the app opened at start), answers, and its schema is at the version
/// this build expects. A file deleted under the running app still answers through the handle the app holds, and writes
/// to it are lost with it; a new file made at its path meanwhile is not the one the app's connections have open.
/// </summary>
public sealed class DatabaseHealthCheck(Migrator migrator, Db db, IOptions<RequestLimitsOptions> limits) : IHealthCheck
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
                // Still ready: reads are answered, and a smaller write may fit. The more urgent failures first: a
                // full disk is held a while after the write that found it (Db.DiskFullHold), later ones must show.
                // Past the hold, room on the disk and under the page limit ends it without a write (Db.StillFullAsync).
                : db.LastWriteFoundReadOnly ? HealthCheckResult.Degraded($"schema version {version}; the last write failed: the database is read-only (check the file's and its folder's permissions)")
                : db.LastWriteFoundIoError ? HealthCheckResult.Degraded($"schema version {version}; the last write failed: a disk I/O error (check the database's disk: remounted read-only, failing; and the file-size limit)")
                : await db.StillFullAsync(Db.RoomToWriteAgain(limits.Value.MaxBodyBytes), cancellationToken) ? HealthCheckResult.Degraded($"schema version {version}; the last write failed: the database's disk is full")
                : db.DiskFoundFullRecently ? HealthCheckResult.Degraded($"schema version {version}; a write found the database's disk full within the last {Db.DiskFullHold.TotalMinutes:0} minutes (smaller writes since committed)")
                : await db.StillDamagedAsync(cancellationToken) ? HealthCheckResult.Degraded($"schema version {version}; {DamageFound}")
                : migrator.CreatedDatabase && !await HoldsContentOrKeysAsync(cancellationToken) ? HealthCheckResult.Healthy($"schema version {version}; {CreatedEmpty}")
                : HealthCheckResult.Healthy($"schema version {version}");
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }

    /// <summary>
    /// Whether an article, author, tag or image was ever made in the database (its id high-water marks, one row each), or a
    /// key is in it (its first row): once one is, an empty site is no longer what a mistyped path would explain.
    /// </summary>
    private async Task<bool> HoldsContentOrKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HoldsContentOrKeys, cancellationToken: cancellationToken));
    }

    private const string HoldsContentOrKeys = "SELECT EXISTS (SELECT 1 FROM id_high_water WHERE last_id > 0) OR EXISTS (SELECT 1 FROM api_keys)";

    /// <summary>Still Healthy (the app serves it), but a mistyped path serves an empty site, until content or a key is made in it: said where monitoring looks.</summary>
    private const string CreatedEmpty =
        "the database was created empty by this process at start (if content was expected, check ConnectionStrings__Content)";

    private const string DamageFound =
        "a read found the database damaged (requests that read its damaged pages are a 503; checked again at most every 30 s): check it with `PRAGMA integrity_check`, and restore a backup (`restore`) if it is not 'ok'";
}
