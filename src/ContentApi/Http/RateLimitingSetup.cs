using System.Globalization;
using System.Threading.RateLimiting;
using ContentApi.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ContentApi.Http;

/// <summary>Token buckets per API key and, for anonymous callers, per client address. Bound from "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;
    public int AnonymousBurst { get; set; } = 300;
    public int AnonymousPerSecond { get; set; } = 100;
    public int KeyBurst { get; set; } = 1000;
    public int KeyPerSecond { get; set; } = 300;

    /// <summary>Failed key attempts an address may make per minute before it gets 429 for any key.</summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 20;
}

public static class RateLimitingSetup
{
    public static IServiceCollection AddContentApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        services.AddSingleton<FailedKeyAttempts>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value;
                if (!options.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }
                var (partition, burst, perSecond) = BucketOf(context, options);
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var (_, burst, perSecond) = BucketOf(context, context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitingOptions>>().Value);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                // A full bucket lasts burst / perSecond seconds of requests at the sustained rate: that is the policy's window.
                await WriteTooManyRequestsAsync(context, retryAfter, burst, Math.Max(1, burst / perSecond),
                    "Too many requests: slow down and retry after the number of seconds in Retry-After.");
            };
        });
        return services;
    }

    /// <summary>
    /// A 429 problem with Retry-After, and the quota that ran out in the IETF RateLimit fields
    /// (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Policy: QUOTA;w=WINDOW</c> and <c>RateLimit: limit=QUOTA, remaining=0, reset=SECONDS</c>.
    /// </summary>
    public static async Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds, int quota, int windowSeconds, string detail)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"limit={quota}, remaining=0, reset={retryAfterSeconds}");
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"{quota};w={windowSeconds}");
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = 429, Detail = detail } });
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The bucket a request draws from: its API key's, or its address's when anonymous.</summary>
    private static (string Partition, int Burst, int PerSecond) BucketOf(HttpContext context, RateLimitingOptions options)
    {
        var keyName = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        return keyName is not null
            ? ("key:" + keyName, options.KeyBurst, options.KeyPerSecond)
            : ("ip:" + ClientAddress(context), options.AnonymousBurst, options.AnonymousPerSecond);
    }
}
