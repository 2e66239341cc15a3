using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace ContentApi.Http.Caching;

/// <summary>
/// The Date header of responses that carry Last-Modified. Kestrel's own Date is refreshed about once a second, so a
/// response could say it was modified after it was sent, which RFC 9110 §8.8.2.1 forbids: such responses take Date
/// from the same clock as their Last-Modified. The text is formatted once per second.
/// </summary>
public static class HttpDate
{
    private sealed record Stamp(long Second, string Text);

    private static Stamp? _last;

    public static string Format(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (Volatile.Read(ref _last) is { } last && last.Second == second)
        {
            return last.Text;
        }
        var stamp = new Stamp(second, now.ToString("R"));
        Volatile.Write(ref _last, stamp);
        return stamp.Text;
    }

    /// <summary>A Last-Modified no later than the Date sent with it (a timestamp from a clock ahead of this one becomes now).</summary>
    public static DateTimeOffset NotAfter(DateTimeOffset modified, DateTimeOffset now) => modified > now ? now : modified;

    /// <summary>
    /// Whether a resource last modified at <paramref name="modified"/> has changed since the HTTP date <paramref name="since"/>
    /// (If-Modified-Since, If-Unmodified-Since), compared at the whole second an HTTP date can express.
    /// </summary>
    public static bool ModifiedAfter(DateTimeOffset modified, DateTimeOffset since) =>
        modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)) > since;

    /// <summary>
    /// The three forms of HTTP-date (RFC 9110 §5.6.7: IMF-fixdate and the obsolete RFC 850 and asctime forms), read
    /// strictly: a recipient must ignore If-Modified-Since and If-Unmodified-Since when their value is not one
    /// (§13.1.3, §13.1.4), whereas ASP.NET's own parser also reads numeric offsets and other near-misses.
    /// </summary>
    public static DateTimeOffset? ParseHeader(StringValues header) =>
        header.Count == 1 && DateTime.TryParseExact(header[0], Forms, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    private static readonly string[] Forms =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM  d HH:mm:ss yyyy",
        "ddd MMM dd HH:mm:ss yyyy",
    ];
}
