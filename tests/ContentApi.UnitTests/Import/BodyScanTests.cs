using ContentApi.Import;
using ContentApi.Rendering;

namespace ContentApi.UnitTests.Import;

public sealed class BodyScanTests
{
    /// <summary>
    /// The importer lists and uploads the images its scan finds; the API stores a body only when the images it places are
    /// listed. The scan read HTML blocks, comments and footnotes otherwise than the API's dialect.
    /// </summary>
    [Theory]
    [InlineData("Text.[^1]\n\n[^1]: ![x](image:5)\n")]
    [InlineData("<div>\n![x](image:5)\n</div>\n")]
    [InlineData("<!-- ![x](image:5) -->\n")]
    [InlineData("$$\n![x](image:5)\n$$\n")]
    [InlineData("| a | b |\n| - | - |\n| ![x](image:5) | c |\n")]
    [InlineData("![x][r]\n\n[r]: image:5\n")]
    [InlineData("~~![x](image:5)~~\n")]
    [InlineData("`![x](image:5)`\n")]
    [InlineData("**![x](image:5)**後\n")]
    public void The_scan_finds_the_images_the_API_finds_in_a_body(string body) =>
        Assert.Equal(
            MarkdownRenderer.ToPlainTextForStorage(body, TimeSpan.FromSeconds(5)).PlacedImageIds.Count,
            new BodyScan(body).Images.Count);
}
