using System.Diagnostics;
using ContentApi.Observability;

namespace ContentApi.Data;

/// <summary>
/// What one try at committing writes together keeps track of, for the steps of Db.Commit.cs.
/// </summary>
public sealed partial class Db
{
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
}
