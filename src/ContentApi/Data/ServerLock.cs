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

    public static string PathFor(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource + ".lock";

    /// <summary>True when a running server holds the lock of this database.</summary>
    public static bool IsHeld(string connectionString)
    {
        try
        {
            using var probe = new FileStream(PathFor(connectionString), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
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
