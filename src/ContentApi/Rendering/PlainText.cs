using System.Text;
using ContentApi.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Markdown syntax trees as readable text: one line per heading, paragraph, list item (their wrapped source lines read
/// on), table row (its cells parted by tabs) or code line, and a line per hard line break; images give nothing (their alt text describes a picture, it is not read as part of the article).
/// </summary>
internal static partial class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, document, FigureLabelBreaks.Of(document));
        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>The text of an inline container's children, so an image's own alt text is included.</summary>
    public static string Of(ContainerInline? inline) => From(inline?.FirstChild);

    private static string Of(ContainerInline inline, IReadOnlySet<LineBreakInline>? lineBreaksKept) => From(inline.FirstChild, lineBreaksKept);

    /// <summary>The text of an inline and of the inlines after it in its container, such as the rest of a line.</summary>
    public static string From(Inline? first) => From(first, null);

    private static string From(Inline? first, IReadOnlySet<LineBreakInline>? lineBreaksKept)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, AndNextSiblings(first), lineBreaksKept);
        return builder.ToString();
    }

    /// <summary>
    /// <see cref="From(Inline?)"/> cut at each hard line break (a backslash or two spaces ending a line, a &lt;br&gt;),
    /// which the HTML shows: the lines a reader sees, each with the source lines wrapped in it.
    /// </summary>
    public static List<string> HardLinesFrom(Inline? first)
    {
        var builder = new StringBuilder();
        var hardBreaks = new List<int>();
        AppendInlines(builder, AndNextSiblings(first), null, hardBreaks);
        var text = builder.ToString();
        var lines = new List<string>(hardBreaks.Count + 1);
        var start = 0;
        foreach (var hardBreak in hardBreaks)
        {
            lines.Add(text[start..hardBreak]);
            start = hardBreak + 1;
        }
        lines.Add(text[start..]);
        return lines;
    }

    private static IEnumerable<Inline> AndNextSiblings(Inline? inline)
    {
        for (; inline is not null; inline = inline.NextSibling)
        {
            yield return inline;
        }
    }

    /// <summary>The text of these inlines, such as the ones of a line.</summary>
    public static string OfInlines(IEnumerable<Inline> inlines)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, inlines, null);
        return builder.ToString();
    }

    /// <param name="hardBreaks">Where the line breaks written for hard ones (not wrapped lines) are, when wanted.</param>
    private static void AppendInlines(
        StringBuilder builder, IEnumerable<Inline> inlines, IReadOnlySet<LineBreakInline>? lineBreaksKept, List<int>? hardBreaks = null)
    {
        foreach (var inline in AllowedInlineHtml.WithoutRubyAnnotations(inlines))
        {
            AppendInline(builder, inline, lineBreaksKept, hardBreaks);
        }
    }

    /// <param name="lineBreaksKept">Line breaks written as such even between Chinese characters (<see cref="FigureLabelBreaks"/>).</param>
    internal static void AppendBlock(StringBuilder builder, Block block, IReadOnlySet<LineBreakInline>? lineBreaksKept = null)
    {
        switch (block)
        {
            case TableRow row:
                // A tab, which search reads as the end of a Chinese run where it reads a space as nothing (TextUnits):
                // no word runs across two cells.
                AppendLine(builder, string.Join('\t', row.OfType<TableCell>().Select(CellText)));
                break;
            case LeafBlock { Inline: not null } leaf:
                // Line by line: an image alone on a line of a paragraph leaves an empty one.
                foreach (var line in CollapseSpaces(Of(leaf.Inline, lineBreaksKept)).Split('\n'))
                {
                    AppendLine(builder, line);
                }
                break;
            case CodeBlock code:
                // An empty block (a lone ``` fence) has no line array at all.
                foreach (var line in (code.Lines.Lines ?? []).Take(code.Lines.Count))
                {
                    AppendLine(builder, line.Slice.ToString());
                }
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(builder, child, lineBreaksKept);
                }
                break;
        }
    }

    private static string CellText(TableCell cell)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, cell);
        return builder.ToString().Trim().Replace('\n', '\t'); // a cell's <br>: a break, as between cells
    }

    internal static void AppendLine(StringBuilder builder, string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 0)
        {
            builder.Append(trimmed).Append('\n');
        }
    }

    /// <summary>
    /// A dropped image or link leaves the spaces on both sides of it; keep one. A tab in running text, which a browser
    /// shows as a space, is one too: only a table's cells are parted by tabs.
    /// </summary>
    internal static string CollapseSpaces(string text) => SpaceRunRegex().Replace(text, " ");

    [GeneratedRegex("[ \\t]{2,}|\\t")]
    private static partial Regex SpaceRunRegex();

    private static void AppendInline(StringBuilder builder, Inline? inline, IReadOnlySet<LineBreakInline>? lineBreaksKept, List<int>? hardBreaks)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline { IsHard: false } lineBreak when lineBreaksKept?.Contains(lineBreak) != true && JoinsWithoutSpace(builder, AdjacentText.After(inline)):
                // A line wrapped inside Chinese or Japanese text (發\n佈) reads as one word, as browsers show it: searches
                // and snippets must see 發佈.
                break;
            case LineBreakInline { IsHard: false } lineBreak when lineBreaksKept?.Contains(lineBreak) != true && IsBetweenWords(builder, AdjacentText.After(inline)):
                // A wrapped line reads on, as a browser shows it: one line per paragraph.
                builder.Append(' ');
                break;
            case LineBreakInline:
            case HtmlInline when AllowedInlineHtml.IsLineBreak(inline):
                if (inline is not LineBreakInline { IsHard: false })
                {
                    hardBreaks?.Add(builder.Length);
                }
                builder.Append('\n');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
                break;
            case DelimiterInline delimiter:
                // A bracket no link closed ("[連結][y]" without a definition for y): Markdig leaves it as a delimiter, which the HTML writes as it was typed.
                builder.Append(delimiter.ToLiteral());
                AppendInlines(builder, delimiter, lineBreaksKept, hardBreaks);
                break;
            case ContainerInline container:
                AppendInlines(builder, container, lineBreaksKept, hardBreaks);
                break;
        }
    }

    /// <summary>
    /// Whether a line break after what <paramref name="builder"/> holds, before <paramref name="after"/>, has text and no
    /// white space on both sides. White space Markdown keeps at a wrap (a tab, a no-break space: "製程&amp;nbsp;⏎通義")
    /// keeps the line break, since search reads a space between Chinese characters as nothing; so does an image alone on its line.
    /// </summary>
    private static bool IsBetweenWords(StringBuilder builder, Rune? after) =>
        builder.Length > 0 && !char.IsWhiteSpace(builder[^1]) && after is { } a && !Rune.IsWhiteSpace(a);

    /// <summary>Whether a line break after what <paramref name="builder"/> holds, before <paramref name="after"/>, is nothing to a reader.</summary>
    private static bool JoinsWithoutSpace(StringBuilder builder, Rune? after)
    {
        Span<char> tail = stackalloc char[4];
        var length = Math.Min(builder.Length, tail.Length);
        builder.CopyTo(builder.Length - length, tail, length);
        var (beforeThat, last) = Cjk.LastTwo(tail[..length]);
        return Cjk.JoinsWithoutSpace(beforeThat, last, after);
    }
}
