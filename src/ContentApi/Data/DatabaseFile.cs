using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Whether the configured file is one this build may migrate and write, found before anything writes to it (the pragmas
/// of the app's connections alone would turn another application's file to WAL). An older build must never write into a
/// schema a newer one made: it does not know what the newer migrations changed. Nor may its migrations go into another
/// application's database that a connection string happens to name.
/// </summary>
public static class DatabaseFile
{
    /// <summary>The file's schema version (0 for a new or empty file); throws <see cref="DatabaseFileException"/> for a file not to use.</summary>
    public static async Task<int> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var path = PathOf(connectionString);
        // Not one of the app's connections: those apply their pragmas as they open.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        if (await ForeignAsync(connection) is { } why)
        {
            throw new DatabaseFileException($"{path} is not a ContentApi database ({why}): check ConnectionStrings__Content (nothing was changed).");
        }
        var version = await Migrator.VersionOfAsync(connection);
        return version > Migrator.LatestVersion ? throw NewerSchema(path, version) : version;
    }

    /// <summary>
    /// Why the database is another application's, or null: it has tables but not our journal (an empty file, or a new
    /// one, is ours to migrate), or a journal of another tool's by that name (golang-migrate's, Rails').
    /// </summary>
    private static async Task<string?> ForeignAsync(SqliteConnection connection)
    {
        var tables = (await connection.QueryAsync<string>(
            @"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'")).ToList();
        if (!tables.Contains(Journal))
        {
            return tables.Count == 0 ? null : $"it has tables but no {Journal}";
        }
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@Journal)", new { Journal })).ToList();
        return JournalColumns.All(columns.Contains) ? null : $"its {Journal} table is another tool's";
    }

    private const string Journal = "schema_migrations";

    /// <summary>The columns of <see cref="SqliteDialect.MigrationJournalDdl"/>.</summary>
    private static readonly string[] JournalColumns = ["version", "name", "applied_at"];

    public static string PathOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public static DatabaseFileException NewerSchema(string path, int version) => new(
        $"{path} has schema version {version}, but this build knows only up to {Migrator.LatestVersion}: run the newer ContentApi that migrated it (nothing was changed).");
}

/// <summary>
/// The configured database file is not one the app can use; the message says which file, what is wrong, in one line.
/// An <see cref="IOException"/>, as the failure of a file: the admin commands print those in one line, without a stack.
/// </summary>
public sealed class DatabaseFileException : IOException
{
    public DatabaseFileException() { }
    public DatabaseFileException(string message) : base(message) { }
    public DatabaseFileException(string message, Exception inner) : base(message, inner) { }
}
