using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// While the server runs it holds an exclusive lock on "&lt;database&gt;.lock" (flock on Unix), so admin
/// commands such as <c>restore</c> can tell that the database is in use.
/// </summary>
public sealed class ServerLock(Db db) : IHostedService, IDisposable
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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        SqliteDialect.EnsureDirectoryExists(db.ConnectionString);
        try
        {
            _lock = new FileStream(PathFor(db.ConnectionString), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Another server already serves this file: allowed (SQLite copes), restore just sees it in use.
        }
        return Task.CompletedTask;
    }

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
