using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A table of contents a body writes out: a list whose every entry is only a link to a heading of the page
/// (<c>- [Setup](#setup)</c>), perhaps with a list of the same under it, and the label alone on the line before it
/// ("目錄", "Table of Contents"). Navigation, not the article's text.
/// </summary>
internal static partial class TableOfContents
{
    public static bool IsList(Block block) =>
        block is ListBlock list && list.Count > 0 && list.All(item => item is ListItemBlock entry && IsEntry(entry));

    /// <summary>A paragraph that only names the table of contents after it.</summary>
    public static bool IsLabel(Block block, Block? next) =>
        next is not null && IsList(next) && block is ParagraphBlock { Inline: { } inline } && Label().IsMatch(PlainText.Of(inline));

    private static bool IsEntry(ListItemBlock entry) =>
        entry.Count > 0 && entry[0] is ParagraphBlock { Inline: { } inline } && IsAnchorLinkOnly(inline)
        && entry.Skip(1).All(IsList);

    private static bool IsAnchorLinkOnly(ContainerInline inline) =>
        inline.Count(child => child is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()) == 1
        && inline.FirstOrDefault(child => child is LinkInline) is LinkInline { IsImage: false, Url: ['#', _, ..] };

    [GeneratedRegex(@"^\s*(?:目錄|目录|目次|本文目錄|本文目录|table\s+of\s+contents|contents|in\s+this\s+(?:article|post)|목차)\s*[:：]?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
