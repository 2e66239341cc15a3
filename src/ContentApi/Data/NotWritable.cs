using System.Runtime.InteropServices;

namespace ContentApi.Data;

/// <summary>
/// Which file keeps SQLite from writing a database: the database itself, its -wal or -shm (SQLite makes those with the
/// database's mode, so a database that was read-only for a while leaves them read-only after it is writable again), or
/// the folder that must let it make them. Asked with access(2): opening and closing one of these files in the process
/// would drop the POSIX locks SQLite holds on it.
/// </summary>
public static partial class NotWritable
{
    /// <summary>The first of the database and those of its -wal and -shm that exist that this process cannot write, or null.</summary>
    public static string? FileOf(string database) =>
        Array.Find([database, database + "-wal", database + "-shm"], file => File.Exists(file) && !CanWrite(file));

    /// <summary>The database's folder when this process cannot make files in it, or null.</summary>
    public static string? FolderOf(string database) =>
        Path.GetDirectoryName(Path.GetFullPath(database)) is { } folder && !CanWrite(folder) ? folder : null;

    private static bool CanWrite(string path) =>
        OperatingSystem.IsWindows()
            ? !File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : Access(path, WriteOk) == 0;

    private const int WriteOk = 2; // W_OK

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static partial int Access(string path, int mode);
}
