using System.Data.Common;
using System.Diagnostics;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// A write waiting for the writer, then running in one of its transactions. Exactly one side wins the item: the
/// writer takes it, or its caller abandons it (timed out or cancelled while still queued).
/// </summary>
internal abstract class PendingWrite(bool changesContent, IdempotencyScope? idempotency, CancellationToken cancellationToken)
{
    private const int Queued = 0, Taken = 1, Abandoned = 2;
    private int _state;

    public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();
    public bool ChangesContent => changesContent;

    /// <summary>The request's Idempotency-Key, reserved in the same transaction as the write that keeps its changes.</summary>
    public IdempotencyScope? Idempotency => idempotency;

    public CancellationToken CancellationToken => cancellationToken;

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued) == Queued;

    /// <summary>Runs the work; false when it refused (its result says it changed nothing), so its changes are rolled back.</summary>
    public abstract Task<bool> RunAsync(SqliteConnection connection, DbTransaction transaction);

    /// <summary>The id of the resource <see cref="RunAsync"/> saved, if it saved one.</summary>
    public abstract long? SavedId { get; }

    /// <summary>Hands the caller what <see cref="RunAsync"/> produced, once the transaction has committed.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(
    Func<SqliteConnection, DbTransaction, Task<T>> work, bool changesContent, IdempotencyScope? idempotency, CancellationToken cancellationToken)
    : PendingWrite(changesContent, idempotency, cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The work runs as its caller would have (request logging scope, tracing), not as the writer task.
    private readonly ExecutionContext? _callerContext = ExecutionContext.Capture();
    private T? _result;

    public Task<T> Completion => _completion.Task;

    public override Task<bool> RunAsync(SqliteConnection connection, DbTransaction transaction)
    {
        if (_callerContext is null)
        {
            return RunAsCallerAsync(connection, transaction);
        }
        Task<bool>? running = null;
        ExecutionContext.Run(_callerContext, _ => running = RunAsCallerAsync(connection, transaction), null);
        return running!;
    }

    private async Task<bool> RunAsCallerAsync(SqliteConnection connection, DbTransaction transaction)
    {
        _result = await work(connection, transaction);
        return _result is not IWriteResult { Changed: false };
    }

    public override long? SavedId => (_result as IWriteResult)?.SavedId;

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException cancelled)
        {
            _completion.TrySetCanceled(cancelled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
