using ContentApi.Text;

namespace ContentApi.Http.Binding;

/// <summary>
/// An instant in a query string, read as <see cref="Rfc3339"/>: a date-time with an offset, or a date (midnight UTC);
/// also a date-time without an offset, as UTC, since NSwag's clients write date-time query parameters that way
/// (<c>ToString("s")</c>). .NET's own binding of <see cref="DateTimeOffset"/> also took <c>01/02/2025</c> (month first)
/// and a time without an offset in the server's own zone.
/// </summary>
public readonly record struct QueryInstant(DateTimeOffset Value)
{
    public static bool TryParse(string? text, out QueryInstant instant)
    {
        var parsed = Rfc3339.TryParse(text ?? "", out var value) || Rfc3339.TryParseOffsetlessAsUtc(text ?? "", out value);
        var utc = value.ToUniversalTime();
        // An instant here is a range's bound, which Timestamps.ToDbRoundedUp rounds up to the stored microsecond: the
        // digits parsing drops must round it up too (to the next 100 ns), or publishedAfter=...05.250000001Z took in an
        // article of ...05.250000 and publishedBefore left it out. Past the last tick every stored time is before it anyway.
        if (parsed && Rfc3339.HasFinerDigits(text!) && utc.Ticks < DateTimeOffset.MaxValue.Ticks)
        {
            utc = utc.AddTicks(1);
        }
        instant = new QueryInstant(utc);
        return parsed;
    }

    /// <summary>Why <paramref name="text"/> is no instant; null when it is one.</summary>
    public static string? Refusal(string text) =>
        TryParse(text, out _) ? null
        // A query reads an unencoded + as a space, so an offset such as +08:00 arrives as " 08:00".
        : text.LastIndexOf(' ') is var space and > 0 && TryParse(string.Concat(text.AsSpan(0, space), "+", text.AsSpan(space + 1)), out _)
            ? "Must be an RFC 3339 date-time; a + in a URL's query is read as a space, so write the offset's + as %2B."
        : "Must be an RFC 3339 date-time.";
}
