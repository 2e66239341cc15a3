using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Figure images alone on a line after a paragraph's text, as pasted text places them with no blank line before
/// ("行政院…上路。⏎![](image:3)⏎圖／中央社"): the paragraph ends before that line, which starts a paragraph of its own,
/// so the image is a figure with its label under it (<see cref="FigureParagraphRenderer"/>), as at a paragraph's start,
/// and not an img in the text with its credit running on as text into the excerpt.
/// </summary>
internal static class FigureLinesAfterText
{
    public static void SplitParagraphs(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            var rest = paragraph;
            while (FigureLineAfterText(rest) is { } lineBreak)
            {
                rest = SplitBefore(rest, lineBreak);
            }
        }
    }

    /// <summary>
    /// The first source line break after a line of text that a line of figure images follows (null: none). The figure
    /// lines a paragraph starts with are no text; the label under them is.
    /// </summary>
    private static LineBreakInline? FigureLineAfterText(ParagraphBlock paragraph)
    {
        var inline = paragraph.Inline?.FirstChild;
        if (FigureParagraphRenderer.FigureLinesFrom(inline) is (_, var afterFigures))
        {
            inline = afterFigures;
        }
        for (; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LineBreakInline lineBreak && FigureParagraphRenderer.FigureLinesFrom(lineBreak.NextSibling) is not null)
            {
                return lineBreak;
            }
        }
        return null;
    }

    /// <summary>Moves the lines after <paramref name="lineBreak"/> into a new paragraph right after this one, and returns it.</summary>
    private static ParagraphBlock SplitBefore(ParagraphBlock paragraph, LineBreakInline lineBreak)
    {
        var first = lineBreak.NextSibling!;
        var rest = new ParagraphBlock(paragraph.Parser)
        {
            Inline = new ContainerInline(),
            Line = first.Line,
            Column = first.Column,
            Span = new SourceSpan(first.Span.Start, paragraph.Span.End),
        };
        for (var inline = first; inline is not null;)
        {
            var next = inline.NextSibling;
            inline.Remove();
            rest.Inline.AppendChild(inline);
            inline = next;
        }
        lineBreak.Remove();
        paragraph.Span = new SourceSpan(paragraph.Span.Start, Math.Max(paragraph.Span.Start, lineBreak.Span.Start - 1));
        var parent = paragraph.Parent!;
        parent.Insert(parent.IndexOf(paragraph) + 1, rest);
        return rest;
    }
}
