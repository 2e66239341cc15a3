using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// Links and images inside running text. A link to a refused URL keeps only its text; an image with one is
/// dropped; an <c>image:ID</c> reference becomes a plain img here (a figure would be invalid inside a
/// paragraph; <see cref="FigureParagraphRenderer"/> handles references and images by URL that stand alone) or nothing if unknown.
/// </summary>
internal sealed class SafeLinkRenderer(IReadOnlyDictionary<long, InlineImage> images, ImageLoading loading) : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (ImageHtml.IsReference(link))
        {
            if (ImageHtml.Resolve(link, images) is { } image)
            {
                ImageHtml.WriteImg(renderer, loading, image.Url, ImageHtml.AltText(link, image), image.Width, image.Height, image.Id);
            }
            return;
        }
        var url = Url(link);
        if (!(link.IsImage ? SafeUrls.IsAllowedImage(url) : SafeUrls.IsAllowed(url)))
        {
            if (!link.IsImage)
            {
                renderer.WriteChildren(link);
            }
            return;
        }
        if (link.IsImage)
        {
            ImageHtml.WriteImg(renderer, loading, url, ImageHtml.AltText(link, null), null, null);
            return;
        }
        base.Write(renderer, link);
    }

    /// <summary>Whether this renders nothing of the link: an image (not an <c>image:ID</c> reference) with a refused URL.</summary>
    public static bool IsDroppedImage(Inline inline) =>
        inline is LinkInline { IsImage: true } image && !ImageHtml.IsReference(image) && !SafeUrls.IsAllowedImage(Url(image));

    /// <summary>The URL a link or image is written with.</summary>
    internal static string? Url(LinkInline link) => link.GetDynamicUrl?.Invoke() ?? link.Url;
}
