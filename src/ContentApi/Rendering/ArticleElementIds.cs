using System.Globalization;

namespace ContentApi.Rendering;

/// <summary>
/// The element ids an article's HTML gives its headings and footnotes: each starts with <c>user-content-</c> and the
/// article's id, <c>user-content-42-背景</c>, <c>user-content-42-fn:1</c>. As GitHub's, no heading can be a name a host
/// page's script reads as a global (<c># root</c> was <c>id="root"</c>, <c>window.root</c>); unlike GitHub's, two
/// articles on one page never share one (their ids end at the first hyphen after the prefix).
/// </summary>
internal static class ArticleElementIds
{
    public static string Prefix(long articleId) => "user-content-" + articleId.ToString(CultureInfo.InvariantCulture) + "-";

    /// <summary>The article whose ids are the longest, for a bound on any article's HTML.</summary>
    public const long LongestArticleId = long.MaxValue;
}
