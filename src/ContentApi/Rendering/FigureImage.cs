using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// What a figure shows: an <c>image:ID</c> reference, alone or as all that a link holds
/// (<c>[![alt](image:1)](https://example.com/full.jpg)</c>, the image linking to its full size or a gallery).
/// </summary>
/// <param name="Link">The link around the image, kept around its img in the figure; null for a bare image.</param>
internal sealed record FigureImage(LinkInline Reference, LinkInline? Link)
{
    public static FigureImage? Of(Inline inline) => inline switch
    {
        LinkInline reference when ImageHtml.IsReference(reference) => new FigureImage(reference, null),
        LinkInline { IsImage: false } link when OnlyReferenceIn(link) is { } reference => new FigureImage(reference, link),
        _ => null,
    };

    private static LinkInline? OnlyReferenceIn(LinkInline link)
    {
        var content = link.Where(child => child is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).ToList();
        return content is [LinkInline reference] && ImageHtml.IsReference(reference) ? reference : null;
    }
}
