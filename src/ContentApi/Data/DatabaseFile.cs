using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Whether the configured file is one this build may migrate and write, found before anything writes to it. An older
/// build must never write into a schema a newer one made: it does not know what the newer migrations changed.
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
        var version = await Migrator.VersionOfAsync(connection);
        return version > Migrator.LatestVersion ? throw NewerSchema(path, version) : version;
    }

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
