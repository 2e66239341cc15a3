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
    /// <summary>
    /// The file's schema version (0 for a new or empty file, created here with its folder); throws
    /// <see cref="DatabaseFileException"/> for a file not to use, saying in one line what is wrong with it.
    /// </summary>
    public static async Task<int> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var path = builder.DataSource;
        var onDisk = builder.Mode != SqliteOpenMode.Memory && path is not ("" or ":memory:");
        if (onDisk && Directory.Exists(path))
        {
            throw new DatabaseFileException($"{path} is a directory, not a database file: check ConnectionStrings__Content.");
        }
        var exists = !onDisk || File.Exists(path);
        try
        {
            if (!exists)
            {
                SqliteDialect.EnsureDirectoryExists(connectionString);
                PrivateFiles.CreateEmpty(path);
            }
            // Not one of the app's connections: those apply their pragmas as they open.
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            if (await ForeignAsync(connection) is { } why)
            {
                throw new DatabaseFileException($"{path} is not a ContentApi database ({why}): check ConnectionStrings__Content (nothing was changed).");
            }
            var version = await Migrator.VersionOfAsync(connection);
            return version > Migrator.LatestVersion ? throw NewerSchema(path, version) : version;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CannotOpenErrorCode)
        {
            throw CannotOpen(path, exists, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw CannotOpen(path, exists, exception);
        }
        catch (IOException exception) when (exception is not DatabaseFileException)
        {
            // A folder on the way that cannot be made: .NET says a file by that name "already exists".
            var file = FileOnTheWay(path);
            throw new DatabaseFileException(
                $"{path} cannot be opened or created: {(file is null ? exception.Message : $"{file} is a file, not a folder.")}", exception);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.NotADatabaseErrorCode)
        {
            throw new DatabaseFileException($"{path} is not a SQLite database: check ConnectionStrings__Content (nothing was changed).", exception);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CorruptErrorCode)
        {
            throw new DatabaseFileException(Damaged(path, exception), exception) { IsDamaged = true };
        }
        catch (SqliteException exception) when ((SqliteDialect.IsIoError(exception) || SqliteDialect.IsFull(exception)) && DiskIsFull(path))
        {
            // SQLite could not make the -shm beside the readable file: "disk I/O error" named neither the cause nor the cure.
            throw new DatabaseFileException(DiskFull(path), exception);
        }
        catch (SqliteException exception) when (!SqliteDialect.IsBusy(exception) && exception.SqliteErrorCode != SqliteDialect.ReadOnlyErrorCode)
        {
            // Unreadable (SQLITE_IOERR): still one line with the file's name, for the server too.
            throw new DatabaseFileException($"{path} cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// What to say of <paramref name="path"/> when SQLite finds it damaged (SQLITE_CORRUPT), on opening it or on reading a
    /// damaged page later: SQLite's message names neither the file nor what to do.
    /// </summary>
    public static string Damaged(string path, SqliteException exception) =>
        $"{path} is damaged ({exception.Message.TrimEnd('.')}): check it with sqlite3's PRAGMA integrity_check, and restore a backup if it is not 'ok'.";

    /// <summary>
    /// Throws <see cref="DatabaseFileException"/> when the app cannot write the database it opens: SQLite opens a file it
    /// cannot write read-only without a word, and a current schema leaves nothing to write at start, so the server
    /// started and answered every write with 503. A -wal or -shm it cannot write fails every write the same way.
    /// </summary>
    public static async Task EnsureWritableAsync(Db db, CancellationToken cancellationToken)
    {
        if (OnDiskPath(db.ConnectionString) is not { } path)
        {
            return;
        }
        bool readOnly;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            readOnly = SqliteDialect.IsReadOnly(connection);
        }
        if (readOnly || NotWritable.FileOf(path) is not null)
        {
            throw new DatabaseFileException(ReadOnly(path));
        }
    }

    /// <summary>Why the app cannot write <paramref name="path"/>, naming what to fix: the file, its -wal or -shm, or its folder.</summary>
    public static string ReadOnly(string path) =>
        (NotWritable.FileOf(path) ?? NotWritable.FolderOf(path)) is { } culprit
            ? $"{path} is read-only: {culprit} cannot be written (check its permissions and its disk's mount)."
            : $"{path} is read-only (check the file's and its folder's permissions and its disk's mount).";

    /// <summary>What to do about a full disk, as the server's log says it for a write refused so.</summary>
    public const string FreeSpace = "Free space on it.";

    /// <summary>Why <paramref name="path"/> cannot be opened on a disk without room for what SQLite makes beside it.</summary>
    public static string DiskFull(string path) =>
        $"{path} cannot be opened: the database's disk is full (SQLite could not make its -shm and -wal files beside it). {FreeSpace}";

    /// <summary>Whether the disk of <paramref name="path"/> lacks room for the -shm and the first -wal pages SQLite makes beside a database.</summary>
    public static bool DiskIsFull(string path)
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).AvailableFreeSpace < RoomBesideDatabase;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The -shm's first 32 KiB and a few pages of -wal.</summary>
    private const long RoomBesideDatabase = 64 * 1024;

    public static string PathOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>
    /// The suffix of the file SQLite keeps beside <paramref name="database"/> (its rollback journal, write-ahead log or
    /// shared memory) that the full path <paramref name="target"/> names, if it names one: a command must not write there.
    /// SQLite deletes a journal it finds invalid when it next opens the database (a backup written there was lost), and
    /// cannot open the database at all while a folder has that name (an export there stopped the server).
    /// </summary>
    public static string? CompanionSuffix(string target, string? database) =>
        database is null ? null
            : Array.Find(["-journal", "-wal", "-shm"], suffix => string.Equals(target, Path.GetFullPath(database) + suffix, StringComparison.Ordinal));

    /// <summary>Why a command refuses <paramref name="target"/>, which names the database's <paramref name="suffix"/> file.</summary>
    public static string CompanionRefusal(string target, string suffix) =>
        $"{target} is the name SQLite gives the database's {suffix} file, which it deletes or needs for itself; choose another name.";

    /// <summary>The file a connection string names, or null for an in-memory database.</summary>
    public static string? OnDiskPath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : builder.DataSource;
    }

    public static DatabaseFileException NewerSchema(string path, int version) => new(
        $"{path} has schema version {version}, but this build knows only up to {Migrator.LatestVersion}: run the newer ContentApi that migrated it (nothing was changed).")
    {
        IsNewerSchema = true,
    };

    public static bool IsReadOnly(SqliteException exception) => exception.SqliteErrorCode == SqliteDialect.ReadOnlyErrorCode;

    /// <summary>
    /// SQLite cannot open the file, or create it: without permission to write the folder (a new file) or to read the
    /// file (never as root, which may read and write anything).
    /// </summary>
    private static DatabaseFileException CannotOpen(string path, bool exists, Exception inner) => new(
        exists ? $"{path} cannot be opened or created: check the file's and its folder's permissions."
            : $"{path} cannot be opened or created: check the folder's permissions.", inner);

    /// <summary>A file where a folder of <paramref name="path"/> should be, or null.</summary>
    private static string? FileOnTheWay(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return folder;
            }
        }
        return null;
    }

    /// <summary>
    /// Why the database is another application's, or null: it has tables but not our journal (an empty file, or a new
    /// one, is ours to migrate), or a journal of another tool's by that name (golang-migrate's, Rails').
    /// </summary>
    public static async Task<string?> ForeignAsync(SqliteConnection connection)
    {
        var tables = (await connection.QueryAsync<string>(
            SqliteDialect.ListTables)).ToList();
        if (!tables.Contains(Journal))
        {
            return tables.Count == 0 ? null : $"it has tables but no {Journal}";
        }
        var columns = (await connection.QueryAsync<string>(SqliteDialect.ColumnNames("@Journal"), new { Journal })).ToList();
        return JournalColumns.All(columns.Contains) ? null : $"its {Journal} table is another tool's";
    }

    private const string Journal = "schema_migrations";

    /// <summary>The columns of <see cref="SqliteDialect.MigrationJournalDdl"/>.</summary>
    private static readonly string[] JournalColumns = ["version", "name", "applied_at"];
}

/// <summary>
/// The configured database file is not one the app can use; the message says which file, what is wrong, in one line.
/// An <see cref="IOException"/>, as the failure of a file: the admin commands print those in one line, without a stack.
/// </summary>
public sealed class DatabaseFileException : IOException
{
    /// <summary>The file is a database of ours that a newer build has migrated further.</summary>
    public bool IsNewerSchema { get; init; }

    /// <summary>SQLite found the file damaged (SQLITE_CORRUPT).</summary>
    public bool IsDamaged { get; init; }

    public DatabaseFileException() { }
    public DatabaseFileException(string message) : base(message) { }
    public DatabaseFileException(string message, Exception inner) : base(message, inner) { }
}
