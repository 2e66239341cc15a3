using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// <c>![alt](image:ID)</c> references on lines of their own at the start of a paragraph become one figure per image,
/// with no enclosing p (a figure inside a p is invalid HTML); the lines after them (often a credit line such as
/// "圖源:ifanr", written without a blank line) stay a paragraph of their own. Unknown references render nothing.
/// </summary>
internal sealed class FigureParagraphRenderer(IReadOnlyDictionary<long, InlineImage> images) : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (FigureLines(paragraph) is not var (figures, rest))
        {
            base.Write(renderer, paragraph);
            return;
        }
        foreach (var link in figures)
        {
            if (ImageHtml.Resolve(link, images) is { } image)
            {
                renderer.EnsureLine();
                ImageHtml.WriteFigure(renderer, image, ImageHtml.AltText(link, image));
                renderer.WriteLine();
            }
        }
        if (rest is null)
        {
            return;
        }
        // The lines after the figures are all the paragraph has left to say (each render parses its own document).
        while (paragraph.Inline!.FirstChild != rest)
        {
            paragraph.Inline.FirstChild!.Remove();
        }
        base.Write(renderer, paragraph);
    }

    /// <summary>
    /// The image references on the paragraph's leading lines that hold nothing else, and the first inline of the line
    /// after them (null when there is none); null when the paragraph does not start with such a line.
    /// </summary>
    internal static (List<LinkInline> Figures, Inline? After)? FigureLines(ParagraphBlock paragraph)
    {
        var figures = new List<LinkInline>();
        var line = new List<LinkInline>();
        var lineStart = paragraph.Inline?.FirstChild;
        for (var inline = lineStart; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline link when ImageHtml.IsReference(link):
                    line.Add(link);
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    break;
                case LineBreakInline:
                    figures.AddRange(line);
                    line.Clear();
                    lineStart = inline.NextSibling;
                    break;
                default:
                    // Text on this line: the line (an image on it is part of the text) and the rest stay a paragraph.
                    return figures.Count > 0 ? (figures, lineStart) : null;
            }
        }
        figures.AddRange(line);
        return figures.Count > 0 ? (figures, null) : null;
    }
}
