using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// RFC 3339 timestamps. A date-time has an offset (<c>2025-09-06T08:00:00+08:00</c>, <c>2025-09-06 08:00:00Z</c>,
/// <c>t</c> and <c>z</c> in either case) and any number of fraction digits (Go, Java and Rust write nine; .NET keeps
/// seven, 100 ns). A time without an offset is refused: whose 08:00 it is cannot be known.
/// </summary>
public static class Rfc3339
{
    public const string SupportedFormats = "yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm) or yyyy-MM-dd";

    private const int DateEnd = 10; // "yyyy-MM-dd".Length
    private const int SecondsEnd = 19; // "yyyy-MM-ddTHH:mm:ss".Length
    private const int MaxFractionDigits = 7;

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static readonly string[] OffsetlessFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF"];

    /// <summary>
    /// A date-time written like RFC 3339's but without an offset, taken as UTC: only where a caller is known to write
    /// them so (NSwag's query parameters). Same spellings otherwise: either separator and case, any fraction digits.
    /// </summary>
    public static bool TryParseOffsetlessAsUtc(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(Normalized(text.Trim()), OffsetlessFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>A date-time with an offset, and only that (what a JSON <c>date-time</c> is).</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        var normalized = Normalized(text);
        value = default;
        return HasOffset(normalized) &&
            DateTimeOffset.TryParseExact(normalized, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// A date-time as JSON Schema's <c>date-time</c> format reads RFC 3339 (§5.6: a <c>T</c>, in either case, between the
    /// date and the time), what a request's JSON date-time is: the space RFC 3339's note allows "for readability" is for
    /// texts people write, front matter and query strings, not for the API's documented format.
    /// </summary>
    public static bool TryParseSchemaDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length > DateEnd && text[DateEnd] is 'T' or 't' && TryParseDateTime(text, out value);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a well-written date-time whose offset takes it past the instants .NET holds
    /// (<c>9999-12-31T23:59:59-14:00</c>), which <see cref="TryParseDateTime"/> refuses as if its format were wrong.
    /// </summary>
    public static bool IsBeyondRange(string text)
    {
        var normalized = Normalized(text.Trim());
        return HasOffset(normalized) && !normalized.EndsWith('Z') && !TryParseDateTime(normalized, out _) &&
            DateTime.TryParseExact(normalized[..^6], OffsetlessFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>"Z" or "±hh:mm" at the end: .NET's zzz also reads "+0100" and "+01", which RFC 3339 does not allow.</summary>
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') ||
        (text.Length >= 6 && text[^6] is '+' or '-' && char.IsAsciiDigit(text[^5]) && char.IsAsciiDigit(text[^4]) && text[^3] == ':' &&
            char.IsAsciiDigit(text[^2]) && char.IsAsciiDigit(text[^1]));

    /// <summary>Front matter: a date-time, or a bare date (<c>2025-09-06</c>, taken as midnight UTC).</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        TryParseDateTime(text.Trim(), out value) ||
        DateTimeOffset.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>UTC with a <c>Z</c>, fractions only when there are any: <c>2025-09-06T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="text"/> has a fraction digit other than 0 past the seven .NET keeps, which parsing drops:
    /// the instant it names is then later than the one parsed, by less than 100 ns.
    /// </summary>
    public static bool HasFinerDigits(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= SecondsEnd || trimmed[SecondsEnd] != '.')
        {
            return false;
        }
        for (var i = SecondsEnd + 1; i < trimmed.Length && char.IsAsciiDigit(trimmed[i]); i++)
        {
            if (i > SecondsEnd + MaxFractionDigits && trimmed[i] != '0')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Upper case (<c>t</c>, <c>z</c>) and at most the seven fraction digits .NET keeps.</summary>
    private static string Normalized(string text) => WithoutExtraFractionDigits(text.ToUpperInvariant());

    private static string WithoutExtraFractionDigits(string text)
    {
        if (text.Length <= SecondsEnd || text[SecondsEnd] != '.')
        {
            return text;
        }
        var digitsEnd = SecondsEnd + 1;
        while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
        {
            digitsEnd++;
        }
        var digits = digitsEnd - SecondsEnd - 1;
        return digits switch
        {
            0 => "", // a point without digits, which .NET's optional fraction would take
            <= MaxFractionDigits => text,
            _ => text.Remove(SecondsEnd + 1 + MaxFractionDigits, digits - MaxFractionDigits),
        };
    }
}
