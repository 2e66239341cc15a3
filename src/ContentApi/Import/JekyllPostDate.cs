using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// The date Jekyll publishes a post of a <c>_posts</c> folder on when its front matter gives none: the one its file name
/// starts with (<c>2024-05-01-welcome.md</c>), at midnight in the site's time zone (its configuration's <c>timezone</c>,
/// which import is told with <c>--time-zone</c>; else UTC). Files elsewhere, in <c>_drafts</c> among them, have none.
/// </summary>
internal static partial class JekyllPostDate
{
    public static DateTimeOffset? Of(string file, TimeZoneInfo? siteZone = null)
    {
        if (!InPostsFolder(Path.GetDirectoryName(file)) || DatedName().Match(Path.GetFileName(file)) is not { Success: true } dated)
        {
            return null;
        }
        return DateTime.TryParseExact(dated.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? FrontMatterDate.At(date, siteZone)
            : null;
    }

    private static bool InPostsFolder(string? folder)
    {
        for (; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Path.GetFileName(folder) == "_posts")
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})-", RegexOptions.CultureInvariant)]
    private static partial Regex DatedName();
}
