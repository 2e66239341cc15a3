namespace ContentApi.Http.Binding;

/// <summary>
/// A <c>%</c> that begins no escape (<c>a%zz</c>, <c>100%</c>). ASP.NET keeps it as written, in a path and in a query
/// value, so <c>tag=%zz</c> looked for the tag "%zz" (an empty page, cached publicly) and <c>/articles/slug/a%zz</c> for
/// the slug "a%zz", where an escape that is not UTF-8 (<c>%FF</c>) is a 400 (<see cref="QueryUtf8"/>).
/// </summary>
public static class MalformedEscapes
{
    public const string Message = "A '%' must begin an escape of two hex digits (RFC 3986 §2.1): '%' itself is written %25.";

    /// <summary>Whether <paramref name="encoded"/>, as sent, holds a <c>%</c> not followed by two hex digits.</summary>
    public static bool In(ReadOnlySpan<char> encoded)
    {
        for (var i = encoded.IndexOf('%'); i >= 0; i = encoded.IndexOf('%'))
        {
            if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
            {
                return true;
            }
            encoded = encoded[(i + 3)..];
        }
        return false;
    }

    /// <summary>The names of the parameters in <paramref name="rawQuery"/> (as sent, with or without "?") whose name or value holds one.</summary>
    public static IReadOnlyList<string> Parameters(string? rawQuery) => QueryUtf8.ParametersWhere(rawQuery, pair => In(pair));
}
