using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Everything that is specific to SQLite lives here, so a PostgreSQL backend has one place to replace.
/// </summary>
internal static class SqliteDialect
{
    public const string MigrationJournalDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    /// <summary>Builds the connection string from the configured one, resolving a relative file against the content root.</summary>
    public static string BuildConnectionString(string configured, string contentRoot, DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        builder.ForeignKeys = true;
        builder.Pooling = true;
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout (whole seconds); with SQLite's own
        // busy_timeout equal to it (ConnectionPragmas), the first busy answer already ends the wait.
        builder.DefaultTimeout = options.BusyTimeoutSeconds;
        return builder.ToString();
    }

    public static void EnsureDirectoryExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Pragmas applied to every connection as it opens.</summary>
    public static string ConnectionPragmas(DatabaseOptions options) =>
        $"PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Synchronous}; " +
        $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000};";

    public const int BusyErrorCode = 5;        // SQLITE_BUSY
    public const int LockedErrorCode = 6;      // SQLITE_LOCKED
    public const int ConstraintErrorCode = 19; // SQLITE_CONSTRAINT
    public const int UniqueConstraintExtendedCode = 2067;     // SQLITE_CONSTRAINT_UNIQUE
    public const int PrimaryKeyConstraintExtendedCode = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    public const int ForeignKeyConstraintExtendedCode = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY

    public static bool IsBusy(SqliteException exception) =>
        exception.SqliteErrorCode is BusyErrorCode or LockedErrorCode;

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is UniqueConstraintExtendedCode or PrimaryKeyConstraintExtendedCode;

    public static bool IsForeignKeyViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == ForeignKeyConstraintExtendedCode;

    public static bool IsConstraintViolation(SqliteException exception) =>
        exception.SqliteErrorCode == ConstraintErrorCode;
}
