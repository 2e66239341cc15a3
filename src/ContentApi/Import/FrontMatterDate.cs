using System.Globalization;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// A publication date as static-site generators write it in front matter. With an offset (RFC 3339, Jekyll's
/// <c>2024-05-01 10:00:00 +0800</c>) it is exact. Without one, it is a time on the site's clock, which the site's
/// configuration names (Hexo's and Jekyll's <c>timezone</c>, Hugo's <c>timeZone</c>) and import is told with
/// <c>--time-zone</c>, else UTC: Hexo writes <c>2024-05-01 10:00:00</c> or <c>2013/7/13 20:46:25</c>, Hugo users
/// <c>2024-05-01T10:00:00</c>, Astro's template <c>Jul 08 2022</c>; a date alone is that day's midnight.
/// </summary>
/// <param name="siteZone">The site's time zone; null: UTC.</param>
internal sealed partial class FrontMatterDate(TimeZoneInfo? siteZone)
{
    /// <param name="Value">The instant; null when the text is no date this reads, or names an instant .NET cannot hold.</param>
    /// <param name="ReadAsUtc">A time of day without an offset, read as UTC because no site time zone was given.</param>
    /// <param name="BeyondRange">A date this reads, on the site's clock an instant .NET cannot hold (year 1 east of UTC).</param>
    public readonly record struct Reading(DateTimeOffset? Value, bool ReadAsUtc, bool BeyondRange = false);

    public const string SupportedFormats =
        Rfc3339.SupportedFormats + ", yyyy-MM-dd HH:mm:ss +hhmm, a local yyyy-MM-dd HH:mm[:ss] or yyyy/M/d H:mm:ss, or a date with its month's English name (Jul 8 2022) and a local time (Jul 8 2022 10:00)";

    public Reading Read(string written)
    {
        var text = written.Trim();
        if (Rfc3339.TryParseDateTime(text, out var exact) ||
            DateTimeOffset.TryParseExact(text, JekyllFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out exact))
        {
            return new(exact, false);
        }
        // Rfc3339's spellings without the offset (its T or a space, in either case, any fraction digits), then Hexo's.
        if (Rfc3339.TryParseOffsetlessAsUtc(text, out var offsetless))
        {
            return OnSiteClock(offsetless.DateTime, siteZone is null);
        }
        if (DateTime.TryParseExact(text.ToUpperInvariant(), LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return OnSiteClock(local, siteZone is null);
        }
        if (DateTime.TryParseExact(AsAbbreviated(text), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return OnSiteClock(day, false);
        }
        return DateTime.TryParseExact(AsAbbreviated(text), NamedMonthTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var named)
            ? OnSiteClock(named, siteZone is null)
            : new(null, false);
    }

    /// <summary>A month abbreviated as AP and newspapers write it, "Sept. 8, 2022", "Jan. 5, 2024", as .NET reads it: "Sep 8, 2022".</summary>
    private static string AsAbbreviated(string text) => ApMonth().Replace(text, match => match.Groups["month"].Value[..3]);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<month>Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ApMonth();

    private Reading OnSiteClock(DateTime local, bool readAsUtc) =>
        At(local, siteZone) is { } value ? new(value, readAsUtc) : new(null, readAsUtc, BeyondRange: true);

    /// <summary>
    /// <paramref name="local"/> on the clock of <paramref name="zone"/> (null: UTC); null past the instants .NET holds. A
    /// time the clock shows twice, as summer time ends, is the first (moment-timezone's, Hexo's, reading); one it skips, as
    /// summer time starts, is read with the offset before the change.
    /// </summary>
    public static DateTimeOffset? At(DateTime local, TimeZoneInfo? zone)
    {
        var offset = zone is null ? TimeSpan.Zero
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(local, offset);
    }

    private static readonly string[] JekyllFormats = ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd HH:mm zzz"];

    /// <summary>A time of day without an offset and without seconds, or Hexo's (read upper-cased, so that a lowercase <c>t</c> separates too).</summary>
    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd' 'HH:mm", "yyyy/M/d' 'H:mm:ss", "yyyy/M/d' 'H:mm"];

    /// <summary>
    /// A day: year first in digits, or with its month's English name. Days written in digits alone other than year first
    /// (<c>08/07/2022</c>) are refused: which is the month depends on the country.
    /// </summary>
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy/M/d", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d MMM yyyy", "d MMMM yyyy"];

    /// <summary>A day with its month's name and a time of day on the site's clock (<c>Jul 8 2022 10:00</c>, <c>July 8, 2022 10:00 PM</c>).</summary>
    private static readonly string[] NamedMonthTimeFormats =
        [.. DayFormats.Where(day => day.Contains("MMM", StringComparison.Ordinal)).SelectMany(day => new[] { " H:mm", " H:mm:ss", " h:mm tt", " h:mm:ss tt" }, (day, time) => day + time)];
}
