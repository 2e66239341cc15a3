using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A body's links to its own headings, <c>[見](#背景)</c>, written with the heading's id as the HTML has it
/// (<see cref="ArticleElementIds"/>), so they find it without a script. A fragment no heading of the body has, such as
/// <c>#comments</c>, may name an element of the page around it and is left as written.
/// </summary>
internal static class LinksToHeadings
{
    /// <param name="headingIds">The headings' ids as <see cref="HeadingIds"/> gives them, without the prefix.</param>
    public static void Point(MarkdownDocument document, IReadOnlySet<string> headingIds, string prefix)
    {
        if (headingIds.Count == 0)
        {
            return;
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!link.IsImage && link.Url is ['#', _, ..] url && Uri.UnescapeDataString(url[1..]) is var fragment && headingIds.Contains(fragment))
            {
                link.Url = "#" + prefix + fragment;
            }
        }
    }
}
