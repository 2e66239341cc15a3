using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// <c>![alt](image:ID)</c> references and images by URL on lines of their own at the start of a paragraph (also one that
/// a line of text ended: <see cref="FigureLinesAfterText"/>), bare or as all a link holds (<see cref="FigureImage"/>),
/// become one figure per image, with no enclosing p (a figure inside a p is invalid HTML).
/// The label written under them (<see cref="FigureLabels"/>:
/// a credit line such as "圖源:ifanr", a caption, or both, on the next lines or as the next one-line paragraphs) goes into the
/// last figure's caption, in place of the image's own credit or caption of the same kind, so a credit shows once and
/// inside its figure; under a row of figures the credit is each one's (an editor credits the row: "圖／中央社" under two
/// agency photos), the caption the last one's. Any other lines after the figures stay a paragraph of their own.
/// Unknown references render nothing. A paragraph that is one link to a video or post alone is its <see cref="Embed"/>.
/// </summary>
/// <param name="rightToLeftArticle">Whether the article is written right to left, whose direction a caption holding right-to-left letters takes.</param>
internal sealed class FigureParagraphRenderer(IReadOnlyDictionary<long, InlineImage> images, ImageLoading loading, bool rightToLeftArticle = false) : ParagraphRenderer
{
    /// <summary>Paragraphs already written as the label of the figures before them.</summary>
    private readonly HashSet<ParagraphBlock> _writtenAsLabels = [];

    private readonly NextSiblings _siblings = new();

    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (_writtenAsLabels.Contains(paragraph))
        {
            return;
        }
        if (Embed.Of(paragraph) is { } embed)
        {
            EmbedHtml.Write(renderer, paragraph, embed);
            return;
        }
        // A loop, not recursion: a paragraph may hold thousands of figures, each with its label.
        while (FigureLines(paragraph) is var (figures, rest))
        {
            var shown = figures.Select(figure => (Figure: figure, Image: figure.IsByUrl ? null : ImageHtml.Resolve(figure.Image, images)))
                .Where(f => f.Figure.IsByUrl || f.Image is not null).ToList();
            var label = shown.Count > 0 ? FigureLabels.Of(paragraph, rest, _siblings) : null;
            var rowCredit = label is null ? null : ImageHtml.CreditOfTheRow(label);
            for (var i = 0; i < shown.Count; i++)
            {
                renderer.EnsureLine();
                ImageHtml.WriteFigure(renderer, loading, shown[i].Figure, shown[i].Image, i == shown.Count - 1 ? label : rowCredit, rightToLeftArticle);
                renderer.WriteLine();
            }
            _writtenAsLabels.UnionWith(label?.Paragraphs ?? []);
            FootnoteBackLinks.WriteAfterFigures(renderer, label?.Paragraphs ?? []);
            var restAfterLabel = label is null ? rest : label.After;
            if (restAfterLabel is null)
            {
                FootnoteBackLinks.WriteAfterFigures(renderer, [paragraph]);
                return;
            }
            // The lines after the figures (and their label) are all the paragraph has left to say (each render parses its
            // own document); after a label they may start with more figures ("![a](image:1)", "Photo: X", "![b](image:2)").
            while (paragraph.Inline!.FirstChild != restAfterLabel)
            {
                paragraph.Inline.FirstChild!.Remove();
            }
            if (label is null)
            {
                break;
            }
        }
        if (!WritesNothing(paragraph))
        {
            base.Write(renderer, paragraph);
        }
    }

    /// <summary>A paragraph of images with refused URLs only, as in <c>![a](javascript:x)</c>: no empty p for it.</summary>
    private static bool WritesNothing(ParagraphBlock paragraph) =>
        paragraph.Inline?.All(inline => SafeLinkRenderer.IsDroppedImage(inline)
            || inline is LineBreakInline || (inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())) ?? false;

    /// <summary>
    /// The figure images on the paragraph's leading lines that hold nothing else, and the first inline of the line
    /// after them (null when there is none); null when the paragraph does not start with such a line.
    /// </summary>
    internal static (List<FigureImage> Figures, Inline? After)? FigureLines(ParagraphBlock paragraph) => FigureLinesFrom(paragraph.Inline?.FirstChild);

    /// <summary><see cref="FigureLines(ParagraphBlock)"/> from a line's first inline on.</summary>
    internal static (List<FigureImage> Figures, Inline? After)? FigureLinesFrom(Inline? first)
    {
        var figures = new List<FigureImage>();
        var line = new List<FigureImage>();
        var lineStart = first;
        for (var inline = first; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case var image when FigureImage.Of(image) is { } figure:
                    line.Add(figure);
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    break;
                case var backLink when FootnoteBackLinks.Is(backLink):
                    break;
                case LineBreakInline:
                // A <br> after an image ends its line, as HTML converted to Markdown writes a figure and its label
                // ("![](image:1)<br>圖源：ifanr"); a line of just <br> under it is a blank one.
                case var htmlBreak when AllowedInlineHtml.IsLineBreak(htmlBreak) && (line.Count > 0 || figures.Count > 0):
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
