using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// The links back to where a note is cited ("↩"), with which Markdig ends the note's last paragraph. They are not words
/// of its lines: a figure and its label read past them, and when figures take the paragraph the links follow them in a
/// paragraph of their own, as Markdig writes them after a note that ends with a block other than a paragraph.
/// </summary>
internal static class FootnoteBackLinks
{
    public static bool Is(Inline inline) => inline is FootnoteLink { IsBackLink: true };

    /// <summary>Writes the links back that end these paragraphs, which figures and their labels have taken.</summary>
    public static void WriteAfterFigures(HtmlRenderer renderer, IEnumerable<ParagraphBlock> taken)
    {
        foreach (var paragraph in taken)
        {
            var first = paragraph.Inline?.LastChild;
            if (first is null || !Is(first))
            {
                continue;
            }
            while (first.PreviousSibling is { } previous && Is(previous))
            {
                first = previous;
            }
            renderer.EnsureLine();
            renderer.Write("<p>");
            for (var link = first; link is not null; link = link.NextSibling)
            {
                renderer.Write(link);
            }
            renderer.WriteLine("</p>");
        }
    }
}
