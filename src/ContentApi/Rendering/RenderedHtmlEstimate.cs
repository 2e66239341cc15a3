using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// At most how much HTML a parsed body renders to, in one pass over its text and one over its nodes, so that a write
/// renders a body only when this passes the bound (<see cref="MarkdownRenderer.MaxHtmlCharacters"/>): each character
/// of the text once, escaped, plus for each node the markup it writes and any text it repeats (a heading's id, a
/// reference link's URL, a footnote's link back, a credit under a row of figures), and for each placed image what its
/// record writes there (its URL, alt text, caption and credit, escaped). Each node's share is measured by
/// RenderedHtmlEstimateTests against its worst storm; a node of a kind not listed counts <see cref="UnknownNode"/>.
/// </summary>
internal static class RenderedHtmlEstimate
{
    /// <summary>The longest prefix of an element id (<see cref="ArticleElementIds.LongestArticleId"/>).</summary>
    private static readonly int PrefixLength = ArticleElementIds.Prefix(ArticleElementIds.LongestArticleId).Length;

    private const int UnknownNode = 300;

    /// <summary>The estimate, or a number past <paramref name="stopAbove"/> as soon as it passes it.</summary>
    /// <param name="images">The images the body may place (<c>image:ID</c>), as a reader's render gets them.</param>
    public static long UpperBound(MarkdownDocument document, string markdown, IReadOnlyDictionary<long, InlineImage> images, long stopAbove)
    {
        var (estimate, longestLine) = EscapedText(markdown);
        long figuresSharingALabel = 0;
        ParagraphBlock? paragraph = null;
        var imagesInParagraph = 0;
        foreach (var node in document.Descendants())
        {
            if (node is ParagraphBlock next)
            {
                figuresSharingALabel += Math.Max(0, imagesInParagraph - 1);
                (paragraph, imagesInParagraph) = (next, 0);
            }
            else if (node is LinkInline { IsImage: true } && paragraph is not null)
            {
                imagesInParagraph++;
            }
            estimate += Markup(node) + (node is LinkInline link && ImageHtml.Resolve(link, images) is { } image ? PlacedImage(image) : 0);
            if (estimate > stopAbove)
            {
                return estimate;
            }
        }
        figuresSharingALabel += Math.Max(0, imagesInParagraph - 1);
        // Under a row of figures a credit line is each one's (FigureParagraphRenderer): a label is at most two lines.
        return estimate + (figuresSharingALabel * 2 * ((LabelCharacterWeight * longestLine) + 400));
    }

    /// <summary>
    /// At most what one character of a figure's label line writes each time it is repeated: itself escaped and, in a
    /// link of the label, its share of the link's markup and its URL percent-escaped.
    /// </summary>
    private const long LabelCharacterWeight = 60;

    /// <summary>
    /// What a placement writes of its image's record, beyond the figure's markup (<see cref="Markup"/>): its URL, alt text,
    /// caption and credit, each escaped, and the attributes and elements around them (width, height, data-image-id,
    /// figcaption dir="auto", the credit's small), each line break of the caption and credit a &lt;br&gt;.
    /// </summary>
    private static long PlacedImage(InlineImage image) =>
        200 + EscapedLength(image.Url) + Escaped(image.AltText) + Escaped(image.Caption) + Escaped(image.Credit)
        + (3L * (LineBreaks(image.Caption) + LineBreaks(image.Credit)));

    /// <summary>The line breaks the caption's lines are parted at (ImageHtml reads them as EnumerateLines does; CR LF counted twice).</summary>
    private static long LineBreaks(string? text) => text?.Count(c => c is '\n' or '\r' or '\f' or '\u0085' or '\u2028' or '\u2029') ?? 0;

    internal static long Escaped(string? text) => text is null ? 0 : EscapedText(text).Weight;

    /// <summary>
    /// The text's characters as HTML escapes them (&amp;quot; for ", &amp;amp; for &amp;, &amp;lt; and &amp;gt;; a tab
    /// may be written as the spaces it stands for), and the longest line's length.
    /// </summary>
    private static (long Weight, int LongestLine) EscapedText(string markdown)
    {
        var text = markdown.AsSpan();
        long weight = text.Length;
        weight += 5L * text.Count('"');
        weight += 4L * text.Count('&');
        weight += 3L * (text.Count('<') + text.Count('>') + text.Count('\t'));
        var longestLine = 0;
        foreach (var line in text.EnumerateLines())
        {
            longestLine = Math.Max(longestLine, line.Length);
        }
        return (weight, longestLine);
    }

    /// <summary>The markup one node writes, and the text it repeats, beyond its own characters (counted once already).</summary>
    private static long Markup(Markdig.Syntax.MarkdownObject node) => node switch
    {
        LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock => 0,
        // <h6 id="user-content-…-section-12345-2" dir="rtl"></h6>: the id repeats the heading's letters.
        HeadingBlock heading => 60 + PrefixLength + heading.Span.Length,
        ParagraphBlock paragraph => 30 + (Embed.Of(paragraph) is null ? 0 : EmbedHtml.Markup),
        QuoteBlock => 50,
        ListBlock => 50,
        ListItemBlock => 30,
        FencedCodeBlock fenced => 60 + (6L * ((fenced.Info?.Length ?? 0) + (fenced.Arguments?.Length ?? 0))),
        CodeBlock => 40,
        ThematicBreakBlock => 10,
        // A row writes a cell for each column, written or not, each with its column's alignment.
        Table table => 200 + (40L * table.ColumnDefinitions.Count),
        TableRow row => 30 + (60L * Math.Max(row.Count, (row.Parent as Table)?.ColumnDefinitions.Count ?? 0)),
        TableCell => 0,
        FootnoteGroup => 100,
        Footnote => 100 + PrefixLength,
        // The reference (<a id="…fnref:1:2" href="…fn:1" class="footnote-ref"><sup>1</sup></a>) and its link back from the note.
        FootnoteLink => 240 + (3L * PrefixLength),
        // A reference link repeats its definition's URL and title; a link to a heading is written with the prefix.
        LinkInline link => 200 + PrefixLength + (2L * EscapedLength(link.Url)) + (6L * (link.Title?.Length ?? 0)) + (link.IsImage ? 400 : 0),
        AutolinkInline autolink => 200 + (2L * EscapedLength(autolink.Url)),
        EmphasisInline => 20,
        CodeInline => 15,
        LineBreakInline => 10,
        MarkdownDocument or ContainerInline or LiteralInline or HtmlEntityInline or HtmlInline => 0,
        _ => UnknownNode,
    };

    /// <summary>At most how long a URL is once written into HTML: each byte percent-escaped (%E4), or &amp;amp; for &amp;.</summary>
    internal static long EscapedLength(string? url) => url is null ? 0 : 6L * System.Text.Encoding.UTF8.GetByteCount(url);
}
