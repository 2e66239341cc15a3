using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Figure images alone on a line after a paragraph's text, as pasted text places them with no blank line before
/// ("行政院…上路。⏎![](image:3)⏎圖／中央社"): the paragraph ends before that line, which starts a paragraph of its own,
/// so the image is a figure with its label under it (<see cref="FigureParagraphRenderer"/>), as at a paragraph's start,
/// and not an img in the text with its credit running on as text into the excerpt. A &lt;br&gt; ends the line of text
/// as a line break does ("…上路。&lt;br&gt;![](image:3)", as HTML converted to Markdown writes lines); it goes with it.
/// </summary>
internal static class FigureLinesAfterText
{
    public static void SplitParagraphs(MarkdownDocument document)
    {
        // Not in a table cell, which holds inline content only and writes its lines as <br> (GFM): a cell of thumbnails.
        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => p.Parent is not Markdig.Extensions.Tables.TableCell).ToList())
        {
            var rest = paragraph;
            while (FigureLineAfterText(rest) is var (lineBreak, figures))
            {
                rest = SplitBefore(rest, lineBreak, figures);
            }
        }
    }

    /// <summary>
    /// The first source line break or &lt;br&gt; after a line of text that a line of figure images follows, and the
    /// first inline of those (null: none). The figure lines a paragraph starts with are no text; the label under them is.
    /// </summary>
    private static (Inline Break, Inline Figures)? FigureLineAfterText(ParagraphBlock paragraph)
    {
        var inline = paragraph.Inline?.FirstChild;
        if (FigureParagraphRenderer.FigureLinesFrom(inline) is (_, var afterFigures))
        {
            inline = afterFigures;
        }
        for (; inline is not null; inline = inline.NextSibling)
        {
            var figures = inline switch
            {
                LineBreakInline => inline.NextSibling,
                HtmlInline when AllowedInlineHtml.IsLineBreak(inline) => PastBlankText(inline.NextSibling),
                _ => null,
            };
            if (figures is not null && FigureParagraphRenderer.FigureLinesFrom(figures) is not null)
            {
                return (inline, figures);
            }
        }
        return null;
    }

    private static Inline? PastBlankText(Inline? inline)
    {
        while (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
        {
            inline = inline.NextSibling;
        }
        return inline;
    }

    /// <summary>
    /// Moves the lines from <paramref name="first"/> into a new paragraph right after this one, leaving out the
    /// <paramref name="lineBreak"/> before them and any blank text between, and returns it.
    /// </summary>
    private static ParagraphBlock SplitBefore(ParagraphBlock paragraph, Inline lineBreak, Inline first)
    {
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
        while (lineBreak.NextSibling is { } between)
        {
            between.Remove();
        }
        lineBreak.Remove();
        paragraph.Span = new SourceSpan(paragraph.Span.Start, Math.Max(paragraph.Span.Start, lineBreak.Span.Start - 1));
        var parent = paragraph.Parent!;
        parent.Insert(parent.IndexOf(paragraph) + 1, rest);
        return rest;
    }
}
