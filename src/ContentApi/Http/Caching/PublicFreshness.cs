using System.Globalization;
using ContentApi.Data;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Caching;

/// <summary>
/// The public Cache-Control, cut so that no cache may serve a response (fresh, or stale while it revalidates) past the
/// moment the next scheduled article goes live: a CDN or browser that kept a list for the configured 60 s left a
/// scheduled article out of it for up to a minute after its time (found by a probe through nginx's proxy_cache), and
/// one that kept it fresh for 60 s and then served it once more under <c>stale-while-revalidate</c> (a browser's
/// <c>fetch</c>, found by a probe in Chromium) did so up to five minutes later. It never shows one early: until then
/// it is a 404.
/// </summary>
public sealed class PublicFreshness(IOptions<CachingOptions> options)
{
    private const string StaleWhileRevalidate = "stale-while-revalidate";
    private readonly string _configured = options.Value.PublicCacheControl;
    private readonly TimeSpan _horizon = Horizon(options.Value.PublicCacheControl);

    /// <summary>The configured value, or (only when the next change comes sooner than it lets caches serve a response) the cut one.</summary>
    public string CacheControlAt(DateTimeOffset? nextChangeAt, DateTimeOffset now) =>
        nextChangeAt is { } next && next - now < _horizon ? CacheControl(_configured, next, now) : _configured;

    /// <summary><see cref="CacheControlAt"/>, or the configured value for a read whose answers no going live changes (<see cref="SameAtGoLive"/>).</summary>
    public string CacheControlFor(HttpContext context, DateTimeOffset? nextChangeAt, DateTimeOffset now) =>
        SameAtGoLive.Marks(context) ? _configured : CacheControlAt(nextChangeAt, now);

    /// <summary><see cref="CacheControlFor"/> a response being built, reading the next change only when it is cut by one.</summary>
    public async ValueTask<string> CacheControlForAsync(HttpContext context, DateTimeOffset now) =>
        SameAtGoLive.Marks(context) ? _configured : CacheControlAt(await NextChangeAtAsync(context), now);

    /// <summary>The content state a response is being built in, when the response cache read it before the build.</summary>
    public static void BuiltIn(HttpContext context, ContentState state) => context.Items[typeof(PublicFreshness)] = state;

    /// <summary>
    /// The next scheduled change to cut by: the earlier of the state read before the build, when there is one (read only
    /// after, an article that went live meanwhile would already be past, and a list built without it would go out with
    /// the full lifetime), and the state now (an article scheduled meanwhile, which the build may have read as such).
    /// </summary>
    public static async ValueTask<DateTimeOffset?> NextChangeAtAsync(HttpContext context)
    {
        var now = (await context.RequestServices.GetRequiredService<Db>().ContentStateAsync(context.RequestAborted)).NextChangeAt;
        return context.Items.TryGetValue(typeof(PublicFreshness), out var state) && state is ContentState { NextChangeAt: { } before }
            && (now is not { } after || before < after)
            ? before
            : now;
    }

    /// <summary>
    /// <paramref name="configured"/> with <c>max-age</c> and <c>s-maxage</c> cut to the whole seconds left before
    /// <paramref name="nextChangeAt"/>, and <c>stale-while-revalidate</c> to what is left after the longer of them
    /// (dropped when nothing is).
    /// </summary>
    public static string CacheControl(string configured, DateTimeOffset? nextChangeAt, DateTimeOffset now)
    {
        if (nextChangeAt is not { } next || !CacheControlHeaderValue.TryParse(configured, out var value) || next - now >= Horizon(value))
        {
            return configured;
        }
        var left = TimeSpan.FromSeconds(Math.Max(0, Math.Floor((next - now).TotalSeconds)));
        value.MaxAge = value.MaxAge > left ? left : value.MaxAge;
        value.SharedMaxAge = value.SharedMaxAge > left ? left : value.SharedMaxAge;
        var staleFor = StaleFor(value);
        foreach (var stale in value.Extensions.Where(e => e.Name.Equals(StaleWhileRevalidate, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            value.Extensions.Remove(stale);
        }
        var staleLeft = left - Fresh(value);
        if (staleFor > TimeSpan.Zero && staleLeft > TimeSpan.Zero)
        {
            var seconds = (long)(staleFor < staleLeft ? staleFor : staleLeft).TotalSeconds;
            value.Extensions.Add(new NameValueHeaderValue(StaleWhileRevalidate, seconds.ToString(CultureInfo.InvariantCulture)));
        }
        return value.ToString();
    }

    /// <summary>How long after a response a cache may still serve it: its longest lifetime, then the stale-while-revalidate window.</summary>
    private static TimeSpan Horizon(CacheControlHeaderValue value) => Fresh(value) + StaleFor(value);

    private static TimeSpan Horizon(string cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl, out var value) ? Horizon(value) : TimeSpan.Zero;

    private static TimeSpan Fresh(CacheControlHeaderValue value) => new[] { value.MaxAge, value.SharedMaxAge }.Max() ?? TimeSpan.Zero;

    private static TimeSpan StaleFor(CacheControlHeaderValue value) =>
        value.Extensions
            .Where(e => e.Name.Equals(StaleWhileRevalidate, StringComparison.OrdinalIgnoreCase))
            .Select(e => long.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
}
