using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Frontend review: every image was lazy, the lead picture too, which Lighthouse flags as a lazy largest contentful paint.
/// The first image the HTML shows loads at once with <c>fetchpriority="high"</c>; every later one is lazy.
/// </summary>
public sealed class FirstImageLoadingTests
{
    private static readonly InlineImage Lead = new(12, "https://cdn.example.com/lead.jpg", "主圖", null, null, 1920, 1080);
    private static readonly InlineImage Other = new(13, "https://cdn.example.com/other.jpg", "次圖", null, null, 800, 600);

    private static List<(string? Loading, string? Priority)> Loading(string markdown) =>
        [.. SafeHtml.Parse(MarkdownRenderer.Render(1, markdown, new[] { Lead, Other }.ToDictionary(image => image.Id)).Html)
            .QuerySelectorAll("img").Select(img => (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")))];

    private static readonly (string?, string?) Eager = (null, "high");
    private static readonly (string?, string?) Lazy = ("lazy", null);

    [Fact]
    public void The_first_figure_loads_at_once_with_high_priority_and_the_rest_are_lazy() =>
        Assert.Equal([Eager, Lazy, Lazy], Loading("![](image:12)\n\n第一段。\n\n![](image:13)\n\n行內 ![](https://cdn.example.com/c.png) 圖。"));

    [Fact]
    public void The_first_image_in_document_order_is_the_first_even_inside_running_text() =>
        Assert.Equal([Eager, Lazy], Loading("見 ![](https://cdn.example.com/c.png) 所示。\n\n![](image:12)"));

    [Fact]
    public void The_first_image_inside_a_link_is_the_first() =>
        Assert.Equal([Eager, Lazy], Loading("[![](image:12)](https://cdn.example.com/full.jpg)\n\n![](image:13)"));

    [Fact]
    public void An_image_that_renders_nothing_is_not_the_first()
    {
        Assert.Equal([Eager, Lazy], Loading("![](javascript:alert(1))\n\n![](image:99)\n\n![](image:12)\n\n![](image:13)"));
        Assert.Equal([Eager], Loading("見 ![x](javascript:x) 與 ![](image:13)"));
    }

    [Fact]
    public void Each_render_starts_again_from_the_first()
    {
        Assert.Equal([Eager, Lazy], Loading("![](image:12)\n\n![](image:13)"));
        Assert.Equal([Eager, Lazy], Loading("![](image:12)\n\n![](image:13)"));
    }
}
