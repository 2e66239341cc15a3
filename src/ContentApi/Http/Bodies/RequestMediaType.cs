namespace ContentApi.Http.Bodies;

/// <summary>
/// A request's <c>Content-Type</c> read as RFC 9110 writes one (§8.3.1, §5.6.6): <c>type/subtype</c>, then parameters
/// <c>; name=value</c> (a token or a quoted string) with optional white space around the semicolons only, and empty
/// ones allowed (<c>application/json;</c>). The one judgement of every write's media type: ASP.NET's parser took
/// <c>application /json</c> and <c>charset = utf-8</c>, and the merge patch's check took anything before a semicolon.
/// </summary>
public sealed record RequestMediaType(string MediaType, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The media type <paramref name="header"/> states; null when it is none.</summary>
    public static RequestMediaType? Parse(string? header)
    {
        var text = (header ?? "").AsSpan();
        var at = 0;
        if (!Token(text, ref at, out var type) || !Expect(text, ref at, '/') || !Token(text, ref at, out var subtype))
        {
            return null;
        }
        var parameters = new List<KeyValuePair<string, string>>();
        while (true)
        {
            SkipWhiteSpace(text, ref at);
            if (at == text.Length)
            {
                return new RequestMediaType($"{type}/{subtype}", parameters);
            }
            if (!Expect(text, ref at, ';'))
            {
                return null;
            }
            SkipWhiteSpace(text, ref at);
            if (at == text.Length || text[at] == ';')
            {
                continue;
            }
            if (!Token(text, ref at, out var name) || !Expect(text, ref at, '=') || !Value(text, ref at, out var value))
            {
                return null;
            }
            parameters.Add(new(name, value));
        }
    }

    /// <summary>The <c>charset</c> parameter as sent (quotes included), if any.</summary>
    public string? Charset => Parameters.FirstOrDefault(p => p.Key.Equals("charset", StringComparison.OrdinalIgnoreCase)).Value;

    public bool Is(string mediaType) => MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Written plainly (<c>type/subtype; name=value</c>), as ASP.NET's binding reads it.</summary>
    public override string ToString() => MediaType + string.Concat(Parameters.Select(p => $"; {p.Key}={p.Value}"));

    private static bool Token(ReadOnlySpan<char> text, ref int at, out string token)
    {
        var start = at;
        while (at < text.Length && IsTokenCharacter(text[at]))
        {
            at++;
        }
        token = text[start..at].ToString();
        return at > start;
    }

    private static bool Value(ReadOnlySpan<char> text, ref int at, out string value)
    {
        if (at == text.Length || text[at] != '"')
        {
            return Token(text, ref at, out value);
        }
        var start = at++;
        for (; at < text.Length; at++)
        {
            if (text[at] == '"')
            {
                value = text[start..++at].ToString();
                return true;
            }
            if (text[at] == '\\')
            {
                at++;
            }
            if (at == text.Length || !IsQuotedCharacter(text[at]))
            {
                break;
            }
        }
        value = "";
        return false;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int at, char expected)
    {
        if (at < text.Length && text[at] == expected)
        {
            at++;
            return true;
        }
        return false;
    }

    private static void SkipWhiteSpace(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }
    }

    public static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    /// <summary>qdtext and what a quoted pair escapes: tab, space, visible ASCII, and obs-text (bytes past ASCII, read as Latin-1).</summary>
    private static bool IsQuotedCharacter(char c) => c is '\t' or (>= ' ' and <= '~') or (>= '\u0080' and <= '\u00FF');
}
