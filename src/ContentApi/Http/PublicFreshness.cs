using ContentApi.Data;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http;

/// <summary>
/// The public Cache-Control, with its lifetimes cut to the time left before the next scheduled article goes live, and
/// without <c>stale-while-revalidate</c> then (which would let a cache serve the old list once more): a CDN or browser
/// that kept a list for the configured 60 s left a scheduled article out of it for up to a minute after its time
/// (found by a probe through nginx's proxy_cache). It never shows one early: until then it is a 404.
/// </summary>
public sealed class PublicFreshness(IOptions<CachingOptions> options)
{
    private readonly string _configured = options.Value.PublicCacheControl;
    private readonly TimeSpan _longest = Longest(options.Value.PublicCacheControl);

    /// <summary>The configured value, or (only when the next change comes sooner than it lets caches keep a response) the cut one.</summary>
    public string CacheControlAt(DateTimeOffset? nextChangeAt, DateTimeOffset now) =>
        nextChangeAt is { } next && next - now < _longest ? CacheControl(_configured, next, now) : _configured;

    /// <summary>The content state a response is being built in, when the response cache read it before the build.</summary>
    public static void BuiltIn(HttpContext context, ContentState state) => context.Items[typeof(PublicFreshness)] = state;

    /// <summary>
    /// The state to cut by: the one read before the build when there is one (read after, an article that went live
    /// meanwhile would already be past, and a list built without it would go out with the full lifetime).
    /// </summary>
    public static async ValueTask<ContentState> StateOfAsync(HttpContext context) =>
        context.Items.TryGetValue(typeof(PublicFreshness), out var state) && state is ContentState before
            ? before
            : await context.RequestServices.GetRequiredService<Db>().ContentStateAsync(context.RequestAborted);

    public static string CacheControl(string configured, DateTimeOffset? nextChangeAt, DateTimeOffset now)
    {
        if (nextChangeAt is not { } next || next - now >= Longest(configured) || !CacheControlHeaderValue.TryParse(configured, out var value))
        {
            return configured;
        }
        var left = TimeSpan.FromSeconds(Math.Max(0, Math.Floor((next - now).TotalSeconds)));
        value.MaxAge = value.MaxAge > left ? left : value.MaxAge;
        value.SharedMaxAge = value.SharedMaxAge > left ? left : value.SharedMaxAge;
        foreach (var stale in value.Extensions.Where(e => e.Name.Equals("stale-while-revalidate", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            value.Extensions.Remove(stale);
        }
        return value.ToString();
    }

    /// <summary>The longest lifetime a Cache-Control value gives caches.</summary>
    private static TimeSpan Longest(string cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl, out var value) ? new[] { value.MaxAge, value.SharedMaxAge }.Max() ?? TimeSpan.Zero : TimeSpan.Zero;
}
