using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A paragraph holding nothing but <c>![alt](image:ID)</c> references becomes one figure per image, with no
/// enclosing p (a figure inside a p is invalid HTML). Unknown references in it render nothing.
/// </summary>
internal sealed class FigureParagraphRenderer(IReadOnlyDictionary<long, InlineImage> images) : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (!IsFigureParagraph(paragraph))
        {
            base.Write(renderer, paragraph);
            return;
        }
        foreach (var link in paragraph.Inline!.OfType<LinkInline>())
        {
            if (ImageHtml.Resolve(link, images) is { } image)
            {
                renderer.EnsureLine();
                ImageHtml.WriteFigure(renderer, image, ImageHtml.AltText(link, image));
                renderer.WriteLine();
            }
        }
    }

    private static bool IsFigureParagraph(ParagraphBlock paragraph) =>
        paragraph.Inline?.FirstChild is not null &&
        paragraph.Inline.All(inline => inline switch
        {
            LinkInline link => ImageHtml.IsReference(link),
            LineBreakInline => true,
            LiteralInline literal => literal.Content.IsEmptyOrWhitespace(),
            _ => false,
        });
}
