using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>Lists of names written on one line: <c>王小明、李華</c>, <c>Jane Doe and John Roe</c>.</summary>
internal static partial class NameList
{
    public static IReadOnlyList<string> SplitAuthors(string text) => Clean(AuthorSeparator().Split(text));

    /// <summary>Tags split on commas only: "and" and "&amp;" are common inside tag names.</summary>
    public static IReadOnlyList<string> SplitTags(string text) => Clean(TagSeparator().Split(text));

    /// <summary>Tags split on white space as Jekyll splits them (<c>categories: jekyll update</c>), and on commas.</summary>
    public static IReadOnlyList<string> SplitWords(string text) => Clean(WordSeparator().Split(text));

    /// <summary>Trimmed, without empty entries or repeats, first occurrence first.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string> names) => [.. Clean(names.Select(name => new NamedRef(name))).Select(named => named.Name)];

    /// <summary>
    /// Names trimmed, without empty entries; an entry with a slug is kept exactly (as an export wrote it). No two name
    /// the same author or tag: one slug, or one name without a slug. First occurrence first.
    /// </summary>
    public static IReadOnlyList<NamedRef> Clean(IEnumerable<NamedRef> refs)
    {
        var seen = new HashSet<(string?, string)>();
        var result = new List<NamedRef>();
        foreach (var named in refs)
        {
            var kept = named.Slug is null ? named with { Name = named.Name.Trim() } : named;
            if (!string.IsNullOrWhiteSpace(kept.Name) && seen.Add((kept.Slug, kept.Slug is null ? kept.Name : "")))
            {
                result.Add(kept);
            }
        }
        return result;
    }

    [GeneratedRegex(@"[、,，&＆]|\s+and\s+")]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex("[、,，]")]
    private static partial Regex TagSeparator();

    [GeneratedRegex(@"[\s、,，]+")]
    private static partial Regex WordSeparator();
}
