using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Jekyll publishes a post of its <c>_posts</c> folder on the date its file name starts with, and many posts give no
/// <c>date</c> of their own: import made each such post a draft, so a migrated blog came in unpublished. So do
/// Docusaurus, Zola and Eleventy, wherever the file is, also for a page bundle's folder: their posts came in as drafts
/// (the whole Docusaurus starter blog), without a word.
/// </summary>
public sealed class FileNameDateTests
{
    private static ImportDocument Parse(string path, params string[] frontMatter) =>
        MarkdownImportParser.Parse(Path.Combine(Path.GetTempPath(), "site", path), Import.Lines(["---", "title: T", .. frontMatter, "---", "Body"])).Document!;

    [Theory]
    [InlineData("_posts/2024-05-01-welcome.md")]
    [InlineData("_posts/2024/2024-05-01-welcome.md")]
    [InlineData("blog/_posts/2024-05-01-welcome.markdown")]
    [InlineData("blog/2024-05-01-welcome.md")]
    [InlineData("blog/2024-05-01-welcome/index.md")]
    [InlineData("content/blog/2024-05-01_welcome.md")]
    [InlineData("content/blog/2024-05-01_welcome/index.ja.md")]
    public void A_post_without_a_date_is_published_on_its_file_names_date(string path)
    {
        var document = Parse(path);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Equal("published", document.Status ?? "published");
    }

    /// <summary>Jekyll publishes it at midnight on the site's clock (its configuration's timezone).</summary>
    [Fact]
    public void With_the_sites_time_zone_it_is_that_zones_midnight()
    {
        var file = Path.Combine(Path.GetTempPath(), "site", "_posts", "2024-05-01-welcome.md");
        var document = MarkdownImportParser.Parse(file, Import.Lines("---", "title: T", "---", "Body"),
            new ParseOptions(SiteZone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei"))).Document!;
        Assert.Equal(new DateTimeOffset(2024, 4, 30, 16, 0, 0, TimeSpan.Zero), document.PublishedAt);
    }

    /// <summary>Review: year 1 east of UTC is before any instant .NET holds, and the import stopped with an exception.</summary>
    [Fact]
    public void A_file_name_date_before_the_instants_net_holds_gives_none()
    {
        var file = Path.Combine(Path.GetTempPath(), "site", "_posts", "0001-01-01-x.md");
        var result = MarkdownImportParser.Parse(file, Import.Lines("---", "title: T", "---", "Body"),
            new ParseOptions(SiteZone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei")));
        Assert.Null(result.Document!.PublishedAt);
    }

    /// <summary>Review: a name's date that is no day of the calendar made a draft without a word.</summary>
    [Fact]
    public void A_name_date_that_is_no_day_is_told()
    {
        var result = MarkdownImportParser.Parse(Path.Combine(Path.GetTempPath(), "site", "blog", "2024-02-30-bad.md"), Import.Lines("---", "title: T", "---", "Body"));

        Assert.Null(result.Document!.PublishedAt);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((1, ImportSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Equal("The file name's date, 2024-02-30, is no day of the years 1900 to 9999 in UTC: the post has no date from it.", warning.Message);
    }

    /// <summary>Fuzz: a name's date before 1900 failed the file with the API's message on 'publishedAt', a key it does not have.</summary>
    [Theory]
    [InlineData("1900-01-01-edge.md", "Asia/Taipei")]
    [InlineData("0001-01-01_old.md", null)]
    public void A_name_date_outside_the_apis_years_is_told_and_gives_no_date(string name, string? zone)
    {
        var result = MarkdownImportParser.Parse(Path.Combine(Path.GetTempPath(), "site", "blog", name), Import.Lines("---", "title: T", "---", "Body"),
            new ParseOptions(SiteZone: zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone)));

        Assert.Null(result.Document!.PublishedAt);
        Assert.StartsWith($"The file name's date, {name[..10]}, is no day of the years 1900 to 9999", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_posts/2024-05-01-welcome.md", "date: 2024-05-01 10:00:00 +0800", "2024-05-01T02:00:00Z")]
    [InlineData("_posts/2024-05-01-welcome.md", "draft: true", null)]
    [InlineData("_posts/2024-05-01-welcome.md", "published: false", null)]
    [InlineData("blog/2024-05-01-welcome.md", "status: draft", null)]
    [InlineData("_drafts/2024-05-01-welcome.md", "authors: []", null)]
    [InlineData("_drafts/2024/2024-05-01-welcome.md", "authors: []", null)]
    [InlineData("posts/2024-05-01welcome.md", "authors: []", null)]
    [InlineData("posts/welcome-2024-05-01.md", "authors: []", null)]
    public void The_files_own_date_or_draft_wins_and_drafts_have_none(string path, string frontMatter, string? publishedAt)
    {
        var result = MarkdownImportParser.Parse(Path.Combine(Path.GetTempPath(), "site", path), Import.Lines(["---", "title: T", frontMatter, "---", "Body"]));
        // Review: a status: draft was told its 'publishedAt' was dropped, a key it does not have (the name's date was taken).
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("'publishedAt' dropped", StringComparison.Ordinal) && !frontMatter.StartsWith("date", StringComparison.Ordinal));
        var document = result.Document!;
        Assert.Equal(publishedAt is null ? null : DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture), document.PublishedAt);
    }
}
