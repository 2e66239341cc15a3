using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// The date a site publishes a post on when its front matter gives none: the one its file name starts with
/// (<c>2024-05-01-welcome.md</c>; Zola's <c>2024-05-01_welcome.md</c>), or a page bundle's folder name
/// (<c>2024-05-01-welcome/index.md</c>), as Jekyll (in <c>_posts</c>), Docusaurus, Zola and Eleventy read it, at midnight
/// in the site's time zone (its configuration's <c>timezone</c>, which import is told with <c>--time-zone</c>; else UTC).
/// Jekyll's <c>_drafts</c> have none.
/// </summary>
internal static partial class FileNameDate
{
    public static DateTimeOffset? Of(string file, TimeZoneInfo? siteZone = null) =>
        Written(file) is { } written && DateTime.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? FrontMatterDate.At(date, siteZone)
            : null;

    /// <summary>The date the name starts with, as written (perhaps no day of the calendar: 2024-02-30); null when none counts.</summary>
    public static string? Written(string file) =>
        !InFolderNamed(Path.GetDirectoryName(file), "_drafts") && DatedName().Match(NameOf(file)) is { Success: true } dated ? dated.Groups["date"].Value : null;

    /// <summary>The name a post's URL and date come from: the file's, or its folder's for a page bundle's <c>index</c>.</summary>
    public static string NameOf(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        if (LanguageGuess.FromFileName(file) is not null)
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }
        return stem is "index" or "_index" ? Path.GetFileName(Path.GetDirectoryName(file)) ?? "" : stem;
    }

    /// <summary>The name without the date it starts with (and the hyphen or underscore after it).</summary>
    public static string WithoutDate(string name) => DatedName().Replace(name, "");

    private static bool InFolderNamed(string? folder, string name)
    {
        for (; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Path.GetFileName(folder) == name)
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[-_]", RegexOptions.CultureInvariant)]
    private static partial Regex DatedName();
}
