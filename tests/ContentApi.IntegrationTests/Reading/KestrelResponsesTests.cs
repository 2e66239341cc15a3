using System.Net;
using ContentApi.IntegrationTests.Writes;
using ContentApi.TestSupport;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The app on a real Kestrel server, for what the in-memory test server lets pass (such as a body written to a 304),
/// with every error the app or Kestrel logs kept.
/// </summary>
public sealed class KestrelResponsesTests(LoggedKestrelFactory factory) : IClassFixture<LoggedKestrelFactory>
{
    private IEnumerable<string> Errors => factory.Logs.Where(log => log.Level >= LogLevel.Error).Select(log => log.Message);

    [Fact]
    public async Task A_conditional_GET_the_response_cache_has_not_seen_gets_a_clean_304()
    {
        using var client = factory.Anonymous();
        await new TestContent(factory.Writer()).TagAsync();
        // A CDN revalidating right after a write: the first request for this URL is already conditional.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags?limit=7");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tags?limit=7")).StatusCode);
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task HEAD_answers_wherever_GET_does_with_its_headers_and_no_body()
    {
        using var client = factory.Anonymous();
        var content = new TestContent(factory.Writer());
        var tag = await content.TagAsync();
        var article = await content.ArticleAsync(new() { ["tagIds"] = new[] { tag } });
        foreach (var url in new[] { $"/api/v1/articles/{article["id"]}", $"/api/v1/articles/slug/{article["slug"]}", "/api/v1/articles?limit=1", $"/api/v1/tags/{tag}", "/api/v1/search?q=article" })
        {
            using var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/tags/999999"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(Errors);
    }
}
