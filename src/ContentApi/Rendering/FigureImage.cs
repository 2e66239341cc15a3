using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// What a figure shows: an <c>image:ID</c> reference, or an image by a URL a page may load (<c>![alt](https://…/a.jpg)</c>,
/// as bodies imported from Hugo, Jekyll or WordPress place them), alone or as all that a link holds
/// (<c>[![alt](image:1)](https://example.com/full.jpg)</c>, the image linking to its full size or a gallery).
/// </summary>
/// <param name="Link">The link around the image, kept around its img in the figure; null for a bare image.</param>
internal sealed record FigureImage(LinkInline Image, LinkInline? Link)
{
    /// <summary>Whether the figure shows an image by its URL: it has no image record, so no stored caption or credit.</summary>
    public bool IsByUrl => !ImageHtml.IsReference(Image);

    public static FigureImage? Of(Inline inline) => inline switch
    {
        LinkInline image when IsFigureImage(image) => new FigureImage(image, null),
        LinkInline { IsImage: false } link when OnlyImageIn(link) is { } image => new FigureImage(image, link),
        _ => null,
    };

    /// <summary>A reference, or an image by URL that is not dropped (one with a refused URL leaves nothing, as in running text).</summary>
    private static bool IsFigureImage(LinkInline image) => ImageHtml.IsReference(image) || ImageHtml.IsShownByUrl(image);

    private static LinkInline? OnlyImageIn(LinkInline link)
    {
        var content = link.Where(child => child is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).ToList();
        return content is [LinkInline image] && IsFigureImage(image) ? image : null;
    }
}
