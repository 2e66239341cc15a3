using System.Globalization;

namespace ContentApi.Import;

/// <summary>
/// Timestamps in front matter. Reading accepts RFC 3339 with an offset (<c>2025-09-06T08:00:00+08:00</c>,
/// <c>2025-09-06 08:00:00Z</c>, fractions allowed) and a bare date (<c>2025-09-06</c>, taken as midnight UTC).
/// A time without an offset is refused: whose 08:00 it is cannot be known.
/// </summary>
public static class Rfc3339
{
    public const string SupportedFormats = "yyyy-MM-ddTHH:mm:ss[.fffffff](Z|+hh:mm|-hh:mm) or yyyy-MM-dd";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>UTC with a <c>Z</c>, fractions only when there are any: <c>2025-09-06T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
