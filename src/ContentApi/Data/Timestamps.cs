using System.Globalization;

namespace ContentApi.Data;

/// <summary>
/// Timestamps are stored as fixed-width UTC text with microseconds, so that text order is time order
/// (keyset pagination relies on it) and PostgreSQL's timestamptz keeps the same precision.
/// </summary>
public static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string ToDb(DateTimeOffset value) =>
        Truncate(value).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : null;

    /// <summary>
    /// A bound as stored, rounded up to the microsecond: a stored time (whole microseconds) is at or after it, or before
    /// it, exactly when it is so of the bound as given. Truncated, "after 05.2500001" took 05.250000 in.
    /// </summary>
    public static string ToDbRoundedUp(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var extra = utc.Ticks % 10;
        if (extra == 0)
        {
            return ToDb(utc);
        }
        return utc.Ticks > DateTimeOffset.MaxValue.Ticks - (10 - extra) ? AfterEveryStoredTime : ToDb(utc.AddTicks(10 - extra));
    }

    /// <summary>
    /// The bound for a time past the last storable microsecond (9999-12-31T23:59:59.999999Z), which has no next one to
    /// round up to: "~" sorts after every digit, so after every stored time.
    /// </summary>
    public const string AfterEveryStoredTime = "~";

    public static DateTimeOffset FromDb(string value) =>
        new(DateTime.ParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static DateTimeOffset? FromDbOrNull(string? value) => value is null ? null : FromDb(value);

    /// <summary>Whether <paramref name="value"/> is a timestamp as stored (a cursor's sort value, for one).</summary>
    public static bool IsDbFormat(string value) =>
        DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    /// <summary>The later of a stored timestamp and one that may be absent (text order is time order).</summary>
    public static string Later(string value, string? other) => other is not null && string.CompareOrdinal(other, value) > 0 ? other : value;

    /// <summary>
    /// The time the server records of its own accord (createdAt, updatedAt, a publishedAt set on publishing): now, to the
    /// whole millisecond. A JavaScript Date holds no finer, and a client that read a publishedAt into one and sent the
    /// article back (GET, then PUT) moved it by its microseconds: to a new place in lists, behind cursors handed out
    /// before. A time a request gives keeps its microseconds.
    /// </summary>
    public static DateTimeOffset ServerNow(TimeProvider clock)
    {
        var utc = clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>Drops what the database cannot keep, so what a write returns equals what a read returns.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
