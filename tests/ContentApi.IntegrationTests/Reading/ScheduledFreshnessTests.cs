using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Anonymous responses tell caches to keep them no longer than until the next scheduled article goes live: a CDN that
/// kept a list for the configured 60 s left such an article out for up to a minute after its time (found by a probe
/// through nginx's proxy_cache), and a browser that served it stale while revalidating did so for up to five minutes
/// (found by a probe in Chromium).
/// </summary>
public sealed class ScheduledFreshnessTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<System.Net.Http.Headers.CacheControlHeaderValue> CacheControlAsync(string url)
    {
        var response = await _factory.Anonymous().GetAsync(url);
        await response.AssertJsonAsync();
        return response.Headers.CacheControl!;
    }

    [Fact]
    public async Task Until_a_scheduled_article_goes_live_lists_and_articles_are_fresh_no_longer_than_until_then()
    {
        var content = new TestContent(_factory.Writer());
        var published = (await content.ArticleAsync())["id"]!.GetValue<long>();
        Assert.Equal(TimeSpan.FromSeconds(60), (await CacheControlAsync("/api/v1/articles")).MaxAge);

        await content.ArticleAsync(new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddSeconds(40) });

        // Built, then served from the app's response cache: both cut.
        foreach (var url in new[] { "/api/v1/articles", "/api/v1/articles", "/api/v1/search?q=markdown" })
        {
            var cacheControl = await CacheControlAsync(url);
            Assert.True(cacheControl.Public);
            Assert.InRange(cacheControl.MaxAge!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(40));
            Assert.DoesNotContain(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
        }
    }

    /// <summary>
    /// Review: the cut applied to every anonymous answer, though a live article and its image read the same after any
    /// other article goes live (embedded authors and tags carry no counts): a newsroom scheduling a story every few
    /// minutes kept every article page's CDN lifetime below the time to the next one. Authors and tags, whose
    /// publishedArticleCount moves, stay cut.
    /// </summary>
    [Fact]
    public async Task A_live_article_and_its_image_keep_their_lifetime_while_authors_and_tags_are_cut()
    {
        var content = new TestContent(_factory.Writer());
        var image = await content.ImageAsync();
        var tag = (await _factory.Writer().PostOkAsync("/api/v1/tags", new { name = $"Live {Guid.NewGuid():N}" })).Id();
        var article = await content.ArticleAsync(new() { ["coverImageId"] = image, ["tagIds"] = new[] { tag } });
        var author = article["authors"]![0]!["id"]!.GetValue<long>();
        await content.ArticleAsync(new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddSeconds(40), ["tagIds"] = new[] { tag } });

        foreach (var url in new[] { $"/api/v1/articles/{article.Id()}", $"/api/v1/articles/slug/{Uri.EscapeDataString(article["slug"]!.GetValue<string>())}", $"/api/v1/images/{image}" })
        {
            for (var read = 0; read < 2; read++) // built, then served from the app's response cache
            {
                var cacheControl = await CacheControlAsync(url);
                Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
                Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
            }
        }
        foreach (var url in new[] { $"/api/v1/authors/{author}", $"/api/v1/tags/{tag}" })
        {
            Assert.InRange((await CacheControlAsync(url)).MaxAge!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(40));
        }
    }

    [Fact]
    public async Task A_scheduled_article_beyond_the_lifetime_but_within_the_stale_window_cuts_stale_while_revalidate()
    {
        var content = new TestContent(_factory.Writer());
        await content.ArticleAsync(new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddSeconds(200) });

        var cacheControl = await CacheControlAsync("/api/v1/articles");

        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        var stale = Assert.Single(cacheControl.Extensions, e => e.Name == "stale-while-revalidate");
        Assert.InRange(int.Parse(stale.Value!, System.Globalization.CultureInfo.InvariantCulture), 1, 140);
    }
}
