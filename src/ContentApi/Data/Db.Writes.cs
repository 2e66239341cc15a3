using System.Data.Common;
using System.Diagnostics;
using System.Collections.Concurrent;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using ContentApi.Observability;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Writes go through one writer thread, which commits the writes queued at the time together in one transaction
/// (group commit). A commit, and the full-text index's flush of its new entries, cost about as much for eight articles
/// as for one, so under concurrent writers most of that cost is shared.
/// </summary>
public sealed partial class Db
{
    /// <summary>Most writes one transaction takes: any burst of requests fits, and the last of them waits little longer.</summary>
    private const int MaxWritesPerTransaction = 64;

    // A blocking queue, not a channel: the writer thread waits on it directly, whereas a channel completes its reader's
    // wait on the thread pool, which under starvation (seen in the tests) left writes untaken past their timeout.
    private readonly BlockingCollection<PendingWrite> _writes = [];
    private Thread? _writer;

    /// <summary>Writes waiting for the writer to take them.</summary>
    internal int QueuedWrites => _writes.Count;

    /// <summary>Content writes waiting for the writer, leaving out bookkeeping (a key's last use, index merges) queued beside them.</summary>
    internal int QueuedContentWrites => _writes.Count(write => write.ChangesContent);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and returns its result once that has committed. A result
    /// that says it changed nothing (<see cref="IWriteResult"/>) is rolled back, as is a write that throws; neither
    /// affects the writes committed with it. Content writes advance the content version in the same transaction, so
    /// caches can never outlive them. A write still waiting after <see cref="DatabaseOptions.WriteQueueTimeoutSeconds"/>
    /// gives up with <see cref="DatabaseBusyException"/>. <paramref name="work"/> may run more than once (see
    /// <see cref="TryCommitTogetherAsync"/>), so it must be database work only.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken, bool changesContent = true)
    {
        var idempotency = changesContent ? requests?.HttpContext?.Items[IdempotencyScope.ItemKey] as IdempotencyScope : null;
        var write = new PendingWrite<T>(work, changesContent, idempotency, cancellationToken);
        EnsureWriterStarted();
        try
        {
            _writes.Add(write);
        }
        catch (InvalidOperationException) when (_writes.IsAddingCompleted)
        {
            throw new DatabaseClosedException();
        }
        try
        {
            return await write.Completion.WaitAsync(TimeSpan.FromSeconds(_options.WriteQueueTimeoutSeconds), cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            if (write.TryAbandon())
            {
                if (exception is TimeoutException)
                {
                    DatabaseMetrics.BusyRejections.Inc();
                    throw new DatabaseBusyException();
                }
                throw;
            }
        }
        // The writer took it before the wait ended: its outcome is on the way.
        return await write.Completion;
    }

    /// <summary>
    /// <see cref="WriteAsync{T}"/> for maintenance commands that run beside a server (reindex, compaction): a write that
    /// finds the database locked past the busy timeout (a server's long write, another command) is tried again, up to
    /// five times, rather than ending the command halfway. HTTP writes answer 503 instead and leave retrying to the client.
    /// </summary>
    public async Task<T> WriteRetryingBusyAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken, bool changesContent = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(work, cancellationToken, changesContent);
            }
            catch (DatabaseBusyException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private void EnsureWriterStarted()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }
        lock (_writerStartLock)
        {
            if (_writer is null && !_writes.IsAddingCompleted)
            {
                // A thread of its own: the writer never waits for a thread-pool thread to start a transaction (a busy
                // or starved pool would stall every write), and UnsafeStart gives it no caller's request context.
                var writer = new Thread(WriteLoop) { IsBackground = true, Name = "ContentApi writer" };
                writer.UnsafeStart();
                _writer = writer;
            }
        }
    }

    /// <summary>
    /// Refuses new writes (<see cref="DatabaseClosedException"/>), lets the writer finish those already queued, and waits
    /// for its thread to end, as long as a write queued now may wait for the writer and then for the lock. Left running,
    /// the writer committed writes made after the server had stopped and released <see cref="ServerLock"/> (which
    /// <c>restore</c> trusts), and each Db disposed left a thread behind.
    /// </summary>
    private void StopWriter()
    {
        Thread? writer;
        lock (_writerStartLock)
        {
            _writes.CompleteAdding();
            writer = _writer;
        }
        writer?.Join(TimeSpan.FromSeconds(_options.WriteQueueTimeoutSeconds + _options.BusyTimeoutSeconds));
    }

    /// <summary>
    /// Blocks between batches; runs until the Db is disposed and its queue is empty. Microsoft.Data.Sqlite's async
    /// methods complete synchronously, so a whole transaction runs on this thread; only work that awaits something
    /// else continues on the thread pool meanwhile.
    /// </summary>
    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxWritesPerTransaction);
        while (_writes.TryTake(out var next, Timeout.Infinite))
        {
            do
            {
                if (next.TryTake())
                {
                    DatabaseMetrics.WriteQueueWait.Observe(Stopwatch.GetElapsedTime(next.EnqueuedAt).TotalSeconds);
                    batch.Add(next);
                }
            }
            while (batch.Count < MaxWritesPerTransaction && _writes.TryTake(out next));
            _writerConnectionGate.Wait();
            try
            {
                CommitAsync(batch).GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                // Not expected (every outcome is handed out in CommitAsync); the writer must keep serving the writes to come.
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }
            }
            finally
            {
                _writerConnectionGate.Release();
            }
            batch.Clear();
        }
        ForgetWriterConnection();
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count > 0 && !await TryCommitTogetherAsync(batch))
        {
            // Each write of a transaction rolled back whole runs again alone, to get its own outcome.
            foreach (var write in batch)
            {
                await TryCommitTogetherAsync([write]);
            }
        }
    }
}
