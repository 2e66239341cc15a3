using System.Globalization;
using ContentApi.Search;
using ContentApi.Text;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>Writes images: <c>![alt](image:ID)</c> references to the article's images, figures, and plain img tags (lazy but the first: <see cref="ImageLoading"/>).</summary>
internal static class ImageHtml
{

    public static bool IsReference(LinkInline link) => TryGetReferenceId(link, out _);

    /// <summary>An image given by a URL a page may load (http, https or relative), not an <c>image:</c> reference.</summary>
    public static bool IsShownByUrl(LinkInline link) =>
        link.IsImage && link.Url is { } url && !ImageReferences.IsReference(url) && SafeUrls.IsAllowedImage(SafeLinkRenderer.Url(link));

    /// <summary>
    /// The URLs of images a document places with <c>image:</c> that name no image id (<c>image:0</c>, <c>image:abc</c>,
    /// <c>image:-1</c>, ids past 2^63): they would vanish from the HTML without a word.
    /// </summary>
    public static List<string> MalformedReferences(MarkdownDocument document) =>
        [.. document.Descendants<LinkInline>()
            .Where(link => link.IsImage && link.Url is { } url && ImageReferences.IsReference(url) && !(TryGetReferenceId(link, out var id) && id > 0))
            .Select(link => link.Url!).Distinct()];

    /// <summary>The ids of the images a document places, in order.</summary>
    public static List<long> ReferencedIds(MarkdownDocument document) =>
        [.. document.Descendants<LinkInline>().Select(link => TryGetReferenceId(link, out var id) ? id : 0).Where(id => id > 0)];

    /// <summary>The image a reference names, if the article has it and its URL is one a page may load.</summary>
    public static InlineImage? Resolve(LinkInline link, IReadOnlyDictionary<long, InlineImage> images) =>
        TryGetReferenceId(link, out var id) && images.TryGetValue(id, out var image) && SafeUrls.IsAllowedImage(image.Url)
            ? image
            : null;

    /// <summary>The Markdown's alt text when it has one, else the image's own.</summary>
    public static string AltText(LinkInline link, InlineImage? image)
    {
        var written = PlainText.Of(link).Trim();
        return written.Length > 0 || image is null ? written : image.AltText;
    }

    /// <param name="figure">The reference to <paramref name="image"/>, or the image by URL, and the link around it if it has one.</param>
    /// <param name="image">The article's image a reference names; null for an image by URL, which has no caption or credit of its own.</param>
    /// <param name="label">The label the body writes under the figure, shown in its caption.</param>
    /// <param name="rightToLeftArticle">Whether the article is written right to left: a caption holding right-to-left letters is then "rtl", not "auto".</param>
    public static void WriteFigure(HtmlRenderer renderer, ImageLoading loading, FigureImage figure, InlineImage? image, FigureLabel? label = null, bool rightToLeftArticle = false)
    {
        renderer.Write("<figure>");
        if (figure.Link is { } link)
        {
            renderer.Write(link); // as links are written (one to a refused URL keeps only the img), the image inside as an img
        }
        else if (image is null)
        {
            renderer.Write(figure.Image); // the img of an image by URL, as in running text
        }
        else
        {
            WriteImg(renderer, loading, image.Url, AltText(figure.Image, image), image.Width, image.Height, image.Id);
        }
        label = AsCreditWhenItIsTheImagesCredit(label is null ? null : TrailingCredit.SetApart(label), image?.Credit);
        // The image's own credit, unless the label has a credit line: what the article writes under this use of the photo
        // is its credit here (two credits, the library's and the article's, were a conflicting attribution), unless it
        // only notes a file photo or an illustration ("資料照"), which names no source. A caption
        // that names the source ("阿里雲發布會" under a photo credited 阿里雲) does not stand in for the credit.
        var caption = StandsInForTheCaption(label, image?.Caption) ? null : Trimmed(image?.Caption);
        var credit = label?.Credit is null || FigureLabels.IsNoteWithoutSource(label.Credit.Text) ? Trimmed(image?.Credit) : null;
        if (caption is null && credit is null && label is null)
        {
            renderer.Write("</figure>");
            return;
        }
        var texts = new[] { caption, label?.Caption?.Text, label?.Credit?.Text, credit };
        renderer.Write(!texts.Any(text => text is not null && RightToLeftBlocks.HoldsRightToLeft(text)) ? "<figcaption>"
            : rightToLeftArticle ? "<figcaption dir=\"rtl\">" : "<figcaption dir=\"auto\">");
        var separator = "";
        if (caption is not null)
        {
            WriteLines(renderer, caption);
            separator = " ";
        }
        if (label?.Caption is { } captionLine)
        {
            renderer.Write(separator);
            WriteInlines(renderer, captionLine.Inlines);
            separator = " ";
        }
        if (label?.Credit is { } creditLine)
        {
            renderer.Write(separator).Write(CreditStart);
            WriteInlines(renderer, creditLine.Inlines);
            renderer.Write("</small>");
            separator = " ";
        }
        if (credit is not null)
        {
            renderer.Write(separator).Write(CreditStart);
            WriteLines(renderer, credit);
            renderer.Write("</small>");
        }
        renderer.Write("</figcaption></figure>");
    }

