using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Why a date written year first in digits, the way front matter's formats write it (<c>2024-13-45 10:00:00</c>,
/// <c>2024/2/30</c>), names no day or time of the calendar, so that its message says which part is wrong rather
/// than listing the formats again.
/// </summary>
internal static partial class ImpossibleDate
{
    /// <returns>The reason, or null when the text is not of that shape or its parts are all in range.</returns>
    public static string? Reason(string text)
    {
        var match = YearFirst().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }
        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        if (month is < 1 or > 12)
        {
            return $"names no day of the calendar: there is no month {month}.";
        }
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        if (year >= 1 && (day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return day < 1
                ? $"names no day of the calendar: {monthName} {year} has no day {day}."
                : $"names no day of the calendar: {monthName} {year} has {DateTime.DaysInMonth(year, month)} days.";
        }
        return !match.Groups["hour"].Success ? null
            : Number(match, "hour") > 23 ? "names no time of day: hours run from 0 to 23."
            : Number(match, "minute") > 59 ? "names no time of day: minutes run from 0 to 59."
            : match.Groups["second"].Success && Number(match, "second") > 59 ? "names no time of day: seconds run from 0 to 59."
            : null;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>[0-9]{4})[-/](?<month>[0-9]{1,2})[-/](?<day>[0-9]{1,2})(?:[Tt ](?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2}))?)?(?=$|[\s.+\-Zz])",
        RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();
}
