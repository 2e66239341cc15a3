using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// While the server runs it holds a shared lock on "&lt;database&gt;.lock" (flock on Unix, a sharing mode on Windows),
/// so admin commands such as <c>restore</c> can tell that the database is in use: their exclusive attempt fails while
/// any server holds it. Shared, so that every server on the file holds it: with an exclusive lock only the first
/// did, and once that one stopped, the others went unseen.
/// </summary>
public sealed class ServerLock(Db db, ILogger<ServerLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    /// <summary>
    /// Beside the database file itself, wherever it is reached from: through a symbolic link the file got a lock of its
    /// own, and <c>restore</c> replaced the file under a running server (operator).
    /// </summary>
    public static string PathFor(string connectionString) => RealPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".lock";

    /// <summary>
    /// The full path with every symbolic link along it resolved, as far as it exists (at most 40 links, as Linux
    /// follows). A ".." leaves the folder a link led to, as the kernel's does, not the link's own folder.
    /// </summary>
    internal static string RealPath(string path, int links = 0)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute) ?? "";
        var resolved = root;
        foreach (var part in absolute[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..")
            {
                resolved = part == "." ? resolved : Path.GetDirectoryName(resolved) ?? root;
                continue;
            }
            var next = Path.Combine(resolved, part);
            resolved = new FileInfo(next).LinkTarget is { } target && links < MaxLinks
                ? RealPath(Path.Combine(resolved, target), links + 1)
                : next;
        }
        return resolved;
    }

    private const int MaxLinks = 40;

    /// <summary>
    /// True when a running server holds the lock of this database: beside the file itself, or beside the link the
    /// connection string names, where servers before this rule held it.
    /// </summary>
    public static bool IsHeld(string connectionString)
    {
        var own = PathFor(connectionString);
        var named = new SqliteConnectionStringBuilder(connectionString).DataSource + ".lock";
        return IsHeldAt(own, FileMode.OpenOrCreate, FileAccess.ReadWrite) ||
            (named != own && File.Exists(named) && IsHeldAt(named, FileMode.Open, FileAccess.Read));
    }

    /// <summary>
    /// Whether a server holds this lock file. The one beside a link is only read, never made: an older server left it,
    /// perhaps another user's, and one that cannot be opened is no server's now (a command stopped on it halfway).
    /// </summary>
    private static bool IsHeldAt(string lockPath, FileMode mode, FileAccess access)
    {
        try
        {
            using var probe = new FileStream(lockPath, mode, access, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException) when (access == FileAccess.Read)
        {
            return false;
        }
    }

    /// <summary>
    /// What maintenance writing in many transactions back to back (reindex batches, compaction steps) waits after each
    /// while a server runs on the database. SQLite's busy handler has a waiting writer sleep up to 100 ms between tries,
    /// so a transaction that starts as soon as the last one ends finds the lock free before the waiter wakes, again and
    /// again, until the waiter's busy timeout runs out and the server answers 503. Without a server there is nobody to
    /// let in (seeding), and no pause.
    /// </summary>
    public static Task LetServerWriteAsync(string connectionString, CancellationToken cancellationToken) =>
        IsHeld(connectionString) ? Task.Delay(PauseForWaitingWriters, cancellationToken) : Task.CompletedTask;

    private static readonly TimeSpan PauseForWaitingWriters = TimeSpan.FromMilliseconds(150);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SqliteDialect.EnsureDirectoryExists(db.ConnectionString);
        // A command's probe holds the lock exclusively for a moment: wait it out rather than serve unseen.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _lock = new FileStream(PathFor(db.ConnectionString), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                return;
            }
            catch (IOException) when (attempt < ProbeWaitAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
            catch (IOException exception)
            {
                logger.LogWarning("Could not take the server lock {Path} ({Reason}): `restore` will not see this server.",
                    PathFor(db.ConnectionString), exception.Message);
                return;
            }
        }
    }

    private const int ProbeWaitAttempts = 100;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
