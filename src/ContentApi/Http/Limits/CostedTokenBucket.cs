namespace ContentApi.Http.Limits;

/// <summary>
/// A token bucket that a cost can overdraw: a request takes a token while one is there, and what its work cost beyond
/// that is charged afterwards, as debt the next requests wait out. <paramref name="perSecond"/> tokens are added in one
/// step each second from the bucket's creation, up to <paramref name="burst"/>, as the framework's token bucket adds them.
/// </summary>
internal sealed class CostedTokenBucket(int burst, int perSecond, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _tokens = burst;
    private long _lastStep = time.GetTimestamp();
    private bool _retired;

    /// <summary>A token taken; or the wait until one is there; or nothing, from a bucket dropped as full (ask its successor).</summary>
    public readonly record struct Draw(bool Retired, bool Taken, TimeSpan Wait);

    public Draw Take()
    {
        lock (_lock)
        {
            if (_retired)
            {
                return new Draw(true, false, TimeSpan.Zero);
            }
            var now = Refill();
            if (_tokens >= 1)
            {
                _tokens--;
                return new Draw(false, true, TimeSpan.Zero);
            }
            var steps = (1 - _tokens + perSecond - 1) / perSecond;
            return new Draw(false, false, time.GetElapsedTime(now, _lastStep + steps * time.TimestampFrequency));
        }
    }

    /// <summary>Takes <paramref name="tokens"/> more, below zero if need be; false if the bucket was dropped as full (charge its successor).</summary>
    public bool Charge(long tokens)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }
            Refill();
            _tokens -= tokens;
            return true;
        }
    }

    /// <summary>Retires the bucket if it is full, as a new one would be, so it can be dropped without giving or losing a token.</summary>
    public bool TryRetireFull()
    {
        lock (_lock)
        {
            Refill();
            _retired = _tokens >= burst;
            return _retired;
        }
    }

    private long Refill()
    {
        var now = time.GetTimestamp();
        var steps = (now - _lastStep) / time.TimestampFrequency;
        if (steps > 0)
        {
            _tokens = Math.Min(burst, _tokens + steps * perSecond);
            _lastStep += steps * time.TimestampFrequency;
        }
        return now;
    }
}
