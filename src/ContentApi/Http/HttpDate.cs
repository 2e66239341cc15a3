namespace ContentApi.Http;

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
}
