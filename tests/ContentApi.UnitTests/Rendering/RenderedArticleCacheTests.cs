using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class RenderedArticleCacheTests
{
    private static readonly InlineImage Photo = new(7, "https://images.example.com/a.jpg", "現場", "Caption", "圖源:ifanr", 1200, 675);

    private int _renders;

    private RenderedArticleCache Cache(long maxCharacters = 1_000_000) => new(maxCharacters, (markdown, images) =>
    {
        _renders++;
        return MarkdownRenderer.Render(markdown, images);
    });

    [Fact]
    public void The_same_body_and_images_render_once()
    {
        var cache = Cache();
        var first = cache.Render("# 標題\n\n![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo });
        var again = cache.Render("# 標題\n\n![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo with { } });
        Assert.Same(first, again);
        Assert.Equal(1, _renders);
    }

    [Fact]
    public void Another_body_or_a_changed_image_renders_again()
    {
        var cache = Cache();
        var images = new Dictionary<long, InlineImage> { [7] = Photo };
        var first = cache.Render("![](image:7)", images);
        var recredited = cache.Render("![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo with { Credit = "圖源:財聯社" } });
        var edited = cache.Render("![](image:7)\n\nMore.", images);
        Assert.Equal(3, _renders);
        Assert.Contains("圖源:ifanr", first.Html, StringComparison.Ordinal);
        Assert.Contains("圖源:財聯社", recredited.Html, StringComparison.Ordinal);
        Assert.Contains("More.", edited.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rendering_larger_than_the_cache_is_not_kept()
    {
        var cache = Cache(maxCharacters: 10);
        cache.Render("A paragraph longer than ten characters.", new Dictionary<long, InlineImage>());
        cache.Render("A paragraph longer than ten characters.", new Dictionary<long, InlineImage>());
        Assert.Equal(2, _renders);
    }
}
