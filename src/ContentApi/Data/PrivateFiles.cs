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

    /// <summary>
    /// A new file to write, made by this call. Anything already at <paramref name="path"/> is refused, never written:
    /// an export's folder may be an empty one another user of the machine made (under /tmp), who could put a file there,
    /// to read what lands in it, or a link, to have it written through with this user's rights, once the command had
    /// found the folder empty.
    /// </summary>
    /// <exception cref="IOException">Something is at <paramref name="path"/>: the message says so in one line.</exception>
    public static FileStream CreateNew(string path)
    {
        try
        {
            return Create(path, FileMode.CreateNew);
        }
        catch (IOException exception) when (IsTaken(path))
        {
            throw Planted(path, exception);
        }
    }

    /// <summary>Refuses anything at a path a command is about to make a folder at itself, as <see cref="CreateNew"/> refuses a file.</summary>
    /// <exception cref="IOException">Something is at <paramref name="path"/>.</exception>
    public static void CreateNewFolder(string path)
    {
        if (IsTaken(path))
        {
            throw Planted(path, null);
        }
        CreateFolder(path);
    }

    /// <summary>
    /// Creates <paramref name="path"/> and the folders on the way that are missing, for their owner only (0700): listed
    /// by others, an export's file names are the slugs of its drafts.
    /// </summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))) is { } parent && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Whether anything is at the path: a file, a folder, or a link, even one leading nowhere.</summary>
    private static bool IsTaken(string path) => Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static IOException Planted(string path, Exception? inner) => new(
        $"{path} is already there, though its folder was empty when the command began: something else put it there, " +
        "and nothing was written to it or through it. Write into a folder that only you can write in.", inner);

    /// <summary>A file to write, made with <paramref name="mode"/> (an existing one emptied keeps its own mode).</summary>
    private static FileStream Create(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    /// <summary>Writes <paramref name="text"/> to a new file (<see cref="CreateNew"/>).</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var file = CreateNew(path);
        await file.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }
}
