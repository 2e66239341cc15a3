using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// Whether a body would render past <see cref="MarkdownRenderer.MaxHtmlCharacters"/> with the images it places, so that
/// its author hears it when writing rather than every reader getting its source (<see cref="MarkdownRenderer.Render"/>).
/// Asked with the article's images as a read renders them (each placement writes its image's URL, alt text, caption and
/// credit). The body is rendered only when an upper bound on its HTML (<see cref="RenderedHtmlEstimate"/>) passes the
/// bound: an ordinary article is far below it and is not rendered here.
/// </summary>
public sealed class RenderedHtmlCheck
{
    private readonly MarkdownDocument _document;
    private readonly string _markdown;

    internal RenderedHtmlCheck(MarkdownDocument document, string markdown) => (_document, _markdown) = (document, markdown);

    /// <summary>The check of a stored body, or null when it is too complex to parse now (its source already stands in for its HTML).</summary>
    public static RenderedHtmlCheck? OfStored(string markdown)
    {
        try
        {
            var document = TimedMarkdownParse.Parse(markdown, TimedMarkdownParse.Limit);
            return ArticleMarkdown.NestsTooDeeply(document) ? null : new RenderedHtmlCheck(document, markdown);
        }
        catch (MarkdownTooComplexException)
        {
            return null;
        }
    }

    /// <summary>Whether the upper bound alone says the body stays within the bound with these images: no render needed.</summary>
    public bool EstimatedWithin(IReadOnlyDictionary<long, InlineImage> images)
    {
        var bound = MarkdownRenderer.MaxHtmlCharacters(_markdown);
        return RenderedHtmlEstimate.UpperBound(_document, _markdown, images, stopAbove: bound) <= bound;
    }

    public bool RendersPastBound(IReadOnlyDictionary<long, InlineImage> images) =>
        !EstimatedWithin(images)
        // A render changes the document it renders (heading ids, figures), so each renders a parse of its own.
        && MarkdownRenderer.RendersPastBound(ArticleMarkdown.Parse(_markdown), _markdown, images);
}
