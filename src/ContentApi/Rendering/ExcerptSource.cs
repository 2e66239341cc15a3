using System.Text;
using ContentApi.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The text an article's excerpt is cut from: its paragraphs (in lists and quotes too), without headings, code, tables
/// or the label of a figure (<see cref="FigureLabels"/>); a body with no such paragraph gives all its text but the
/// labels, and one with only figures and their labels (a gallery) its captions. So a lead sentence after a cover image
/// stays, and so do a wrapped paragraph and a credit run into a sentence. A paragraph's lines join as a browser shows
/// them (<see cref="Cjk.JoinLines"/>).
/// </summary>
internal static class ExcerptSource
{
    public static string Of(MarkdownDocument document)
    {
        // Paragraphs; else every other text but the labels; else (a gallery: figures and their captions) the captions.
        foreach (var (proseOnly, keepCaptions) in new[] { (true, false), (false, false), (false, true) })
        {
            var text = new StringBuilder();
            Append(text, document, proseOnly, keepCaptions);
            if (text.ToString().Trim().Length > 0)
            {
                return text.ToString();
            }
        }
        return "";
    }

    /// <summary>Appends the block's text; a container's children in turn, each knowing whether the one before was a figure.</summary>
    /// <returns>Whether the block ends with a figure, so that a line next may label it.</returns>
    /// <param name="keepCaptions">Leave out only the labels that are credits ("圖源:ifanr", "Source: CNCF").</param>
    private static bool Append(StringBuilder builder, Block block, bool proseOnly, bool keepCaptions, bool afterFigure = false)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when FigureParagraphRenderer.FigureLines(paragraph) is (_, var after):
                if (after is null)
                {
                    return true;
                }
                AppendUnlessLabel(builder, FigureLabels.TextFrom(after), afterFigure: true, figuresParagraph: true, keepCaptions);
                return false;
            case ParagraphBlock paragraph:
                AppendUnlessLabel(builder, FigureLabels.TextFrom(paragraph.Inline?.FirstChild), afterFigure, figuresParagraph: false, keepCaptions);
                return false;
            case Markdig.Extensions.Footnotes.FootnoteGroup:
                return false; // notes to the text, not its summary
            case ContainerBlock container and not Table:
                // A figure labels only what follows it in its own list item or quote.
                var childAfterFigure = false;
                foreach (var child in container)
                {
                    childAfterFigure = Append(builder, child, proseOnly, keepCaptions, childAfterFigure);
                }
                return false;
            default:
                // Headings, code, tables, thematic breaks: not prose, but better than nothing.
                if (!proseOnly)
                {
                    PlainText.AppendBlock(builder, block);
                }
                return false;
        }
    }

    /// <summary>
    /// The text, without its first line when a figure just before makes that line a label: a line of the figure's own
    /// paragraph, or a following paragraph of one line (the first line of a wrapped paragraph is not a label).
    /// </summary>
    private static void AppendUnlessLabel(StringBuilder builder, string text, bool afterFigure, bool figuresParagraph, bool keepCaptions)
    {
        if (afterFigure)
        {
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).Trim();
            if ((figuresParagraph || firstLineEnd < 0) && FigureLabels.IsLabel(firstLine) && !(keepCaptions && !FigureLabels.IsCredit(firstLine)))
            {
                text = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
            }
        }
        PlainText.AppendLine(builder, Cjk.JoinLines(text));
    }
}
