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
        instant = new QueryInstant(value.ToUniversalTime());
        return parsed;
    }
}
