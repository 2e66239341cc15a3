using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>How a line starts one of CommonMark's seven kinds of HTML block (spec 0.31, section 4.6).</summary>
internal static partial class HtmlBlocks
{
    /// <summary>The marker that ends a block of the first five kinds this line starts (it may end on the same line), or null.</summary>
    public static string? EndMarkerOf(ReadOnlySpan<char> line)
    {
        if (RawText().Match(line.ToString()) is { Success: true } raw)
        {
            return $"</{raw.Groups[1].Value}>";
        }
        var trimmed = line.TrimStart(' ');
        return line.Length - trimmed.Length > 3 ? null
            : trimmed.StartsWith("<!--") ? "-->"
            : trimmed.StartsWith("<?") ? "?>"
            : trimmed.StartsWith("<![CDATA[") ? "]]>"
            : trimmed.Length > 2 && trimmed.StartsWith("<!") && char.IsAsciiLetter(trimmed[2]) ? ">"
            : null;
    }

    /// <summary>
    /// The line starts a block that runs to the paragraph's end: a block-level tag (kind 6), or any complete tag alone
    /// on its line (kind 7), which cannot interrupt paragraph text.
    /// </summary>
    public static bool StartsBlockToParagraphEnd(ReadOnlySpan<char> line, bool afterParagraphText) =>
        BlockTag().IsMatch(line) || (!afterParagraphText && LoneTag().IsMatch(line));

    [GeneratedRegex(@"^ {0,3}<(pre|script|style|textarea)(\s|>|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RawText();

    [GeneratedRegex(@"^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(\s|/?>|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    /// <summary>An open tag with its attributes, or a closing tag, and nothing else but spaces.</summary>
    [GeneratedRegex(@"^ {0,3}(<[a-z][a-z0-9-]*(\s+[a-z_:][a-z0-9_.:-]*(\s*=\s*([^\s""'=<>`]+|'[^']*'|""[^""]*""))?)*\s*/?>|</[a-z][a-z0-9-]*\s*>)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LoneTag();
}
