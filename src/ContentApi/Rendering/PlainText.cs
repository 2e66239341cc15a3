using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Markdown syntax trees as readable text: one line per heading, paragraph, list item, table row or code line;
/// images give nothing (their alt text describes a picture, it is not read as part of the article).
/// </summary>
internal static partial class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, document);
        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>Longest line that, right after a figure, is taken for its credit or caption rather than the article's text.</summary>
    private const int FigureLabelMaxLength = 100;

    /// <summary>
    /// The article's running text, which its excerpt is cut from: paragraphs (in lists and quotes too), without
    /// headings, code, tables, or what labels a figure: a single short line right after its image, in the same
    /// paragraph or the next, such as the credit "圖源:ifanr".
    /// </summary>
    public static string ProseOf(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        AppendProse(builder, document, afterFigure: false);
        return builder.ToString().TrimEnd('\n');
    }

    /// <returns>Whether the block ends with a figure, so that a short line next labels it.</returns>
    private static bool AppendProse(StringBuilder builder, Block block, bool afterFigure)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when FigureParagraphRenderer.FigureLines(paragraph) is (_, var after):
                if (after is null)
                {
                    return true;
                }
                var rest = new StringBuilder();
                for (var inline = after; inline is not null; inline = inline.NextSibling)
                {
                    AppendInline(rest, inline);
                }
                AppendUnlessFigureLabel(builder, rest.ToString(), afterFigure: true);
                return false;
            case ParagraphBlock paragraph:
                AppendUnlessFigureLabel(builder, Of(paragraph.Inline), afterFigure);
                return false;
            case Table:
                return false;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    afterFigure = AppendProse(builder, child, afterFigure);
                }
                return afterFigure;
            default:
                return false; // headings, code, thematic breaks, HTML blocks
        }
    }

    private static void AppendUnlessFigureLabel(StringBuilder builder, string text, bool afterFigure)
    {
        var line = CollapseSpaces(text).Trim();
        if (!afterFigure || line.Length > FigureLabelMaxLength || line.Contains('\n', StringComparison.Ordinal))
        {
            AppendLine(builder, line);
        }
    }

    /// <summary>The text of an inline container's children, so an image's own alt text is included.</summary>
    public static string Of(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        foreach (var child in inline ?? Enumerable.Empty<Inline>())
        {
            AppendInline(builder, child);
        }
        return builder.ToString();
    }

    private static void AppendBlock(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case TableRow row:
                AppendLine(builder, string.Join(' ', row.OfType<TableCell>().Select(CellText)));
                break;
            case LeafBlock { Inline: not null } leaf:
                AppendLine(builder, CollapseSpaces(Of(leaf.Inline)));
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
                    AppendBlock(builder, child);
                }
                break;
        }
    }

    private static string CellText(TableCell cell)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, cell);
        return builder.ToString().Trim().Replace('\n', ' ');
    }

    private static void AppendLine(StringBuilder builder, string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 0)
        {
            builder.Append(trimmed).Append('\n');
        }
    }

    /// <summary>A dropped image or link leaves the spaces on both sides of it; keep one.</summary>
    private static string CollapseSpaces(string text) => SpaceRunRegex().Replace(text, " ");

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex SpaceRunRegex();

    private static void AppendInline(StringBuilder builder, Inline? inline)
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
            case LineBreakInline:
                builder.Append('\n');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(builder, child);
                }
                break;
        }
    }
}
