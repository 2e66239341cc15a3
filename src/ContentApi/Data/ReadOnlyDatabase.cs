using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// How a command that only reads (backup, export, keys list) opens a database this process cannot write, such as a
/// copy on read-only media: read-only, without migrating it or changing its journal mode. Opened as the server opens
/// it, such a copy in a folder of mode 555 was refused as read-only, though SQLite reads it.
/// </summary>
public static class ReadOnlyDatabase
{
    /// <summary>
    /// The connection string to read the database read-only with, or null when this process may write it (the command
    /// then opens it as the server does). In a folder it cannot write, a WAL database without its -shm can only be read
    /// as immutable: SQLite cannot make the -shm there. That is safe only with no -wal or -journal holding changes beside it
    /// (no process has it open: a WAL database's last connection removes the -shm as it closes); with one, the command refuses.
    /// </summary>
    public static string? ConnectionString(string connectionString)
    {
        if (DatabaseFile.OnDiskPath(connectionString) is not { } path || !File.Exists(path))
        {
            return null;
        }
        var folder = NotWritable.FolderOf(path);
        if (NotWritable.FileOf(path) is null && folder is null)
        {
            return null;
        }
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (folder is not null && !File.Exists(path + "-shm"))
        {
            if (Array.Find([path + "-wal", path + "-journal"], HoldsChanges) is { } changes)
            {
                throw new DatabaseFileException(
                    $"{path} cannot be read: {changes} holds changes that SQLite can only read by writing in {folder}; copy the database with it into a folder that can be written (nothing was changed).");
            }
            builder.DataSource = FileUri(Path.GetFullPath(path)) + "?immutable=1";
        }
        return builder.ToString();
    }

    /// <summary>
    /// Throws <see cref="DatabaseFileException"/> unless <paramref name="db"/>, open read-only on <paramref name="path"/>,
    /// is a ContentApi database of this build's schema: one that needs migrating cannot be, as the command cannot write it.
    /// </summary>
    public static async Task CheckAsync(Db db, string path, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await DatabaseFile.ForeignAsync(connection) is { } why)
        {
            throw new DatabaseFileException($"{path} is not a ContentApi database ({why}): check ConnectionStrings__Content (nothing was changed).");
        }
        var version = await Migrator.VersionOfAsync(connection);
        if (version > Migrator.LatestVersion)
        {
            throw DatabaseFile.NewerSchema(path, version);
        }
        if (version < Migrator.LatestVersion)
        {
            throw new DatabaseFileException(
                $"{path} has schema version {version}, older than this build's {Migrator.LatestVersion}, and cannot be written to migrate it: run the command where the file can be written (nothing was changed).");
        }
    }

    private static bool HoldsChanges(string file) => File.Exists(file) && new FileInfo(file).Length > 0;

    /// <summary>
    /// The file's URI, each segment escaped whole: Uri leaves an escape already in a name as it is (ro%41x), which SQLite
    /// then decodes (roAx), reading another file or none.
    /// </summary>
    private static string FileUri(string fullPath) =>
        "file://" + string.Join('/', fullPath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
