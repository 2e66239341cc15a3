using System.Data.Common;
using ContentApi.Observability;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Commits a batch of writes from the queue (Db.Writes.cs) in one transaction, and hands each write its outcome.
/// </summary>
public sealed partial class Db
{
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
                Interlocked.Increment(ref _diskFullFailures);
                Interlocked.Exchange(ref _diskFullAt, clock.GetTimestamp());
                _lastWriteFoundDiskFull = true;
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
        var connection = begun.Connection;
        await using var transaction = begun.Transaction;
        try
        {
            return await RunAndEndAsync(attempt, connection, transaction);
        }
        catch
        {
            // SQLite rolls back a failed statement's transaction, or the rollback here does, and the connection goes on
            // serving (as a pooled one did). One left inside a transaction, or closed, is opened afresh; one that met a
            // read-only file or an I/O error is, through ForgetPooledConnections.
            await transaction.DisposeAsync();
            if (connection.State != System.Data.ConnectionState.Open || SqliteDialect.InTransaction(connection))
            {
                DropWriterConnection();
            }
            throw;
        }
    }

    private async Task<bool> RunAndEndAsync(GroupCommit attempt, SqliteConnection connection, SqliteTransaction transaction)
    {
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
}
