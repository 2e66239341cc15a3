using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A migrated post's earlier URLs (Hugo's <c>aliases</c>, Jekyll's <c>redirect_from</c>) were ignored as unknown keys,
/// so every old link to a moved post was a 404 after the migration. The slug each names is what a frontend reads out
/// of that URL.
/// </summary>
public sealed class EarlierSlugPathTests
{
    [Theory]
    [InlineData("/2019/05/old-title/", "old-title")]
    [InlineData("/posts/old-title", "old-title")]
    [InlineData("old-title", "old-title")]
    [InlineData("/blog/old-title.html", "old-title")]
    [InlineData("/blog/old-title.HTM", "old-title")]
    [InlineData("/blog/old-title/index.html", "old-title")]
    [InlineData("https://old.example.com/p/old-title/?utm_source=x#top", "old-title")]
    [InlineData("/p/%E8%88%8A%E6%96%87/", "舊文")]
    [InlineData("/p/舊文/", "舊文")]
    [InlineData("/p/ｏｌｄ/", "old")]
    [InlineData("  /p/2019-recap/  ", "2019-recap")]
    public void The_slug_is_the_last_segment_of_the_path(string path, string slug) => Assert.Equal(slug, EarlierSlugPath.SlugOf(path));

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/posts/Old_Title/")]
    [InlineData("/posts/Old-Title/")]
    [InlineData("/posts/old title/")]
    [InlineData("/index.html")]
    [InlineData("/p/%E8%88%8A/../")]
    // A date's or a listing page's (review: they became earlier slugs 01 and 2).
    [InlineData("/2019/05/01/")]
    [InlineData("/page/2/")]
    public void A_path_that_names_no_slug_gives_none(string path) => Assert.Null(EarlierSlugPath.SlugOf(path));
}
