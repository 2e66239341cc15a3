using ContentApi.Transfer;

namespace ContentApi.UnitTests.Transfer;

/// <summary>
/// A Markdown export is copied to other machines: an article whose slug is a name Windows keeps for a device (`con`,
/// `nul`, `com1`: with any extension) had a file no Windows tool could open or copy (transfer helper).
/// </summary>
public sealed class MarkdownFileNameTests
{
    [Theory]
    [InlineData("con")]
    [InlineData("prn")]
    [InlineData("aux")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("com0")]
    [InlineData("lpt9")]
    public void A_slug_windows_keeps_for_a_device_is_written_by_id(string slug) =>
        Assert.Equal("_article-7.md", MarkdownFromExport.FileName(7, slug));

    [Theory]
    [InlineData("console")]
    [InlineData("con-2")]
    [InlineData("com10")]
    [InlineData("nul-and-void")]
    [InlineData("新聞")]
    public void Any_other_valid_slug_is_the_file_name(string slug) =>
        Assert.Equal(slug + ".md", MarkdownFromExport.FileName(7, slug));
}
