namespace ContentApi.Data;

/// <summary>
/// The content state this instance knows, learned from its own writes and from reads of the database. A read that
/// began before the read or write that taught the current state may have found an older version: it must not put
/// the state back, or responses cached under the older state would be served again after a newer write.
/// </summary>
public sealed class ContentStateTracker(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private ContentState? _state;
    private long _learnedFromReadStartedAt;
    private long _checkedAt;

    public ContentState? Current => Volatile.Read(ref _state);

    /// <summary>How long ago the current state was last confirmed by a read or a write.</summary>
    public TimeSpan SinceChecked => clock.GetElapsedTime(Interlocked.Read(ref _checkedAt));

    /// <summary>
    /// Takes what a read of the database (or this instance's write) found; <paramref name="readStartedAt"/> is when
    /// that read began (<see cref="TimeProvider.GetTimestamp"/>).
    /// </summary>
    public ContentState Learn(long version, DateTimeOffset? nextChangeAt, long readStartedAt) =>
        Learn(version, nextChangeAt, readStartedAt, ownWrite: false);

    /// <summary>
    /// Takes the version this instance's write has just committed: newer than what any read that began before now
    /// found, and never a step back (a later write of another instance may be known already).
    /// </summary>
    public ContentState LearnOwnWrite(long version, DateTimeOffset? nextChangeAt) =>
        Learn(version, nextChangeAt, clock.GetTimestamp(), ownWrite: true);

    private ContentState Learn(long version, DateTimeOffset? nextChangeAt, long readStartedAt, bool ownWrite)
    {
        lock (_lock)
        {
            var previous = _state;
            var rollback = previous is not null && version < previous.Version;
            if (rollback && (ownWrite || readStartedAt < _learnedFromReadStartedAt))
            {
                return previous!; // a stale read that overlapped a newer write, or a write overtaken by a newer one
            }
            // Time, not a write, changed what readers see (a scheduled article went live), or the database went back
            // to an older version (a restore under a running server): a new epoch, so no earlier state comes back.
            var epoch = previous is null ? 0 : previous.Epoch +
                ((previous.Version == version && previous.NextChangeAt != nextChangeAt) || rollback ? 1 : 0);
            if (previous is null || previous.Version != version || previous.Epoch != epoch || previous.NextChangeAt != nextChangeAt)
            {
                Volatile.Write(ref _state, new ContentState(version, epoch, nextChangeAt, clock.GetUtcNow()));
            }
            _learnedFromReadStartedAt = Math.Max(_learnedFromReadStartedAt, readStartedAt);
            Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
            return _state!;
        }
    }
}
