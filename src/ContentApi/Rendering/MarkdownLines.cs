namespace ContentApi.Rendering;

/// <summary>
/// What a line of Markdown is, as far as <see cref="MarkdownScanCost"/> needs to know. Where this reading and
/// CommonMark's could differ, it errs towards overstating Markdig's work (a block missed here keeps a paragraph longer).
/// </summary>
internal static class MarkdownLines
{
    public static bool IsBlank(ReadOnlySpan<char> line) => line.Trim(" \t\r").IsEmpty;

    /// <summary>The line without its indentation and blockquote markers: "  > > [a]: b" → "[a]: b".</summary>
    public static ReadOnlySpan<char> Content(ReadOnlySpan<char> line) => line.TrimStart(" \t>");

    /// <summary>
    /// A line that ends the paragraph before it: an ATX heading, a code fence, or a bullet or "1." item with text. (An
    /// item numbered otherwise, or a table row, continues a paragraph in CommonMark, so they do not count.)
    /// </summary>
    public static bool StartsBlock(ReadOnlySpan<char> line)
    {
        var content = line.TrimStart(' ');
        if (IsFence(line))
        {
            return true;
        }
        if (line.Length - content.Length > 3 || content.IsEmpty)
        {
            return false;
        }
        if (content[0] == '#')
        {
            // An ATX heading: one to six '#', then a space or the end ("#tag" is text, and continues the paragraph).
            var level = content.Length - content.TrimStart('#').Length;
            return level <= 6 && (content.Length == level || content[level] is ' ' or '\t' or '\r');
        }
        var marker = content[0] is '-' or '*' or '+' ? 1 : content.StartsWith("1.") || content.StartsWith("1)") ? 2 : 0;
        return marker > 0 && content.Length > marker + 1 && content[marker] is ' ' or '\t' && !IsBlank(content[(marker + 1)..]);
    }

    /// <summary>
    /// How deep the containers a line opens nest, as <see cref="ArticleMarkdown.MaxDepth"/> counts them: a quote marker
    /// one level, a list item two (its list and itself), each after any spaces. It overstates a thematic break written
    /// "- - -", which is no list, and a line of code, which opens nothing.
    /// </summary>
    public static int ContainerDepth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            var digits = 0;
            while (digits < 9 && i + digits < line.Length && char.IsAsciiDigit(line[i + digits]))
            {
                digits++;
            }
            var marker = i < line.Length && line[i] == '>' ? 1
                : i < line.Length && line[i] is '-' or '+' or '*' ? 1
                : digits > 0 && i + digits < line.Length && line[i + digits] is '.' or ')' ? digits + 1
                : 0;
            var isQuote = marker == 1 && line[i] == '>';
            if (marker == 0 || (!isQuote && i + marker < line.Length && line[i + marker] is not (' ' or '\t')))
            {
                return depth;
            }
            depth += isQuote ? 1 : 2;
            i += marker;
        }
    }

    /// <summary>
    /// Whether the line is a code fence (<c>```</c>, <c>~~~</c> or longer, indented at most 3): one ends a paragraph.
    /// What a fence holds is still measured like text: a fence this scan thought open where Markdig's was closed (a
    /// shorter run, an info string, a fence in a list item) let bodies through unmeasured.
    /// </summary>
    public static bool IsFence(ReadOnlySpan<char> line)
    {
        var content = line.TrimStart(' ');
        var length = FenceRun(content);
        // A backtick fence's info string has no backtick; with one, the line is text (inline code).
        return line.Length - content.Length <= 3 && length > 0 && (content[0] == '~' || !content[length..].Contains('`'));
    }

    /// <summary>The length of the run of three or more '`' or '~' that starts the line, or 0.</summary>
    private static int FenceRun(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || line[0] is not ('`' or '~'))
        {
            return 0;
        }
        var length = line.Length - line.TrimStart(line[0]).Length;
        return length >= 3 ? length : 0;
    }

    /// <summary>
    /// How the line starts a link label, if it does: as a link reference definition ("[label]:"), or with a label that
    /// goes on past it ("[" and no "]"), which Markdig reads on for, over the lines after it ("[" lines then "]" lines,
    /// 5,000 each, under 20,000 characters: 2-5 s).
    /// </summary>
    public static LabelStart StartsLabel(ReadOnlySpan<char> line)
    {
        var content = Content(line);
        return content.IsEmpty || content[0] != '[' ? LabelStart.None
            : content.Contains("]:", StringComparison.Ordinal) ? LabelStart.Definition
            : content.Contains(']') ? LabelStart.None
            : LabelStart.Open;
    }

    /// <summary>
    /// Where the last title in parentheses that nothing on the line closes opens (whitespace, then "("), or -1. A
    /// link before it may have that title, which Markdig then follows to the end of the paragraph.
    /// </summary>
    public static int UnclosedTitle(ReadOnlySpan<char> line)
    {
        for (var i = line.Length - 1; i > 0; i--)
        {
            if (line[i] == ')')
            {
                return -1;
            }
            if (line[i] == '(' && line[i - 1] is ' ' or '\t')
            {
                return i;
            }
        }
        return -1;
    }
}

internal enum LabelStart
{
    None,
    Definition,
    Open,
}
