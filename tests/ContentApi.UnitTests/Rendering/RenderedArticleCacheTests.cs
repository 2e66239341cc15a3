using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class RenderedArticleCacheTests
{
    private static readonly InlineImage Photo = new(7, "https://images.example.com/a.jpg", "現場", "Caption", "圖源:ifanr", 1200, 675);

    private int _renders;

    private int _plainTexts;

    private RenderedArticleCache Cache(long maxCharacters = 1_000_000) => new(maxCharacters, (articleId, markdown, images, language) =>
    {
        _renders++;
        return MarkdownRenderer.Render(articleId, markdown, images, language);
    }, markdown =>
    {
        _plainTexts++;
        return MarkdownRenderer.ToPlainText(markdown);
    });

    private static readonly Dictionary<long, InlineImage> NoImages = [];

    /// <summary>An article whose language is changed to one written right to left reads in its direction at once.</summary>
    [Fact]
    public void A_body_is_rendered_again_when_its_article_changes_direction()
    {
        var cache = Cache();
        var english = cache.Render(articleId: 1, "iPhone 17 في مصر.", NoImages, language: "en");
        var arabic = cache.Render(articleId: 1, "iPhone 17 في مصر.", NoImages, language: "ar");
        cache.Render(articleId: 1, "iPhone 17 في مصر.", NoImages, language: "he");

        Assert.Equal(2, _renders);
        Assert.Equal("<p dir=\"ltr\">iPhone 17 في مصر.</p>", english.Html);
        Assert.Equal("<p dir=\"rtl\">iPhone 17 في مصر.</p>", arabic.Html);
    }

    [Fact]
    public void The_same_body_and_images_render_once()
    {
        var cache = Cache();
        var first = cache.Render(articleId: 1, "# 標題\n\n![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo });
        var again = cache.Render(articleId: 1, "# 標題\n\n![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo with { } });
        Assert.Same(first, again);
        Assert.Equal(1, _renders);
    }

    [Fact]
    public void Another_body_article_or_a_changed_image_renders_again()
    {
        var cache = Cache();
        var images = new Dictionary<long, InlineImage> { [7] = Photo };
        var first = cache.Render(articleId: 1, "![](image:7)", images);
        var recredited = cache.Render(articleId: 1, "![](image:7)", new Dictionary<long, InlineImage> { [7] = Photo with { Credit = "圖源:財聯社" } });
        var edited = cache.Render(articleId: 1, "![](image:7)\n\nMore.", images);
        cache.Render(articleId: 2, "![](image:7)", images); // its HTML names article 2 in its ids
        Assert.Equal(4, _renders);
        Assert.Contains("圖源:ifanr", first.Html, StringComparison.Ordinal);
        Assert.Contains("圖源:財聯社", recredited.Html, StringComparison.Ordinal);
        Assert.Contains("More.", edited.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rendering_larger_than_the_cache_is_not_kept()
    {
        var cache = Cache(maxCharacters: 10);
        cache.Render(articleId: 1, "A paragraph longer than ten characters.", new Dictionary<long, InlineImage>());
        cache.Render(articleId: 1, "A paragraph longer than ten characters.", new Dictionary<long, InlineImage>());
        Assert.Equal(2, _renders);
    }

    /// <summary>
    /// Review: the cache (a MemoryCache) refused what did not fit and then freed a twentieth of its bound, so once full,
    /// as on any site read for a while, a rendering larger than that was rendered again for every read.
    /// </summary>
    [Fact]
    public void A_large_rendering_is_kept_once_the_cache_is_full_by_dropping_the_least_recently_used()
    {
        var cache = Cache(maxCharacters: 2_000);
        for (var i = 0; i < 100; i++)
        {
            cache.Render(articleId: 1, $"Paragraph {i}.", NoImages);
        }
        var large = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i} of a long article."));
        var first = cache.Render(articleId: 1, large, NoImages);
        Assert.Same(first, cache.Render(articleId: 1, large, NoImages));
        Assert.Equal(101, _renders);

        cache.Render(articleId: 1, "Paragraph 0.", NoImages);
        Assert.Equal(102, _renders); // dropped to make room; the large one, used since, stays
        Assert.Same(first, cache.Render(articleId: 1, large, NoImages));
    }

    [Fact]
    public void Plain_text_is_made_once_per_body()
    {
        var cache = Cache();
        var first = cache.PlainText("# 標題\n\n**粗體**文字。");
        Assert.Same(first, cache.PlainText("# 標題\n\n**粗體**文字。"));
        Assert.Equal(1, _plainTexts);
        Assert.Equal(MarkdownRenderer.ToPlainText("# 標題\n\n**粗體**文字。"), first);
    }
}
