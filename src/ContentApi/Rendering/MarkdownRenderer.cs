using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Article bodies (Markdown) as sanitized HTML with a table of contents, or as plain text. Pure: the same
/// Markdown and images always give the same output.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>
    /// The body as HTML. A body stored before nesting and parsing work were limited (<see cref="ArticleMarkdown.MaxDepth"/>,
    /// <see cref="MarkdownScanCost"/>) that is beyond them, or one whose HTML would pass <see cref="MaxHtmlCharacters"/>,
    /// comes back as its escaped source in a &lt;pre&gt;, rather than failing, or taking seconds, at every read that
    /// renders it.
    /// </summary>
    /// <param name="articleId">The article the body is of, which every element id of its HTML names (<see cref="ArticleElementIds"/>).</param>
    /// <param name="language">The article's language, whose direction its blocks holding right-to-left letters take when it is written right to left (<see cref="RightToLeftBlocks"/>).</param>
    public static RenderedArticle Render(long articleId, string markdown, IReadOnlyDictionary<long, InlineImage> images, string? language = null)
    {
        try
        {
            return RenderDocument(ArticleMarkdown.Parse(markdown), images, MaxHtmlCharacters(markdown), articleId, Text.RightToLeftLanguages.IsRightToLeft(language));
        }
        catch (Exception exception) when (exception is MarkdownTooComplexException or RenderedHtmlTooLargeException
            || exception is ArgumentException argument && ArticleMarkdown.IsDepthLimit(argument))
        {
            return new RenderedArticle($"<pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>", []);
        }
    }

    /// <summary>
    /// The most HTML a body may render to: a million characters plus twice the body's length (an article's HTML is about
    /// as long as its Markdown, plus its images' URLs and captions and its links' attributes).
    /// </summary>
    public static int MaxHtmlCharacters(string markdown) => 1_000_000 + (2 * markdown.Length);

    private static RenderedArticle RenderDocument(MarkdownDocument document, IReadOnlyDictionary<long, InlineImage> images, int maxHtmlCharacters, long articleId,
        bool rightToLeftArticle)
    {
        var prefix = ArticleElementIds.Prefix(articleId);
        var (toc, headingIds) = AssignHeadingIds(document, prefix, rightToLeftArticle);
        LinksToHeadings.Point(document, headingIds, prefix);
        RightToLeftBlocks.Mark(document, rightToLeftArticle);
        // Markdig drops the notes nothing cites but keeps their group, which it writes as an empty list of notes.
        foreach (var emptyNotes in document.OfType<Markdig.Extensions.Footnotes.FootnoteGroup>().Where(group => group.Count == 0).ToList())
        {
            document.Remove(emptyNotes);
        }

        using var writer = new BoundedHtmlWriter(maxHtmlCharacters);
        var renderer = new HtmlRenderer(writer);
        ArticleMarkdown.Pipeline.Setup(renderer);
        var loading = new ImageLoading();
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(images, loading, rightToLeftArticle));
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer(images, loading));
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.ObjectRenderers.Replace<LineBreakInlineRenderer>(new CjkLineBreakRenderer());
        renderer.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new PrefixedFootnoteLinkRenderer(prefix));
        renderer.ObjectRenderers.Replace<HtmlFootnoteGroupRenderer>(new PrefixedFootnoteGroupRenderer(prefix));
        renderer.Render(document);
        writer.Flush();

        var html = ArticleHtmlSanitizer.Sanitize(writer.ToString().TrimEnd('\n'));
        return new RenderedArticle(html, toc) { HighPriorityImageAt = HighPriorityImage.Find(html) };
    }

    /// <summary>The readable text of a stored body; see <see cref="Text.ArticleTextStats.PlainText"/>. Markdown too complex to parse is its own text.</summary>
    public static string ToPlainText(string markdown) => TryParse(markdown, out _) is { } document ? PlainText.Of(document) : markdown;

    /// <summary>The readable text of a body about to be stored, and why it is too complex to store, if it is.</summary>
    /// <param name="parseLimit">How long the parse may take (<see cref="TimedMarkdownParse"/>).</param>
    /// <returns>Also the text its excerpt is cut from (<see cref="ExcerptSource"/>).</returns>
    /// <returns>… and <c>ShownImages</c>: how many images the body shows, records (image:ID) and URLs alike, which reading time counts.</returns>
    /// <returns>… and <c>Html</c>: whether it would render past <see cref="MaxHtmlCharacters"/>, asked with the images it places; null when too complex.</returns>
    public static (string PlainText, string ExcerptSource, IReadOnlyList<long> PlacedImageIds, IReadOnlyList<string> MalformedImageReferences, string? TooComplex, int ShownImages, RenderedHtmlCheck? Html) ToPlainTextForStorage(
        string markdown, TimeSpan parseLimit)
    {
        if (TryParse(markdown, out var refusal, parseLimit) is not { } document)
        {
            return (markdown, markdown, [], [], refusal, 0, null);
        }
        var (plainText, excerptSource) = (PlainText.Of(document), Rendering.ExcerptSource.Of(document));
        if (HtmlComments.MoreAt(markdown) is { } more && TryParse(markdown[..more], out _, parseLimit) is { } lead
            && Rendering.ExcerptSource.Of(lead) is { Length: > 0 } beforeMore)
        {
            // Hugo's, Jekyll's and WordPress's summary ends at <!--more-->, Docusaurus' at <!-- truncate -->: so does the derived excerpt (when text precedes it).
            excerptSource = beforeMore;
        }
        var (placed, malformed) = (ImageHtml.ReferencedIds(document), ImageHtml.MalformedReferences(document));
        var shownImages = document.Descendants<LinkInline>().Count(link => link.IsImage);
        var tooComplex = ArticleMarkdown.NestsTooDeeply(document) ? MarkdownTooComplexException.Explanation : null;
        return (plainText, excerptSource, placed, malformed, tooComplex, shownImages, tooComplex is null ? new RenderedHtmlCheck(document, markdown) : null);
    }

    public const string HtmlTooLargeExplanation =
        "The Markdown would render to more HTML than allowed (a million characters plus twice the body's length): many " +
        "references to one footnote, reference links repeating a long URL, an image placed many times (each place writes " +
        "its image's URL, alt text, caption and credit, escaped: a \" is six characters), or a credit line under a long row " +
        "of figures each add hundreds of characters, and each heading (it gets an id), quote or list level, or table cell tens. " +
        "Cite each note once, write fewer references, place an image with long texts fewer times, or fewer empty headings, levels or cells.";

    /// <summary>
    /// Whether a body would render past <see cref="MaxHtmlCharacters"/> with these images, as the article with the
    /// longest id; <paramref name="document"/> is changed by the render, so it must be a parse of its own.
    /// </summary>
    internal static bool RendersPastBound(MarkdownDocument document, string markdown, IReadOnlyDictionary<long, InlineImage> images)
    {
        try
        {
            RenderDocument(document, images, MaxHtmlCharacters(markdown), ArticleElementIds.LongestArticleId, rightToLeftArticle: false);
            return false;
        }
        catch (RenderedHtmlTooLargeException)
        {
            return true;
        }
    }

    private static MarkdownDocument? TryParse(string markdown, out string? refusal, TimeSpan? limit = null)
    {
        try
        {
            refusal = null;
            return limit is { } within ? TimedMarkdownParse.Parse(markdown, within) : ArticleMarkdown.Parse(markdown);
        }
        catch (MarkdownTooComplexException exception)
        {
            refusal = exception.Message;
            return null;
        }
    }

    /// <summary>
    /// Gives every heading an id and lists those with text a reader sees (<see cref="Text.ArticleText.CountCharacters"/>), in document order, but for the footnotes' (notes to the
    /// text, not its sections). A heading's text is as written, but for its line breaks, runs of ASCII spaces and tabs,
    /// white space at its ends, and bidirectional controls it leaves unbalanced. Each id starts with
    /// <paramref name="prefix"/>; the ids are also returned without it, as a link in the body names them.
    /// </summary>
    private static (List<TocEntry> Toc, HashSet<string> Ids) AssignHeadingIds(MarkdownDocument document, string prefix, bool rightToLeftArticle)
    {
        var ids = new HeadingIds();
        var toc = new List<TocEntry>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = string.Join(' ', PlainText.Of(heading.Inline).Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            var bare = ids.Next(text);
            given.Add(bare);
            var id = prefix + bare;
            heading.GetAttributes().Id = id;
            if (Text.ArticleText.CountCharacters(text) > 0 && !IsInFootnote(heading))
            {
                // Listed inline with the next entries, as a title is: an override the heading leaves open goes (Trojan Source).
                toc.Add(new TocEntry(heading.Level, Text.TextRules.WithBalancedBidiControls(text), id) { Dir = RightToLeftBlocks.DirectionOf(text, rightToLeftArticle) });
            }
        }
        return (toc, given);
    }

    private static bool IsInFootnote(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Markdig.Extensions.Footnotes.Footnote)
            {
                return true;
            }
        }
        return false;
    }
}
