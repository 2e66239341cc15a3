using ContentApi.Http.Limits;
using Microsoft.Extensions.Options;

namespace ContentApi.Auth;

/// <summary>
/// Counts failed key attempts per client address: past the limit, a wrong key gets 429 with Retry-After instead of 401,
/// so a client stuck on a revoked or mistyped key backs off. It does not stop guessing (a key is 256 random bits, beyond
/// guessing), and a valid key is still accepted, so that callers sharing an address (behind NAT or a proxy) cannot
/// lock each other out.
/// </summary>
/// <remarks>
/// A fixed window per address, opened by its first failure. Kept here rather than in a FixedWindowRateLimiter, whose
/// refusals give the whole window as RetryAfter however much of it is left: a 429 must say when failures are accepted again.
/// </remarks>
public sealed class FailedKeyAttempts(IOptions<RateLimitingOptions> settings, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly RateLimitingOptions _options = settings.Value;
    private readonly Dictionary<string, AddressWindow> _windows = [];
    private readonly Lock _windowsLock = new();
    private long _lastSweep = clock.GetTimestamp();

    /// <summary>Addresses whose window may still be open: what this costs in memory.</summary>
    internal int TrackedAddresses
    {
        get
        {
            lock (_windowsLock)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>
    /// Records a failure; false once the address has used up its failures for its window, with
    /// <paramref name="retryAfter"/> the time until that window ends.
    /// </summary>
    public bool TryRecordFailure(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_options.Enabled)
        {
            return true;
        }
        var now = clock.GetTimestamp();
        lock (_windowsLock)
        {
            ForgetEndedWindows(now);
            if (!_windows.TryGetValue(address, out var window) || Left(window, now) <= TimeSpan.Zero)
            {
                _windows[address] = new AddressWindow(now);
                return true;
            }
            if (window.Failures < Math.Max(1, _options.FailedKeyAttemptsPerMinute))
            {
                window.Failures++;
                return true;
            }
            retryAfter = Left(window, now);
            return false;
        }
    }

    /// <summary>
    /// At most once a window, when a failure arrives: under a stream of failures an address is forgotten at most two
    /// windows after its last one; after a burst and silence, the burst's addresses stay until the next failure.
    /// </summary>
    private void ForgetEndedWindows(long now)
    {
        if (clock.GetElapsedTime(_lastSweep, now) < Window)
        {
            return;
        }
        _lastSweep = now;
        foreach (var (address, window) in _windows)
        {
            if (Left(window, now) <= TimeSpan.Zero)
            {
                _windows.Remove(address);
            }
        }
    }

    private TimeSpan Left(AddressWindow window, long now) => Window - clock.GetElapsedTime(window.Opened, now);

    private sealed class AddressWindow(long opened)
    {
        public long Opened { get; } = opened;
        public int Failures { get; set; } = 1;
    }
}
