using ContentApi.Import;
using ContentApi.Text;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A static site names its images by path, relative to the site (Jekyll's "/assets/a.png") or to the post (Hugo's page
/// bundles, "chart.png" beside "index.md"): import left them as written, with a warning, so a migrated site came in
/// without its images. With <c>--image-base-url</c> they resolve where the site serves them.
/// </summary>
public sealed class ImageBaseUrlTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "site", "content");

    private static Uri PageOf(string baseUrl, params string[] fileParts) =>
        ImageBaseUrl.Create(baseUrl, Folder).PageOf(Path.Combine([Folder, .. fileParts]));

    [Theory]
    [InlineData("https://example.com/", new[] { "post.md" }, "https://example.com/")]
    [InlineData("https://example.com/", new[] { "posts", "qwen3", "index.md" }, "https://example.com/posts/qwen3/")]
    [InlineData("https://example.com/blog", new[] { "posts", "qwen3", "index.md" }, "https://example.com/blog/posts/qwen3/")]
    [InlineData("https://example.com/", new[] { "..drafts", "index.md" }, "https://example.com/..drafts/")]
    [InlineData("https://example.com/", new[] { "文章", "通義 千問", "index.md" }, "https://example.com/%E6%96%87%E7%AB%A0/%E9%80%9A%E7%BE%A9%20%E5%8D%83%E5%95%8F/")]
    public void A_files_page_is_its_folder_under_the_base(string baseUrl, string[] fileParts, string page) =>
        Assert.Equal(page, PageOf(baseUrl, fileParts).AbsoluteUri);

    [Theory]
    [InlineData("chart.png", "https://example.com/posts/qwen3/chart.png")]
    [InlineData("./img/chart.png", "https://example.com/posts/qwen3/img/chart.png")]
    [InlineData("../shared/logo.svg", "https://example.com/posts/shared/logo.svg")]
    [InlineData("/assets/a.png", "https://example.com/assets/a.png")]
    [InlineData("//cdn.example.net/a.png", "https://cdn.example.net/a.png")]
    [InlineData("chart.png?w=800#top", "https://example.com/posts/qwen3/chart.png?w=800#top")]
    [InlineData("圖表.png", "https://example.com/posts/qwen3/%E5%9C%96%E8%A1%A8.png")]
    // Written with a scheme, or nothing to resolve: as written.
    [InlineData("https://images.example.org/a.png", "https://images.example.org/a.png")]
    [InlineData("image:12", "image:12")]
    [InlineData("data:image/png;base64,AAAA", "data:image/png;base64,AAAA")]
    [InlineData("javascript:alert(1)", "javascript:alert(1)")]
    [InlineData("", "")]
    public void A_path_resolves_as_a_browser_resolves_it_on_the_page(string written, string resolved) =>
        Assert.Equal(resolved, ImageBaseUrl.Resolve(new Uri("https://example.com/posts/qwen3/"), written));

    [Fact]
    public void Without_a_base_a_path_stays_as_written() => Assert.Equal("/assets/a.png", ImageBaseUrl.Resolve(null, "/assets/a.png"));

    [Theory]
    [InlineData("example.com")]
    [InlineData("/assets/")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://example.com/?v=1")]
    [InlineData("https://example.com/#top")]
    [InlineData("https://xn--/blog/")] // a Punycode label that decodes to nothing: no image URL under it is stored
    [InlineData("https://editor@example.com/blog/")] // a user name before the host, which image URLs may not have
    [InlineData("https://256.0.0.1/blog/")] // no host to browsers
    public void A_base_that_is_no_http_folder_url_is_refused(string baseUrl)
    {
        Assert.Contains("--image-base-url", ImageBaseUrl.ProblemWith(baseUrl), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImageBaseUrl.Create(baseUrl, Folder));
    }

    /// <summary>
    /// A base refused only for its host was told it is no absolute http(s) URL, sending the operator to look for what
    /// is right; it is told what the API tells a request with that URL.
    /// </summary>
    [Theory]
    [InlineData("https://xn--/blog/", TextRules.PunycodeHostMessage)]
    [InlineData("https://256.0.0.1/blog/", TextRules.Ipv4HostMessage)]
    [InlineData("https://example.123/blog/", TextRules.Ipv4HostMessage)]
    public void A_base_refused_for_its_host_says_why(string baseUrl, string reason)
    {
        var problem = ImageBaseUrl.ProblemWith(baseUrl);

        Assert.Contains($"--image-base-url '{baseUrl}'", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_images_hugo_figures_and_covers_given_as_paths_become_images()
    {
        var page = new Uri("https://example.com/posts/qwen3/");
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines(
            "---", "title: 通義千問", "image: /assets/cover.jpg", "---",
            "阿里雲今天發布新模型。", "", "![發布會現場](launch.jpg)", "圖源：阿里雲", "",
            "{{< figure src=\"chart.png\" alt=\"跑分\" caption=\"SWE-Bench Verified 跑分\" attr=\"阿里雲\" >}}"), new ParseOptions(page));

        Assert.Empty(result.Problems);
        var document = result.Document!;
        Assert.Equal("https://example.com/assets/cover.jpg", document.CoverImage!.Url);
        Assert.Equal(
            [("https://example.com/posts/qwen3/launch.jpg", null, "圖源：阿里雲"), ("https://example.com/posts/qwen3/chart.png", "SWE-Bench Verified 跑分", "阿里雲")],
            document.Images.Select(image => (image.Url, image.Caption, image.Credit)));
    }

    [Fact]
    public void Without_a_base_paths_stay_as_written_with_their_warnings()
    {
        var result = MarkdownImportParser.Parse(Import.File, Import.Lines("---", "title: T", "image: /assets/cover.jpg", "---", "![x](launch.jpg)"));
        Assert.Equal(2, result.Problems.Count(problem => problem.Severity == ImportSeverity.Warning && problem.Message.Contains("--image-base-url", StringComparison.Ordinal)));
        Assert.Null(result.Document!.CoverImage);
        Assert.Empty(result.Document.Images);
    }
}
