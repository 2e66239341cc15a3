using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A body's links to its own headings, <c>[見](#背景)</c>, and notes, <c>(#fn:1)</c>, written with the id the HTML gives
/// them (<see cref="ArticleElementIds"/>), so they find it without a script, in whichever normalization form either was typed
/// (both are read in NFC, as <see cref="HeadingIds"/> writes ids). A fragment no heading of the body has, such as
/// <c>#comments</c>, may name an element of the page around it and is left as written.
/// </summary>
internal static class LinksToHeadings
{
    /// <param name="headingIds">The headings' ids as <see cref="HeadingIds"/> gives them, without the prefix.</param>
    public static void Point(MarkdownDocument document, IReadOnlySet<string> headingIds, string prefix)
    {
        var ids = headingIds.Concat(NoteIds(document)).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!link.IsImage && link.Url is ['#', _, ..] url && HeadingIds.InCanonicalForm(Uri.UnescapeDataString(url[1..])) is var typed
                && (ids.Contains(typed) ? typed : WithoutNonJoiners(typed)) is { } fragment && ids.Contains(fragment))
            {
                link.Url = "#" + prefix + fragment;
            }
        }
    }

    /// <summary>
    /// A fragment typed from a Persian heading's text, its zero-width non-joiners and all ("#پیشینه‌ی-خبر"), as the id
    /// reads them, a hyphen each ("پیشینه-ی-خبر", <see cref="HeadingIds.FromText"/>); null for one holding none, which
    /// is left exactly as typed, as browsers match ids ("#Setup" is no "setup").
    /// </summary>
    private static string? WithoutNonJoiners(string fragment) =>
        fragment.Contains('\u200C', StringComparison.Ordinal) ? HeadingIds.FromText(fragment) : null;

    /// <summary>The notes' and their references' ids as Markdig writes them bare (<see cref="PrefixedFootnoteLinkRenderer"/>).</summary>
    private static IEnumerable<string> NoteIds(MarkdownDocument document) =>
        document.Descendants<FootnoteLink>().Where(link => !link.IsBackLink)
            .SelectMany(link => new[] { $"fn:{link.Footnote.Order}", $"fnref:{link.Index}" });
}
