using System.Text;
using ContentApi.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The text an article's excerpt is cut from: its paragraphs (in lists and quotes too), without headings, code, tables,
/// a table of contents (<see cref="TableOfContents"/>), a page's ad markers and prompts (<see cref="PageChrome"/>) or the label of a figure (<see cref="FigureLabels"/>); a body with no such paragraph gives all its text but the
/// labels, and one with only figures and their labels (a gallery) its captions. So a lead sentence after a cover image
/// stays, and so do a wrapped paragraph and a credit run into a sentence. A paragraph's wrapped lines join as a browser
/// shows them (<see cref="Cjk.JoinLines"/>); a hard line break stays a line break, as a paragraph's end. Nothing after a thematic break or a label of further reading
/// (<see cref="FurtherReading"/>) that follows text: the text before it is the article, and what follows (a disclaimer,
/// further reading) its closing matter.
/// </summary>
internal static class ExcerptSource
{
    public static string Of(MarkdownDocument document)
    {
        // Paragraphs; else every other text but the labels; else (a gallery: figures and their captions) the captions.
        foreach (var (proseOnly, keepCaptions) in new[] { (true, false), (false, false), (false, true) })
        {
            var text = new StringBuilder();
            var walk = new Walk([], new NextSiblings());
            foreach (var block in document)
            {
                if ((block is ThematicBreakBlock || FurtherReading.IsLabel(block) || FurtherReading.IsEndMark(block)) && Excerpts.HasProse(text.ToString()))
                {
                    // What follows a break or a label of further reading after the text is closing matter (a disclaimer,
                    // "延伸閱讀"), not the article; after only a byline or dateline, which the excerpt leaves out, it is the article.
                    break;
                }
                Append(text, block, proseOnly, keepCaptions, walk);
            }
            if (HasText(text))
            {
                return text.ToString();
            }
        }
        return "";
    }

    private static bool HasText(StringBuilder text) => text.ToString().Trim().Length > 0;

    /// <summary>Appends the block's text; a container's children in turn.</summary>
    /// <param name="keepCaptions">Leave out only the labels that are credits ("圖源:ifanr", "Source: CNCF").</param>
    /// <param name="walk">Paragraphs found to be the label of the figures before them, to leave out; and where each block's next one is.</param>
    private static void Append(StringBuilder builder, Block block, bool proseOnly, bool keepCaptions, Walk walk)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when walk.Labels.Contains(paragraph):
                break;
            case ListBlock when TableOfContents.IsList(block):
                break; // navigation, not the article's text
            case ParagraphBlock when TableOfContents.IsLabel(block, walk.Siblings.Of(block)):
                break;
            case ParagraphBlock when PageChrome.IsParagraph(block):
                break; // the page's, not the article's: "[廣告] 請繼續往下閱讀...", "Advertisement"
            case ParagraphBlock paragraph when FigureParagraphRenderer.FigureLines(paragraph) is (_, var after):
                // The same labels the HTML puts into the figures' captions, for each group of figures the paragraph starts
                // with again after a label; a gallery keeps its captions.
                while (true)
                {
                    var label = FigureLabels.Of(paragraph, after, walk.Siblings);
                    walk.Labels.UnionWith(label?.Paragraphs ?? []);
                    // A credit run into the caption line ("… Photo: CNA", "…（圖／記者王小明攝）") is set apart as the HTML sets it.
                    if (keepCaptions && label is not null && TrailingCredit.SetApart(label).Caption is { } caption)
                    {
                        AppendLines(builder, caption.Text);
                    }
                    var rest = label is null ? after : label.After;
                    if (label is not null && FigureParagraphRenderer.FigureLinesFrom(rest) is (_, var next))
                    {
                        after = next;
                        continue;
                    }
                    if (rest is not null)
                    {
                        AppendShownLines(builder, rest);
                    }
                    break;
                }
                break;
            case ParagraphBlock paragraph:
                AppendParagraph(builder, paragraph.Inline?.FirstChild);
                break;
            case Markdig.Extensions.Footnotes.FootnoteGroup:
                break; // notes to the text, not its summary
            case ContainerBlock container and not Table:
                foreach (var child in container)
                {
                    Append(builder, child, proseOnly, keepCaptions, walk);
                }
                break;
            default:
                // Headings, code, tables, thematic breaks: not prose, but better than nothing.
                if (!proseOnly)
                {
                    PlainText.AppendBlock(builder, block);
                }
                break;
        }
    }

    private sealed record Walk(HashSet<ParagraphBlock> Labels, NextSiblings Siblings);

    /// <summary>
    /// Appends a paragraph as one line; the opening bylines ("作者 | 王小明⏎編輯 | 李四⏎行政院今天…", also ended by a
    /// &lt;br&gt;) stay lines of their own, for <see cref="Excerpts.Derive"/> to leave out without the lead joined to them.
    /// </summary>
    private static void AppendParagraph(StringBuilder builder, Inline? first)
    {
        for (var kept = 0; kept < Excerpts.MaxBylineLines && OnlyBylinesSoFar(builder) &&
            FigureLabels.LineAt(first) is ({ } line, { } next) &&
            (builder.Length == 0 ? Excerpts.IsBylineLine(line.Text) : Excerpts.IsFurtherBylineLine(line.Text)); kept++)
        {
            AppendLines(builder, line.Text);
            first = next;
        }
        AppendShownLines(builder, first);
    }

    /// <summary>Whether the text so far is at most the bylines (or dateline) the excerpt leaves out; checked only while it is short.</summary>
    private static bool OnlyBylinesSoFar(StringBuilder builder) =>
        builder.Length == 0 || (builder.Length <= Excerpts.MaxBylineLines * (Excerpts.MaxBylineLength + 1) && !Excerpts.HasProse(builder.ToString()));

    private static void AppendLines(StringBuilder builder, string text) => PlainText.AppendLine(builder, Cjk.JoinLines(text));

    /// <summary>
    /// Appends the text from <paramref name="first"/> on as the lines the HTML shows: a hard line break (a poem's, an
    /// address's) stays one, as between paragraphs, while the source lines wrapped between two join; but not across white
    /// space Markdown keeps at a wrap (a tab, a no-break space), where the plain text breaks the line too.
    /// </summary>
    private static void AppendShownLines(StringBuilder builder, Inline? first)
    {
        foreach (var line in PlainText.HardLinesFrom(first))
        {
            var wrapped = PlainText.CollapseSpaces(line).Trim().Split('\n');
            var start = 0;
            for (var i = 1; i <= wrapped.Length; i++)
            {
                if (i == wrapped.Length || EndsOrStartsWithSpace(wrapped[i - 1], wrapped[i]))
                {
                    AppendLines(builder, string.Join('\n', wrapped[start..i]));
                    start = i;
                }
            }
        }
    }

    private static bool EndsOrStartsWithSpace(string before, string after) =>
        (before.Length > 0 && char.IsWhiteSpace(before[^1])) || (after.Length > 0 && char.IsWhiteSpace(after[0]));
}
