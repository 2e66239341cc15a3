namespace ContentApi.Import;

/// <summary>
/// Line breaks as Markdig and YAML count them: LF, CRLF or a lone CR (a file saved on classic Mac OS), each one break;
/// counting LF alone put every problem of a CR-only file at line 1.
/// </summary>
internal static class LineBreaks
{
    /// <summary>The 1-based line that the end of <paramref name="text"/> is on.</summary>
    public static int LineAtEnd(ReadOnlySpan<char> text) => 1 + text.Count('\n') + text.Count('\r') - text.Count("\r\n");

    /// <summary>The 1-based line that the end of <paramref name="utf8"/> is on.</summary>
    public static int LineAtEnd(ReadOnlySpan<byte> utf8) => 1 + utf8.Count((byte)'\n') + utf8.Count((byte)'\r') - utf8.Count("\r\n"u8);

    /// <summary>
    /// The text with each lone CR made an LF, for readers that take LF and CRLF only (TOML refuses a lone CR, JSON's
    /// positions count LF): each line keeps its number.
    /// </summary>
    public static string LoneCrAsLf(string text)
    {
        if (!text.Contains('\r', StringComparison.Ordinal))
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
            {
                chars[i] = '\n';
            }
        }
        return new string(chars);
    }
}
