using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The line breaks that start the lines of a figure's label within a paragraph (its caption, its credit, and the text
/// after them): the HTML puts those lines in separate elements, so the plain text keeps them on separate lines even
/// between Chinese characters, where it would otherwise join them ("東京駅" and "写真：共同通信" ran together as
/// "東京駅写真：共同通信" in search snippets).
/// </summary>
internal static class FigureLabelBreaks
{
    public static HashSet<LineBreakInline> Of(MarkdownDocument document)
    {
        var breaks = new HashSet<LineBreakInline>(ReferenceEqualityComparer.Instance);
        var siblings = new NextSiblings();
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (FigureParagraphRenderer.FigureLines(paragraph) is not (_, var after))
            {
                continue;
            }
            // Each group of figures the paragraph starts with again after a label, as the HTML renders them.
            while (FigureLabels.Of(paragraph, after, siblings) is { } label)
            {
                AddBreakBefore(breaks, label.Caption?.Inlines.FirstOrDefault());
                AddBreakBefore(breaks, label.Credit?.Inlines.FirstOrDefault());
                AddBreakBefore(breaks, label.After);
                if (FigureParagraphRenderer.FigureLinesFrom(label.After) is not (_, var next))
                {
                    break;
                }
                after = next;
            }
        }
        return breaks;
    }

    private static void AddBreakBefore(HashSet<LineBreakInline> breaks, Inline? lineStart)
    {
        if (lineStart?.PreviousSibling is LineBreakInline lineBreak)
        {
            breaks.Add(lineBreak);
        }
    }
}
