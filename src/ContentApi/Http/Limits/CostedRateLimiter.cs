using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Limits;

/// <summary>
/// The rate limits (<see cref="RateLimitingOptions"/>): a token bucket per API key, and per client address for anonymous
/// callers. A request takes a token to be let in; what it then cost beyond that (<see cref="RequestCost"/>) is charged to
/// the same bucket when it is answered, and may take it below zero, so the caller's next requests wait until it is paid off.
/// </summary>
public sealed class CostedRateLimiter(IOptions<RateLimitingOptions> options, TimeProvider time) : PartitionedRateLimiter<HttpContext>
{
    /// <summary>How often buckets that have filled up again are dropped (a full bucket is what a new one would be).</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, CostedTokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private long _lastSweep = time.GetTimestamp();

    /// <summary>Charges <paramref name="tokens"/> to the bucket of <paramref name="context"/>'s caller, below zero if need be.</summary>
    public void Charge(HttpContext context, long tokens)
    {
        if (tokens <= 0 || !options.Value.Enabled)
        {
            return;
        }
        var (partition, burst, perSecond) = RateLimitingSetup.BucketOf(context, options.Value);
        while (!_buckets.GetOrAdd(partition, _ => new CostedTokenBucket(burst, perSecond, time)).Charge(tokens))
        {
        }
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (!options.Value.Enabled)
        {
            return BucketLease.Acquired;
        }
        SweepNowAndThen();
        var (partition, burst, perSecond) = RateLimitingSetup.BucketOf(resource, options.Value);
        while (true)
        {
            var draw = _buckets.GetOrAdd(partition, _ => new CostedTokenBucket(burst, perSecond, time)).Take();
            if (!draw.Retired)
            {
                return draw.Taken ? BucketLease.Acquired : new BucketLease(false, draw.Wait);
            }
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private void SweepNowAndThen()
    {
        if (time.GetElapsedTime(Interlocked.Read(ref _lastSweep)) < SweepInterval || !_sweepLock.TryEnter())
        {
            return;
        }
        try
        {
            Interlocked.Exchange(ref _lastSweep, time.GetTimestamp());
            foreach (var (partition, bucket) in _buckets)
            {
                if (bucket.TryRetireFull())
                {
                    _buckets.TryRemove(new KeyValuePair<string, CostedTokenBucket>(partition, bucket));
                }
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }

    private sealed class BucketLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly BucketLease Acquired = new(true, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
