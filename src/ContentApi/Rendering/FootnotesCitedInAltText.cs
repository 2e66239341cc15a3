using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A reference to a note inside an image's alt text ("![圖[^1]](…)") shows no number, yet Markdig lists the note with a
/// link back to an "#fnref:1" that is nowhere in the page. Such references are dropped, with their links back; a note
/// no other reference cites is left out, as Markdig leaves out one nothing cites, and the notes left are numbered again.
/// </summary>
internal static class FootnotesCitedInAltText
{
    public static void Drop(MarkdownDocument document)
    {
        foreach (var group in document.Descendants<FootnoteGroup>().ToList())
        {
            var order = 0;
            foreach (var note in group.OfType<Footnote>().ToList())
            {
                foreach (var reference in note.Links.Where(link => !link.IsBackLink && IsInImage(link)).ToList())
                {
                    foreach (var backLink in note.Descendants<FootnoteLink>().Where(link => link.IsBackLink && link.Index == reference.Index).ToList())
                    {
                        backLink.Remove();
                    }
                    reference.Remove();
                    note.Links.Remove(reference);
                }
                if (!note.Links.Any(link => !link.IsBackLink))
                {
                    group.Remove(note);
                    continue;
                }
                note.Order = ++order;
            }
        }
    }

    private static bool IsInImage(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline { IsImage: true })
            {
                return true;
            }
        }
        return false;
    }
}
