using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>Damage a request found in the database file, which only the operator can repair, for readiness to report.</summary>
public sealed partial class Db
{
    private DamageWatch? _damage;

    private DamageWatch Damage => LazyInitializer.EnsureInitialized(ref _damage, () => new DamageWatch(clock, Closing, logger));

    public void NoteDamage() => Damage.Note();

    /// <summary>Checks of the whole file run since the app began (see <see cref="DamageWatch.ChecksRun"/>).</summary>
    public long DamageChecksRun => Damage.ChecksRun;

    /// <summary>
    /// Whether the database is still damaged, by SQLite's <c>integrity_check</c> (see <see cref="DamageWatch"/> for how
    /// often), until the file is whole again (restored, or repaired); false at once while no request has found damage.
    /// <c>quick_check</c>, cheaper, does not compare an index's entries with its table's rows: an index whose entries
    /// name rows that have moved made requests a 503 database_damaged while it said "ok", and readiness went from
    /// Degraded to Healthy and back with each probe and request. Re-reading only what a request failed on would need
    /// every failing statement kept; a check at most every 30 s, off the probes' path, costs less than that code.
    /// </summary>
    public Task<bool> StillDamagedAsync(CancellationToken cancellationToken) => Damage.StillFoundAsync(IsDamagedAsync, cancellationToken);

    private async Task<bool> IsDamagedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // Its first finding is enough: one damage makes the file damaged, and listing more reads on.
            var results = await SqliteInterrupt.RunAsync(connection,
                () => connection.QueryAsync<string>(new CommandDefinition(SqliteDialect.CheckIntegrityToFirstProblem, cancellationToken: cancellationToken)), cancellationToken);
            return results.ToList() is not ["ok"];
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
        {
            return true;
        }
    }
}