    private const string CreditStart = "<small class=\"credit\">";

    /// <summary>
    /// The credit a label under a row of figures gives the figures before the last (which takes the whole label): its
    /// credit line, or a trailing credit set apart from its caption; null when it has none. Not a plain line that is a
    /// credit only by saying the last image's own ("ifanr" under an ifanr photo): that one is the last figure's.
    /// </summary>
    public static FigureLabel? CreditOfTheRow(FigureLabel label) =>
        TrailingCredit.SetApart(label) is { Credit: { } credit } ? new FigureLabel(null, credit, [], null) : null;

    /// <summary>A label line without a colon that says just the image's credit ("Reuters" under a Reuters photo) is that credit.</summary>
    private static FigureLabel? AsCreditWhenItIsTheImagesCredit(FigureLabel? label, string? credit) =>
        label is { Caption: { } line, Credit: null } && credit?.Trim() is { Length: > 0 } own && TextUnits.Says(line.Text, own) && TextUnits.Says(own, line.Text)
            ? label with { Caption = null, Credit = line }
            : label;

    private static string? Trimmed(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>
    /// Whether the label's caption line replaces the image's own caption: when it is typed in the figure's own paragraph
    /// or with a credit after it (a caption for sure), or when either says the other (an edited caption: "阿里雲發布會"
    /// for "阿里雲杭州發布會現場"'s photo is not that, but "Bleached coral" for "Bleached coral near Lizard Island" is).
    /// A short paragraph of its own after a figure may be a subhead ("**市場反應**"), which must not erase the caption.
    /// </summary>
    private static bool StandsInForTheCaption(FigureLabel? label, string? own)
    {
        if (label?.Caption is not { } line)
        {
            return false;
        }
        var ownParagraph = label.Paragraphs.FirstOrDefault(p => ReferenceEquals(p.Inline, line.Inlines.FirstOrDefault()?.Parent));
        return ownParagraph is null || label.Credit is not null
            || own?.Trim() is not { Length: > 0 } text || TextUnits.Says(line.Text, text) || TextUnits.Says(text, line.Text);
    }

    /// <summary>
    /// The image's own caption or credit, escaped, each line break its editor typed a &lt;br&gt;: written as it was, a
    /// browser showed the break as a space ("合照。 第二行").
    /// </summary>
    private static void WriteLines(HtmlRenderer renderer, string text)
    {
        var separator = "";
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            renderer.Write(separator).WriteEscape(line.ToString());
            separator = "<br>";
        }
    }

    /// <summary>A label line's inlines, without the spaces at its ends a &lt;br&gt; leaves ("![](image:1) &lt;br&gt; 圖源：ifanr").</summary>
    private static void WriteInlines(HtmlRenderer renderer, List<Inline> inlines)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is LiteralInline literal)
            {
                var text = literal.Content.ToString();
                text = i == 0 ? text.TrimStart() : text;
                renderer.WriteEscape(i == inlines.Count - 1 ? text.TrimEnd() : text);
            }
            else
            {
                renderer.Write(inlines[i]);
            }
        }
    }

    /// <param name="imageId">The id of the article's image it shows, as <c>data-image-id</c>: a frontend finds the image's
    /// focal point, credit or other sizes by it instead of matching URLs.</param>
    public static void WriteImg(HtmlRenderer renderer, ImageLoading loading, string url, string alt, int? width, int? height, long? imageId = null)
    {
        renderer.Write("<img src=\"");
        renderer.WriteEscapeUrl(url);
        renderer.Write("\" alt=\"");
        renderer.WriteEscape(alt);
        renderer.Write("\"");
        if (width is > 0)
        {
            renderer.Write(" width=\"").Write(width.Value.ToString(CultureInfo.InvariantCulture)).Write("\"");
        }
        if (height is > 0)
        {
            renderer.Write(" height=\"").Write(height.Value.ToString(CultureInfo.InvariantCulture)).Write("\"");
        }
        loading.WriteAttribute(renderer);
        if (imageId is { } id)
        {
            renderer.Write(" data-image-id=\"").Write(id.ToString(CultureInfo.InvariantCulture)).Write("\"");
        }
        renderer.Write(">");
    }

    private static bool TryGetReferenceId(LinkInline link, out long id)
    {
        id = 0;
        var url = link.Url;
        return link.IsImage && url is not null &&
            ImageReferences.IsReference(url) &&
            long.TryParse(url.AsSpan(ImageReferences.Scheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
