using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Bylines on a line of their own: <c>作者 | 王小明</c>, <c>作者：王小明、李華</c>, <c>文/陳怡婷</c>,
/// <c>By Jane Doe and John Roe</c> (optionally in emphasis).
/// </summary>
internal static partial class Bylines
{
    public const int MaxLength = 80;
    private const int MaxNameLength = 40;
    private const int MaxNames = 6;

    /// <summary>The names on a byline, or null when the line is not one.</summary>
    public static IReadOnlyList<string>? Names(string trimmedLine)
    {
        if (trimmedLine.Length > MaxLength)
        {
            return null;
        }
        var line = Emphasis.Strip(TrailingLineBreaks().Replace(trimmedLine, ""));
        var chinese = ChineseByline().Match(line);
        if (chinese.Success)
        {
            return Valid(NameList.SplitAuthors(chinese.Groups["names"].Value), ChineseName());
        }
        var english = EnglishByline().Match(line);
        return english.Success ? Valid(NameList.SplitAuthors(english.Groups["names"].Value), EnglishName()) : null;
    }

    private static IReadOnlyList<string>? Valid(IReadOnlyList<string> names, Regex name) =>
        names.Count is > 0 and <= MaxNames && names.All(n => n.Length <= MaxNameLength && name.IsMatch(n)) ? names : null;

    /// <summary>The &lt;br&gt; tags ending a line, as HTML converted to Markdown writes them ("作者｜王小明&lt;br&gt;"): the line ends there.</summary>
    [GeneratedRegex(@"(?:\s*<[bB][rR] */?>)+$")]
    private static partial Regex TrailingLineBreaks();

    [GeneratedRegex(@"^(?:作者|文|撰文|文字|記者|记者)\s*[|｜:：/／]\s*(?<names>\S.*)$")]
    private static partial Regex ChineseByline();

    [GeneratedRegex(@"^(?i:by)\s+(?<names>\S.*)$")]
    private static partial Regex EnglishByline();

    // No sentence punctuation, Markdown or tag (a <br> with the lead after it): a name, not a clause.
    [GeneratedRegex(@"^[^。！？；，,.!?;:：\[\]()（）*_#|｜<>]+$")]
    private static partial Regex ChineseName();

    // Capitalised words ("Jane Doe", "J. R. Tolkien", "Ludwig van Beethoven") or a name in a CJK script.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lo}+)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lo}+|van|von|der|den|de|da|di|du|la|le|bin|al)){0,4}$")]
    private static partial Regex EnglishName();
}
