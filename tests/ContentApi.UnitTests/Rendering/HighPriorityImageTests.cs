using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A list page makes the high-priority first image of every body but the first lazy by rewriting the cached HTML: it
/// must change that attribute of that img and nothing else, whatever the text around it says.
/// </summary>
public sealed class HighPriorityImageTests
{
    private static readonly InlineImage Lead = new(12, "https://cdn.example.com/lead.jpg", "主圖 fetchpriority=\"high\" <img src=x>", "說明 <img fetchpriority=\"high\">", null, 1920, 1080);

    private static RenderedArticle Render(string markdown) => MarkdownRenderer.Render(1, markdown, new[] { Lead }.ToDictionary(image => image.Id));

    private static List<(string? Loading, string? Priority)> Loading(string html) =>
        [.. SafeHtml.Parse(html).QuerySelectorAll("img").Select(img => (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")))];

    [Theory]
    [InlineData("![](image:12)\n\n![](image:12)")]
    [InlineData("Write `<img fetchpriority=\"high\">` or <img fetchpriority=\"high\"> for the lead.\n\n[a](https://example.com/ \"<img fetchpriority=\"high\" x\") ![](image:12)\n\n![](image:12)")]
    [InlineData("fetchpriority=\"high\" in a [link's text <img fetchpriority=\"high\">](https://example.com/?<img%20fetchpriority=\"high\">)\n\n| <img fetchpriority=\"high\"> |\n|---|\n| ![](image:12) |\n\n![](image:12)")]
    public void Making_lazy_changes_only_the_first_img_attribute(string markdown)
    {
        var rendered = Render(markdown);
        Assert.NotNull(rendered.HighPriorityImageAt);

        var lazy = HighPriorityImage.MakeLazy(rendered.Html, rendered.HighPriorityImageAt.Value);

        Assert.Equal([(null, "high"), ("lazy", null)], Loading(rendered.Html));
        Assert.All(Loading(lazy), loading => Assert.Equal(("lazy", null), loading));
        Assert.Equal(SafeHtml.Parse(rendered.Html).TextContent, SafeHtml.Parse(lazy).TextContent);
        Assert.Equal(rendered.Html.Length - ImageLoading.HighPriority.Length + ImageLoading.Lazy.Length, lazy.Length);
    }

    [Theory]
    [InlineData("No image, but the words fetchpriority=\"high\" and <img fetchpriority=\"high\">.")]
    [InlineData("![](image:99) ![](javascript:alert(1))")]
    public void A_body_that_shows_no_image_has_none_to_make_lazy(string markdown) =>
        Assert.Null(Render(markdown).HighPriorityImageAt);

    [Fact]
    public void A_page_keeps_high_priority_for_its_first_image_only()
    {
        var page = new PageImageLoading();
        var (none, shown) = (Render("No image."), Render("![](image:12)"));

        Assert.Equal(none.Html, page.Html(none));
        Assert.Equal(shown.Html, page.Html(shown));
        Assert.Equal([("lazy", null)], Loading(page.Html(shown)));
        Assert.Equal(none.Html, page.Html(none));
    }
}
