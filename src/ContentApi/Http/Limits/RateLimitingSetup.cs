using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ContentApi.Auth;
using ContentApi.Http.Errors;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Limits;

/// <summary>Token buckets per API key and, for anonymous callers, per client address. Bound from "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;
    [Range(1, int.MaxValue)]
    public int AnonymousBurst { get; set; } = 300;
    [Range(1, int.MaxValue)]
    public int AnonymousPerSecond { get; set; } = 100;
    [Range(1, int.MaxValue)]
    public int KeyBurst { get; set; } = 1000;
    [Range(1, int.MaxValue)]
    public int KeyPerSecond { get; set; } = 300;

    /// <summary>Failed key attempts an address may make per minute before it gets 429 for any key.</summary>
    [Range(1, int.MaxValue)]
    public int FailedKeyAttemptsPerMinute { get; set; } = 20;
}

/// <summary>
/// A quota as the RateLimit-Policy field states it: <paramref name="Requests"/> per <paramref name="WindowSeconds"/>, and
/// for a token bucket the <paramref name="Burst"/> a full bucket allows at once (an extension parameter).
/// </summary>
public sealed record RateLimitQuota(int Requests, int WindowSeconds, int? Burst = null)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests};w={WindowSeconds}{(Burst is { } burst ? $";burst={burst}" : "")}");
}

public static class RateLimitingSetup
{
    public static IServiceCollection AddContentApiRateLimiting(this IServiceCollection services)
    {
        services.AddSettings<RateLimitingOptions>(RateLimitingOptions.Section);
        services.AddSingleton<FailedKeyAttempts>();
        services.AddSingleton<CostedRateLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<CostedRateLimiter>((limiter, buckets) => limiter.GlobalLimiter = buckets);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var (_, burst, perSecond) = BucketOf(context, context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? WholeSecondsToWait(wait) : 1;
                await WriteTooManyRequestsAsync(context, retryAfter, new RateLimitQuota(perSecond, 1, burst), ProblemCodes.RateLimited,
                    "Too many requests: slow down and retry after the number of seconds in Retry-After.");
            };
        });
        return services;
    }

    /// <summary>
    /// A 429 problem with Retry-After, and the quota that ran out in the IETF RateLimit fields
    /// (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Policy: QUOTA;w=WINDOW[;burst=N]</c> and
    /// <c>RateLimit: limit=QUOTA, remaining=0, reset=SECONDS</c>.
    /// </summary>
    public static async Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds, RateLimitQuota quota, string code, string detail)
    {
        var response = context.Response;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"limit={quota.Requests}, remaining=0, reset={retryAfterSeconds}");
        response.Headers["RateLimit-Policy"] = quota.ToString();
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, code, detail);
    }

    /// <summary>A wait as Retry-After states it: whole seconds, rounded up so a client that obeys it is not refused again.</summary>
    public static int WholeSecondsToWait(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>
    /// Whose request it is, as the anonymous and failed-key limits count: an IPv4 address (an IPv4-mapped IPv6 one as
    /// that IPv4), or an IPv6 address's /64, the least a site is given (RFC 6177), whose addresses its hosts take at will.
    /// </summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress is { } address ? Counted(address) : "unknown";

    private static string Counted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The bucket a request draws from: its API key's, or its address's when anonymous.</summary>
    internal static (string Partition, int Burst, int PerSecond) BucketOf(HttpContext context, RateLimitingOptions options)
    {
        var keyName = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        return keyName is not null
            ? ("key:" + keyName, options.KeyBurst, options.KeyPerSecond)
            : ("ip:" + ClientAddress(context), options.AnonymousBurst, options.AnonymousPerSecond);
    }
}
