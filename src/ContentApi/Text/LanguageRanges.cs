namespace ContentApi.Text;

/// <summary>
/// The ranges of the article filter <c>language</c>: RFC 4647 basic ranges (a tag finds itself and the tags that begin
/// with it), any of several, with a Chinese script and the regions that write it by default read as one. A small
/// table, not CLDR's likely subtags: zh-TW, zh-HK and zh-MO are written in Traditional characters (zh-Hant), zh-CN,
/// zh-SG and zh-MY in Simplified ones (zh-Hans). Plain zh names no script, so neither script's range finds it; a
/// region's range finds that region with its script written out (zh-TW finds zh-Hant-TW) but not the script alone
/// (zh-Hant may be Hong Kong's). Cantonese written yue or as the extended zh-yue (RFC 5646 section 2.2.2) is one language.
/// </summary>
public static class LanguageRanges
{
    /// <summary>The ranges one filter takes: more languages than a switcher shows together.</summary>
    public const int MaxCount = 20;

    /// <summary>The length of the longest list of ranges, a comma and a space around each.</summary>
    public const int MaxListLength = MaxCount * (LanguageTags.MaxLength + 3);

    private static readonly Dictionary<string, string> ChineseScriptOfRegion = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TW"] = "Hant",
        ["HK"] = "Hant",
        ["MO"] = "Hant",
        ["CN"] = "Hans",
        ["SG"] = "Hans",
        ["MY"] = "Hans",
    };

    /// <summary>
    /// The lower-case ranges a tag is matched against for <paramref name="ranges"/> (well-formed, as validated), in
    /// ordinal order, none that another covers (<c>en-GB</c> beside <c>en</c>): no two match one tag. Null for every
    /// language (<see cref="LanguageTags.AnyLanguage"/>) or none given.
    /// </summary>
    public static IReadOnlyList<string>? ToMatch(IEnumerable<string> ranges)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            if (range == LanguageTags.AnyLanguage)
            {
                return null;
            }
            all.UnionWith(SpellingsOf(LanguageTags.Canonical(range)).Select(AsciiLower));
        }
        return all.Count == 0 ? null : [.. all.Where(range => !all.Any(wider => wider != range && Covers(wider, range)))];
    }

    /// <summary>Whether <paramref name="tag"/> is in one of <paramref name="ranges"/> (from <see cref="ToMatch"/>), as the list's SQL tests it.</summary>
    public static bool Matches(string tag, IReadOnlyList<string> ranges) => ranges.Any(range => Covers(range, AsciiLower(tag)));

    /// <summary>Whether the lower-case range <paramref name="range"/> finds <paramref name="tag"/>: the same, or a tag beginning with it and a hyphen.</summary>
    private static bool Covers(string range, string tag) =>
        tag.StartsWith(range, StringComparison.Ordinal) && (tag.Length == range.Length || tag[range.Length] == '-');

    /// <summary>The range, in canonical case, and the ranges that name the same tags written another way.</summary>
    private static IEnumerable<string> SpellingsOf(string range)
    {
        yield return range;
        var subtags = range.Split('-');
        if (subtags[0] == "yue")
        {
            yield return "zh-" + range;
        }
        if (subtags is not ["zh", var second, ..])
        {
            yield break;
        }
        if (second == "yue")
        {
            yield return range[3..];
        }
        else if (second is "Hant" or "Hans" && subtags.Length == 2)
        {
            foreach (var region in ChineseScriptOfRegion.Where(r => r.Value == second).Select(r => r.Key))
            {
                yield return $"zh-{region}";
            }
        }
        else if (second is "Hant" or "Hans" && ChineseScriptOfRegion.GetValueOrDefault(subtags[2]) == second)
        {
            yield return "zh-" + string.Join('-', subtags[2..]);
        }
        else if (ChineseScriptOfRegion.TryGetValue(second, out var script))
        {
            yield return $"zh-{script}-" + string.Join('-', subtags[1..]);
        }
    }

    // ASCII only, as SQLite's lower() is: a tag holds no other letters.
    private static string AsciiLower(string tag) => string.Create(tag.Length, tag, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = LanguageTags.AsciiLower(text[i]);
        }
    });
}
