using System.Threading.RateLimiting;
using ContentApi.Http.Limits;

namespace ContentApi.Auth;

/// <summary>
/// Counts failed key attempts per client address: past the limit, a wrong key gets 429 with Retry-After instead of 401,
/// so a client stuck on a revoked or mistyped key backs off. It does not stop guessing (a key is 256 random bits, beyond
/// guessing), and a valid key is still accepted, so that callers sharing an address (behind NAT or a proxy) cannot
/// lock each other out.
/// </summary>
public sealed class FailedKeyAttempts(Microsoft.Extensions.Options.IOptions<RateLimitingOptions> settings) : IDisposable
{
    private readonly RateLimitingOptions _options = settings.Value;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.Value.FailedKeyAttemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Records a failure; false once the address has used up its failures for this minute.</summary>
    public bool TryRecordFailure(string address)
    {
        if (!_options.Enabled)
        {
            return true;
        }
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
