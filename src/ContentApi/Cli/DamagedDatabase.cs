using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>The database <c>restore</c> replaces, when SQLite finds it damaged.</summary>
internal static class DamagedDatabase
{
    /// <summary>
    /// A connection to a damaged database on which SQLite reads what it still can, and lets it be written over whole:
    /// one shorter than its header says (cut short) it refuses to read or write at all unless its schema may be written.
    /// Not one of the app's, whose pragmas read the file as they open; but in WAL mode, as theirs make it: in rollback
    /// mode the replacement's lock kept the reads of the replaced database out ("database is locked").
    /// </summary>
    public static async Task<SqliteConnection> OpenAsync(string file, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(OwnDatabaseFiles.ConnectionString(file, SqliteOpenMode.ReadWrite));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(SqliteDialect.OpenDamaged);
            return connection;
        }
        catch
        {
            // Unpooled: left to the collector, its handle would hold the damaged file open until then.
            await connection.DisposeAsync();
            throw;
        }
    }
}
