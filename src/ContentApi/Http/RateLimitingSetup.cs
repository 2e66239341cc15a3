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
                var keyName = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
                return keyName is not null
                    ? Bucket("key:" + keyName, options.KeyBurst, options.KeyPerSecond)
                    : Bucket("ip:" + ClientAddress(context), options.AnonymousBurst, options.AnonymousPerSecond);
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                await WriteTooManyRequestsAsync(rejected.HttpContext, retryAfter, "Too many requests: slow down and retry after the number of seconds in Retry-After.");
            };
        });
        return services;
    }

    public static async Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds, string detail)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit"] = $"limit=0, remaining=0, reset={retryAfterSeconds.ToString(CultureInfo.InvariantCulture)}";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = 429, Detail = detail } });
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Bucket(string partition, int burst, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
