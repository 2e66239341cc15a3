namespace ContentApi.Data;

/// <summary>
/// Damage requests found in the database (SQLITE_CORRUPT), until a check finds the file whole again. Each find counts
/// (a generation), and a whole check clears only the finds made before it started: a request that finds damage while
/// it runs keeps the damage found. Checks run one at a time, at most once per <see cref="Recheck"/>, and only while
/// damage is found; a probe waits for a running one at most <see cref="ProbeWait"/>, then answers what is known.
/// </summary>
public sealed class DamageWatch(TimeProvider clock, CancellationToken closing, ILogger? logger = null)
{
    /// <summary>
    /// The check reads the whole file, and a damaged file often sits on a failing, slow disk: checking at most this
    /// often keeps a prober that asks every second (or several probers) from reading the file back to back, and a
    /// restore or repair is still seen within this time, short next to the time one takes.
    /// </summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    /// <summary>Well inside Kubernetes' 1 s probe timeout, so a slow check never turns "degraded" into "not ready".</summary>
    public static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(300);

    private readonly Lock _lock = new();
    private long _found;
    private long _clearedThrough;
    private long _checksRun;
    private Task? _running;
    private long? _lastStartedAt;

    public bool Found => Interlocked.Read(ref _found) > Interlocked.Read(ref _clearedThrough);

    /// <summary>Checks started since the app began (for tests: concurrent probes share one).</summary>
    public long ChecksRun => Interlocked.Read(ref _checksRun);

    public void Note() => Interlocked.Increment(ref _found);

    /// <summary>
    /// Whether damage is still found, after starting a check of <paramref name="isDamaged"/> when none ran within
    /// <see cref="Recheck"/>, and waiting for the running one at most <see cref="ProbeWait"/>.
    /// </summary>
    public async Task<bool> StillFoundAsync(Func<CancellationToken, Task<bool>> isDamaged, CancellationToken cancellationToken)
    {
        if (!Found)
        {
            return false;
        }
        Task? running;
        lock (_lock)
        {
            if (_running is null && (_lastStartedAt is not { } startedAt || clock.GetElapsedTime(startedAt) >= Recheck))
            {
                _lastStartedAt = clock.GetTimestamp();
                Interlocked.Increment(ref _checksRun);
                var through = Interlocked.Read(ref _found);
                // Started off the lock: its end takes the lock to say it is over, after _running is set here.
                _running = Task.Run(() => CheckAsync(isDamaged, through), CancellationToken.None);
            }
            running = _running;
        }
        if (running is not null)
        {
            try
            {
                await running.WaitAsync(ProbeWait, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Still checking: the damage found stands until it ends.
            }
        }
        return Found;
    }

    private async Task CheckAsync(Func<CancellationToken, Task<bool>> isDamaged, long through)
    {
        try
        {
            if (!await isDamaged(closing))
            {
                lock (_lock)
                {
                    _clearedThrough = Math.Max(_clearedThrough, through);
                }
            }
        }
        catch (Exception exception)
        {
            // A check that could not finish (the app stopping, the disk failing) says nothing: the damage found stands.
            // Readiness stays Degraded, so the operator is told why the file could not be checked.
            if (!closing.IsCancellationRequested)
            {
                logger?.LogWarning(exception, "The check of the database for damage could not finish: readiness stays Degraded until one does.");
            }
        }
        finally
        {
            lock (_lock)
            {
                _running = null;
            }
        }
    }
}
