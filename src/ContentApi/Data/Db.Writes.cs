using System.Data.Common;
using System.Diagnostics;
using System.Collections.Concurrent;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using ContentApi.Observability;
using Dapper;
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
    /// How long a write that found the disk full keeps <see cref="DiskFoundFullRecently"/> true, whatever commits
    /// meanwhile: on a nearly full disk a small write (a tag, a key's last use) fits while an article does not, and
    /// clearing at each small commit made readiness flap between Healthy and Degraded.
    /// </summary>
    public static readonly TimeSpan DiskFullHold = TimeSpan.FromMinutes(5);

    private volatile bool _lastWriteFoundDiskFull;
    private long _diskFullAt;

    /// <summary>The last write transaction failed for lack of disk space (SQLITE_FULL); false again once one commits.</summary>
    public bool LastWriteFoundDiskFull => _lastWriteFoundDiskFull;

    /// <summary>A write transaction failed for lack of disk space less than <see cref="DiskFullHold"/> ago, whatever committed since.</summary>
    public bool DiskFoundFullRecently =>
        Interlocked.Read(ref _diskFullAt) is var at and not 0 && clock.GetElapsedTime(at) < DiskFullHold;

    private volatile bool _lastWriteFoundReadOnly;

    /// <summary>The last write transaction found the database read-only (SQLITE_READONLY); false again once one commits.</summary>
    public bool LastWriteFoundReadOnly => _lastWriteFoundReadOnly;

    private volatile bool _lastWriteFoundIoError;

    /// <summary>The last write transaction failed with a disk I/O error (SQLITE_IOERR); false again once one commits.</summary>
    public bool LastWriteFoundIoError => _lastWriteFoundIoError;

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
            batch.Clear();
        }
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

    private enum Step
    {
        Kept,
        Refused,
        Cancelled,
    }

    /// <summary>
    /// One try at committing writes together (<see cref="TryCommitTogetherAsync"/>): what became of each write, and of
    /// the transaction, shared by the steps of the try, its exception filters and its metrics.
    /// </summary>
    private sealed class GroupCommit(List<PendingWrite> writes)
    {
        public long Started { get; } = Stopwatch.GetTimestamp();
        public List<PendingWrite> Writes => writes;
        public Step[] Steps { get; } = new Step[writes.Count];

        /// <summary>The transaction's label in <see cref="DatabaseMetrics.WriteTransaction"/>.</summary>
        public string Outcome { get; set; } = "rollback";

        /// <summary>Set as soon as the commit returns: a failure after it (closing the connection) must neither fail the writes nor run them again.</summary>
        public bool Committed { get; set; }

        /// <summary>A kept write changed content, so the transaction advances the content version.</summary>
        public bool KeptContentChange => writes.Where((_, i) => Steps[i] == Step.Kept).Any(write => write.ChangesContent);

        public void ObserveMetrics()
        {
            DatabaseMetrics.WriteTransaction.WithLabels(Outcome).Observe(Stopwatch.GetElapsedTime(Started).TotalSeconds);
            if (Outcome != "split")
            {
                DatabaseMetrics.WritesPerTransaction.Observe(writes.Count);
            }
        }

        /// <summary>Once the transaction has ended: each write gets its result, or its caller's cancellation.</summary>
        public void HandOutOutcomes()
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                if (Steps[i] == Step.Cancelled)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }
                if (Steps[i] == Step.Kept && write.ChangesContent && write.Idempotency is { } idempotency)
                {
                    idempotency.Reserved = true;
                }
                write.Complete();
            }
        }
    }

    /// <summary>The refusal to write into <paramref name="schema"/>, when a newer build has migrated the database to it.</summary>
    private DatabaseFileException? NewerSchema(int schema) =>
        schema > Migrator.LatestVersion ? DatabaseFile.NewerSchema(FilePath ?? ConnectionString, schema) : null;

    /// <summary>
    /// When a write's own SQL failed against a schema a newer build has migrated since (a column renamed or dropped),
    /// the reason to report: the check before the commit never ran, and the SQLite error was a 500.
    /// </summary>
    private async Task<Exception?> NewerSchemaBehindAsync(Exception failure)
    {
        if (failure is not SqliteException)
        {
            return null;
        }
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            var schema = await connection.ExecuteScalarAsync<int>(SqliteDialect.ReadSchemaVersion);
            return NewerSchema(schema);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the writes in one transaction and hands each its outcome. A write that refuses (its result says it changed
    /// nothing) having changed nothing, or whose caller has gone before it starts, is simply left out. False, with no
    /// outcome handed out, when the transaction was rolled back whole although it held more than one write: one of
    /// them failed, or refused after changing something, and only running alone can undo just its changes (a
    /// savepoint each would also make FTS5 write out its pending entries at every write). Writes must therefore be
    /// database work only, safe to run again.
    /// </summary>
    private async Task<bool> TryCommitTogetherAsync(List<PendingWrite> writes)
    {
        var attempt = new GroupCommit(writes);
        try
        {
            if (FileIsGone)
            {
                attempt.Outcome = "gone";
                FailAllGone(writes);
                return true;
            }
            if (!await RunInOneTransactionAsync(attempt))
            {
                return false;
            }
        }
        catch (SqliteException exception) when (!attempt.Committed && SqliteDialect.IsBusy(exception))
        {
            attempt.Outcome = "busy";
            FailAllBusy(writes, exception);
            return true;
        }
        catch (Exception exception) when (!attempt.Committed && writes.Count == 1)
        {
            if (SqliteDialect.IsFull(exception))
            {
                _lastWriteFoundDiskFull = true;
                Interlocked.Exchange(ref _diskFullAt, clock.GetTimestamp());
            }
            _lastWriteFoundIoError |= SqliteDialect.IsIoError(exception);
            if (SqliteDialect.IsReadOnly(exception) || SqliteDialect.IsIoError(exception))
            {
                // What the connections opened meanwhile share of the file (its -shm, opened read-only too) lasts while any
                // of them is open: closed, the next ones open it afresh, writable once the operator has made it so. A
                // connection opened before the disk was remounted read-only fails its writes with an I/O error through
                // the handle it keeps, every time: forgotten, the next write opens one that finds the file read-only.
                _lastWriteFoundReadOnly |= SqliteDialect.IsReadOnly(exception);
                ForgetPooledConnections();
            }
            writes[0].Fail(await NewerSchemaBehindAsync(exception) ?? exception);
            return true;
        }
        catch (Exception) when (!attempt.Committed)
        {
            attempt.Outcome = "split";
            return false;
        }
        catch (Exception exception) when (attempt.Committed)
        {
            // The writes stand, and must not run again.
            logger?.LogWarning(exception, "A write transaction committed, then closing its connection or telling the app of the written content failed: the writes are stored.");
        }
        finally
        {
            attempt.ObserveMetrics();
        }
        attempt.HandOutOutcomes();
        return true;
    }

    private void FailAllGone(List<PendingWrite> writes)
    {
        foreach (var write in writes)
        {
            write.Fail(new DatabaseFileGoneException($"{FilePath} is gone or was replaced."));
        }
    }

    private static void FailAllBusy(List<PendingWrite> writes, SqliteException busy)
    {
        foreach (var write in writes)
        {
            DatabaseMetrics.BusyRejections.Inc();
            write.Fail(new DatabaseBusyException(busy));
        }
    }

    /// <summary>
    /// The transaction of <see cref="TryCommitTogetherAsync"/>: runs the writes, then commits those kept, or rolls back
    /// when none was. False when it must be split: a write refused after changing something, beside other writes.
    /// </summary>
    private async Task<bool> RunInOneTransactionAsync(GroupCommit attempt)
    {
        var begun = await BeginWritingAsync();
        await using var connection = begun.Connection;
        await using var transaction = begun.Transaction;
        if (!await RunWritesAsync(attempt, connection, transaction))
        {
            attempt.Outcome = "split";
            return false;
        }
        if (!attempt.Steps.Contains(Step.Kept))
        {
            // Refused writes (missing, stale, conflicting, invalid) leave no trace, not even a new content version.
            await transaction.RollbackAsync();
            attempt.Outcome = "refused";
            return true;
        }
        var version = await CommitKeptAsync(connection, transaction, attempt.KeptContentChange);
        attempt.Committed = true;
        _lastWriteFoundDiskFull = false;
        _lastWriteFoundReadOnly = false;
        _lastWriteFoundIoError = false;
        attempt.Outcome = "commit";
        if (version is not null)
        {
            _state.LearnOwnWrite(version.Version, Timestamps.FromDbOrNull(version.NextChangeAt));
            ContentWritten?.Invoke();
        }
        return true;
    }

    /// <summary>
    /// A connection for the writer, in a write transaction. One opened while the database file could not be written (its
    /// mode or its folder's changed under the server, a disk remounted read-only) is read-only for good, as SQLite then
    /// falls back to reading: pooled, it was handed to the writer again after the file was writable, and every write
    /// failed until a restart. So is one that opened the file writable but its -wal read-only (only the -wal could not be
    /// written), which shows only when it begins a write: the first write once the -wal was writable again was a 503
    /// with Retry-After 60. Such a one is dropped with the pool's others, and one opened afresh, which can write once the
    /// files can (while they cannot, the write fails with SQLITE_READONLY: a 503).
    /// </summary>
    private async Task<(SqliteConnection Connection, SqliteTransaction Transaction)> BeginWritingAsync()
    {
        var connection = await OpenAsync(CancellationToken.None);
        if (!SqliteDialect.IsReadOnly(connection))
        {
            try
            {
                return (connection, BeginImmediate(connection));
            }
            catch (SqliteException exception) when (SqliteDialect.IsReadOnly(exception))
            {
                // Its -wal was opened read-only: dropped below.
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        await connection.DisposeAsync();
        ForgetPooledConnections();
        connection = await OpenAsync(CancellationToken.None);
        try
        {
            return (connection, BeginImmediate(connection));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is taken up front, so a busy
    /// database fails here and not halfway through the work.
    /// </summary>
    private static SqliteTransaction BeginImmediate(SqliteConnection connection) => connection.BeginTransaction();

    /// <summary>
    /// Runs each write whose caller still waits, noting in <see cref="GroupCommit.Steps"/> whether it was kept or
    /// refused. False at the first that refuses after changing something while other writes share the transaction.
    /// </summary>
    private async Task<bool> RunWritesAsync(GroupCommit attempt, SqliteConnection connection, SqliteTransaction transaction)
    {
        var writes = attempt.Writes;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.CancellationToken.IsCancellationRequested)
            {
                attempt.Steps[i] = Step.Cancelled;
                continue;
            }
            var before = Footprint(connection, transaction);
            if (await write.RunAsync(connection, transaction))
            {
                if (write.ChangesContent && write.Idempotency is { Reserved: false } idempotency)
                {
                    await ReserveAsync(connection, transaction, idempotency, write.SavedId);
                }
                attempt.Steps[i] = Step.Kept;
                continue;
            }
            if (writes.Count > 1 && Footprint(connection, transaction) != before)
            {
                return false;
            }
            attempt.Steps[i] = Step.Refused;
        }
        return true;
    }

    /// <summary>
    /// Ends a transaction that kept writes: the work they left for its end, a new content version when
    /// <paramref name="changesContent"/> (returned, else null), the newer-schema check, and the commit.
    /// </summary>
    private async Task<ContentVersionRow?> CommitKeptAsync(SqliteConnection connection, SqliteTransaction transaction, bool changesContent)
    {
        await BeforeCommit.RunAsync(connection, transaction);
        var version = changesContent
            ? await connection.QuerySingleAsync<ContentVersionRow>(new CommandDefinition(
                SqliteDialect.BumpContentVersion, new { Now = Timestamps.ToDb(clock.GetUtcNow()) }, transaction))
            : null;
        // The write lock is held: no newer build can migrate between this check and the commit.
        var schema = version?.SchemaVersion
            ?? await connection.ExecuteScalarAsync<int>(new CommandDefinition(SqliteDialect.ReadSchemaVersion, transaction: transaction));
        if (NewerSchema(schema) is { } newer)
        {
            throw newer;
        }
        await transaction.CommitAsync();
        return version;
    }

    /// <summary>What a write has done so far: rows changed on the connection, and work left for the end of the transaction.</summary>
    private static (long Rows, int EndWork) Footprint(SqliteConnection connection, DbTransaction transaction) =>
        (SqliteDialect.RowsChanged(connection), BeforeCommit.Uses(transaction));

    /// <summary>
    /// A create and its Idempotency-Key commit together (see <see cref="IdempotencyScope"/>), with the URL of what it
    /// created, so that a retry after its response was lost can be told where to find it.
    /// </summary>
    private async Task ReserveAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyScope idempotency, long? createdId)
    {
        var now = clock.GetUtcNow();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(IdempotencyStore.ReserveSql, new
            {
                idempotency.ApiKeyId,
                idempotency.Key,
                idempotency.RequestHash,
                Location = createdId is { } id ? idempotency.LocationOf(id) : null,
                Now = Timestamps.ToDb(now),
                Since = Timestamps.ToDb(now - IdempotencyStore.Retention),
            }, transaction));
        }
        catch (SqliteException exception) when (SqliteDialect.IsUniqueViolation(exception))
        {
            throw new IdempotencyKeyTakenException(exception);
        }
    }
}
