using System.Data.Common;
using ContentApi.Data;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Keeps the app's writer busy with a write of its own until disposed, so that the writes sent meanwhile queue up behind it.</summary>
internal sealed class WriterHeld : IAsyncDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int> _held = Task.FromResult(0);

    /// <param name="first">Run in the hold's transaction before it holds: it sees what writes that share the transaction did before it.</param>
    public static async Task<WriterHeld> StartAsync(Db db, Func<SqliteConnection, DbTransaction, Task>? first = null)
    {
        var holder = new WriterHeld();
        holder._held = db.WriteAsync(async (connection, transaction) =>
        {
            if (first is not null)
            {
                await first(connection, transaction);
            }
            holder._running.SetResult();
            await holder._release.Task;
            return 0;
        }, CancellationToken.None, changesContent: false);
        await holder.RunningAsync();
        return holder;
    }

    /// <summary>
    /// Queues a hold behind the writes queued now (the writer must be held, so that it takes them together): it fails
    /// in their transaction the first time it runs, so the writer commits each of them alone, in their order, and then
    /// runs it alone, and it holds the writer from the last one's commit on, before any write queued meanwhile (such as
    /// a rename's reindexing, queued once the rename has committed). Await <see cref="RunningAsync"/> once the writer
    /// is free to take them.
    /// </summary>
    public static WriterHeld AfterTheQueuedWrites(Db db)
    {
        var holder = new WriterHeld();
        var runs = 0;
        holder._held = db.WriteAsync(async (_, _) =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InvalidOperationException("fails beside the writes queued before it, so that each commits alone");
            }
            holder._running.SetResult();
            await holder._release.Task;
            return 0;
        }, CancellationToken.None, changesContent: false);
        return holder;
    }

    /// <summary>Until the writer runs this hold.</summary>
    public Task RunningAsync() => _running.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Until at least <paramref name="count"/> content writes wait in the writer's queue. Bookkeeping the app queues by
    /// itself (a key's last use, once a minute; an index merge) is not counted: counted, it let the writer go before the
    /// last of a test's writes had arrived, which then committed in a transaction of its own.
    /// </summary>
    public static async Task UntilQueuedAsync(Db db, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (db.QueuedContentWrites < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {db.QueuedContentWrites} of {count} writes reached the queue");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _held;
    }
}
