using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using ContentApi.Http;
using ContentApi.Observability;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Writes go through one writer task, which commits the writes queued at the time together (group commit): one
/// transaction. A commit, and the full-text index's flush of its new entries, cost
/// about as much for eight articles as for one, so under concurrent writers most of that cost is shared.
/// </summary>
public sealed partial class Db
{
    /// <summary>Most writes one transaction takes: any burst of requests fits, and the last of them waits little longer.</summary>
    private const int MaxWritesPerTransaction = 64;

    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>();
    private Task? _writer;

    /// <summary>Writes waiting for the writer to take them.</summary>
    internal int QueuedWrites => _writes.Reader.Count;

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and returns its result once that has committed. A result
    /// that says it changed nothing (<see cref="IWriteResult"/>) is rolled back, as is a write that throws; neither
    /// affects the writes committed with it. Content writes advance the content version in the same transaction, so
    /// caches can never outlive them. A write still waiting after <see cref="DatabaseOptions.WriteQueueTimeoutSeconds"/>
    /// gives up with <see cref="DatabaseBusyException"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken, bool changesContent = true)
    {
        var idempotency = changesContent ? requests?.HttpContext?.Items[IdempotencyScope.ItemKey] as IdempotencyScope : null;
        var write = new PendingWrite<T>(work, changesContent, idempotency, cancellationToken);
        EnsureWriterStarted();
        _writes.Writer.TryWrite(write);
        try
        {
            return await write.Completion.WaitAsync(TimeSpan.FromSeconds(_options.WriteQueueTimeoutSeconds), cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException && !write.Completion.IsCompleted)
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

    private void EnsureWriterStarted()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }
        lock (_stateLock)
        {
            if (_writer is null)
            {
                // The writer serves every caller, so it must not carry the first one's request context along.
                using (ExecutionContext.SuppressFlow())
                {
                    _writer = Task.Run(WriteLoopAsync);
                }
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerTransaction);
        while (await _writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerTransaction && _writes.Reader.TryRead(out var write))
            {
                if (write.TryTake())
                {
                    DatabaseMetrics.WriteQueueWait.Observe(Stopwatch.GetElapsedTime(write.EnqueuedAt).TotalSeconds);
                    batch.Add(write);
                }
            }
            if (batch.Count > 0 && !await TryCommitTogetherAsync(batch))
            {
                // The shared transaction itself failed (not one write in it): each write is retried alone, to get its own outcome.
                foreach (var write in batch)
                {
                    await TryCommitTogetherAsync([write]);
                }
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// Runs the writes in one transaction and hands each its outcome. False, with no outcome handed out, when the
    /// transaction was rolled back whole although it held more than one write: one of them refused (its result says it
    /// changed nothing) or failed, and its changes must be undone without undoing the others'. Savepoints would do
    /// that, but FTS5 writes its pending entries out at every savepoint, which costs most of what sharing a
    /// transaction saves; refusals are rare, so the writes of such a transaction simply run again, each alone.
    /// </summary>
    private async Task<bool> TryCommitTogetherAsync(List<PendingWrite> writes)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "rollback";
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            // BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is
            // taken up front, so a busy database fails here and not halfway through the work.
            await using var transaction = connection.BeginTransaction();
            var changesContent = false;
            foreach (var write in writes)
            {
                write.CancellationToken.ThrowIfCancellationRequested();
                if (!await write.RunAsync(connection, transaction))
                {
                    if (writes.Count > 1)
                    {
                        outcome = "split";
                        return false;
                    }
                    // A refused write (missing, stale, conflicting, invalid) leaves no trace, not even a new content version.
                    await transaction.RollbackAsync();
                    outcome = "refused";
                    write.Complete();
                    return true;
                }
                if (write.ChangesContent && write.Idempotency is { Reserved: false } idempotency)
                {
                    await ReserveAsync(connection, transaction, idempotency);
                }
                changesContent |= write.ChangesContent;
            }
            await BeforeCommit.RunAsync(connection, transaction);
            var version = changesContent
                ? await connection.QuerySingleAsync<ContentVersionRow>(new CommandDefinition(
                    SqliteDialect.BumpContentVersion, new { Now = Timestamps.ToDb(clock.GetUtcNow()) }, transaction))
                : null;
            await transaction.CommitAsync();
            outcome = "commit";
            if (version is not null)
            {
                Remember(version);
            }
        }
        catch (SqliteException exception) when (SqliteDialect.IsBusy(exception))
        {
            outcome = "busy";
            foreach (var write in writes)
            {
                DatabaseMetrics.BusyRejections.Inc();
                write.Fail(new DatabaseBusyException(exception));
            }
            return true;
        }
        catch (Exception exception) when (writes.Count == 1)
        {
            writes[0].Fail(exception);
            return true;
        }
        catch (Exception)
        {
            outcome = "split";
            return false;
        }
        finally
        {
            DatabaseMetrics.WriteTransaction.WithLabels(outcome).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            DatabaseMetrics.WritesPerTransaction.Observe(writes.Count);
        }
        foreach (var write in writes)
        {
            if (write.ChangesContent && write.Idempotency is { } idempotency)
            {
                idempotency.Reserved = true;
            }
            write.Complete();
        }
        return true;
    }

    /// <summary>A create and its Idempotency-Key commit together (see <see cref="IdempotencyScope"/>).</summary>
    private Task<int> ReserveAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyScope idempotency) =>
        connection.ExecuteAsync(new CommandDefinition(IdempotencyStore.ReserveSql, new
        {
            idempotency.ApiKeyId,
            idempotency.Key,
            idempotency.RequestHash,
            Now = Timestamps.ToDb(clock.GetUtcNow()),
        }, transaction));
}
