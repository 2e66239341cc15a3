using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>
/// What <c>restore</c> does with resource versions. If-Match compares only the version part of an ETag, so a snapshot's
/// versions, put back as they were, named other content than the same numbers given after the snapshot: a caller
/// holding one overwrote the restored resource's next edit. Every restored row is moved past the highest version its
/// table has given in the replaced database (deleted rows' too), and that record is carried over, so later restores
/// move past it as well. A row already past keeps its version: into a new database, versions stay as they were. Setting
/// the floor, rather than adding it, keeps versions growing by one per restore, not doubling with a backup taken after one.
/// </summary>
public static class RestoredVersions
{
    /// <summary>The tables whose rows carry a version, as migration 0012 names them (only these are written into SQL).</summary>
    private static readonly string[] VersionedTables = ["articles", "authors", "images", "tags"];



    private static string HighestVersionSql(string table) => $"SELECT coalesce(max(version), 0) FROM {table}";

    private static string MovePastSql(string table) => $"UPDATE {table} SET version = @Floor WHERE version < @Floor";

    /// <summary>The highest version each table of the database about to be replaced has given (none for a new one).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> HighWaterAsync(SqliteConnection replaced)
    {
        if (await replaced.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = "version_high_water" }))
        {
            return (await replaced.QueryAsync<(string Name, long LastVersion)>(SqliteDialect.ReadVersionHighWater)).ToDictionary(r => r.Name, r => r.LastVersion);
        }
        // Older than migration 0012: its rows are all it knows of.
        var highWater = new Dictionary<string, long>();
        foreach (var table in VersionedTables)
        {
            if (await replaced.ExecuteScalarAsync<bool>(SqliteDialect.HasTable, new { Name = table }))
            {
                highWater[table] = await replaced.ExecuteScalarAsync<long>(HighestVersionSql(table));
            }
        }
        return highWater;
    }

    /// <summary>Moves every row of the snapshot <paramref name="snapshot"/> is open on past <paramref name="highWater"/>, in one transaction.</summary>
    public static async Task MovePastAsync(SqliteConnection snapshot, IReadOnlyDictionary<string, long> highWater, CancellationToken cancellationToken)
    {
        await using var transaction = await snapshot.BeginTransactionAsync(cancellationToken);
        foreach (var table in VersionedTables)
        {
            if (highWater.TryGetValue(table, out var lastVersion) && lastVersion > 0)
            {
                await snapshot.ExecuteAsync(MovePastSql(table), new { Floor = lastVersion + 1 }, transaction);
                await snapshot.ExecuteAsync(SqliteDialect.RaiseVersionHighWater, new { Name = table, LastVersion = lastVersion }, transaction);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
