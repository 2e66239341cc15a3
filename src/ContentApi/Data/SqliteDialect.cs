using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Everything that is specific to SQLite lives in this class, so a PostgreSQL backend has one place to replace: here
/// the connection, its pragmas and SQLite's error codes; by concern, in SqliteDialect.*.cs, the statements of content
/// versions (Content), what the planner is told (Planner), list parameters (Lists), what SQLite spells its own way
/// (Syntax), the full-text index (Search), the schema's catalog (Schema) and the database file itself (Files). The
/// migrations (Data/Migrations/*.sql) are SQLite's scripts: a PostgreSQL backend brings its own set.
/// </summary>
internal static partial class SqliteDialect
{
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
        // DatabaseFile.CheckAsync makes a missing file (its owner's only) before any of these connections opens. One
        // opened while the file is gone (moved or deleted under the server) must fail, not make a new empty database at
        // its path, with a new -wal over the name of the one that went with it.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }
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

    /// <summary>Begins a read transaction: its snapshot is taken at its first read (<see cref="ReadSnapshotConnection"/>).</summary>
    public const string BeginReadTransaction = "BEGIN DEFERRED";

    /// <summary>Rows changed on this connection since it opened, by every statement (an FTS5 command's shadow-table writes too).</summary>
    public static long RowsChanged(SqliteConnection connection) => SQLitePCL.raw.sqlite3_total_changes(connection.Handle);

    /// <summary>The connection is inside a transaction (SQLite's autocommit is off).</summary>
    public static bool InTransaction(SqliteConnection connection) => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    /// <summary>
    /// Pragmas applied to every connection as it opens. A read-only one leaves the journal mode as it is: asking for WAL
    /// on a file in another mode is a write, refused with SQLITE_READONLY.
    /// </summary>
    public static string ConnectionPragmas(DatabaseOptions options, bool readOnly = false) =>
        (readOnly ? "" : "PRAGMA journal_mode = WAL; ") + $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Synchronous}; " +
        $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000}; " +
        $"PRAGMA journal_size_limit = {options.JournalSizeLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)};";

    public const int BusyErrorCode = 5;        // SQLITE_BUSY
    public const int LockedErrorCode = 6;      // SQLITE_LOCKED
    public const int ConstraintErrorCode = 19; // SQLITE_CONSTRAINT
    public const int UniqueConstraintExtendedCode = 2067;     // SQLITE_CONSTRAINT_UNIQUE
    public const int PrimaryKeyConstraintExtendedCode = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    public const int ForeignKeyConstraintExtendedCode = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY
    public const int NotNullConstraintExtendedCode = 1299;    // SQLITE_CONSTRAINT_NOTNULL
    public const int CheckConstraintExtendedCode = 275;       // SQLITE_CONSTRAINT_CHECK

    public const int FullErrorCode = 13;       // SQLITE_FULL: the disk, or the database's page limit

    public const int CorruptErrorCode = 11;    // SQLITE_CORRUPT: the database file is malformed (the search index's own damage has its extended code)

    public const int NotADatabaseErrorCode = 26; // SQLITE_NOTADB

    /// <summary>SQLITE_CORRUPT_VTAB: a virtual table (here only the FTS5 index) found its own structures damaged.</summary>
    public const int CorruptVirtualTableExtendedCode = 267;

    /// <summary>The database could not grow: its disk (or its folder's quota) is full.</summary>
    public static bool IsFull(Exception exception) => exception is SqliteException { SqliteErrorCode: FullErrorCode };

    public const int ReadOnlyErrorCode = 8;    // SQLITE_READONLY

    public const int CannotOpenErrorCode = 14; // SQLITE_CANTOPEN: no such file or folder, or no permission for it

    /// <summary>SQLITE_READONLY_ROLLBACK: a read-only connection found a journal it must roll back (a hot journal).</summary>
    public const int ReadOnlyRollbackExtendedCode = ReadOnlyErrorCode | (3 << 8);

    /// <summary>
    /// The database could not be written: its file or folder was made read-only (or its disk remounted so) after the
    /// server opened it, and the connection that tried was opened since, when SQLite falls back to reading.
    /// </summary>
    public static bool IsReadOnly(Exception exception) => exception is SqliteException { SqliteErrorCode: ReadOnlyErrorCode };

    public const int InterruptedErrorCode = 9; // SQLITE_INTERRUPT: sqlite3_interrupt or a progress handler stopped the statement

    public const int IoErrorCode = 10;         // SQLITE_IOERR: the OS failed a read, write or sync (extended codes say which)

    /// <summary>SQLITE_IOERR_WRITE, _FSYNC and _TRUNCATE: the OS refused to write the file (as past a file-size limit).</summary>
    public static IReadOnlyList<int> WriteIoErrorExtendedCodes { get; } = [IoErrorCode | (3 << 8), IoErrorCode | (4 << 8), IoErrorCode | (6 << 8)];

    /// <summary>
    /// The OS failed SQLite's reading or writing of the file: above all a connection opened before its disk was remounted
    /// read-only (or the file made immutable), whose writes through the handle it keeps fail so, not as SQLITE_READONLY.
    /// </summary>
    public static bool IsIoError(Exception exception) => exception is SqliteException { SqliteErrorCode: IoErrorCode };

    /// <summary>The connection can only read its main database (opened while the file could not be written).</summary>
    public static bool IsReadOnly(SqliteConnection connection) => SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    public static bool IsBusy(SqliteException exception) =>
        exception.SqliteErrorCode is BusyErrorCode or LockedErrorCode;

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is UniqueConstraintExtendedCode or PrimaryKeyConstraintExtendedCode;

    public static bool IsForeignKeyViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == ForeignKeyConstraintExtendedCode;

    public static bool IsNotNullViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == NotNullConstraintExtendedCode;

    public static bool IsCheckViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == CheckConstraintExtendedCode;

    public static bool IsConstraintViolation(SqliteException exception) =>
        exception.SqliteErrorCode == ConstraintErrorCode;
}
