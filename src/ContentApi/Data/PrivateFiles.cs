using System.Text;

namespace ContentApi.Data;

/// <summary>
/// Files that hold the content (a database, a backup, an export) are made readable and writable by their owner only:
/// they carry drafts, authors' e-mail addresses and key hashes, and SQLite or .NET would make them readable by every user
/// of the machine (0644 under the usual umask). SQLite gives a database's -wal and -shm files the database file's mode.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Creates <paramref name="path"/> empty, unless something already has it (another process, meanwhile).</summary>
    public static void CreateEmpty(string path)
    {
        try
        {
            using var _ = Create(path, FileMode.CreateNew);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }

    /// <summary>A new file, or an existing one emptied (which keeps its own mode), to write.</summary>
    public static FileStream Create(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var file = Create(path);
        await file.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }
}
