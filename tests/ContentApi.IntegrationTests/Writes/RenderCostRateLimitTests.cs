using System.Net;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A request draws one token, and each article body it renders that the rendering cache did not hold (beyond the first)
/// one more, after the fact: a page of 40 uncached bodies costs 40 tokens, a page of the same bodies rendered before
/// costs one. The clock is a fake one that stands still unless the test moves it, so the buckets refill only when told.
/// </summary>
public sealed class RenderCostRateLimitTests(RenderCostRateLimitTests.SmallBucketsFactory factory)
    : IClassFixture<RenderCostRateLimitTests.SmallBucketsFactory>
{
    public sealed class SmallBucketsFactory : FakeClockApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = "60",
            ["RateLimiting:AnonymousPerSecond"] = "20",
            ["RateLimiting:KeyBurst"] = "60",
            ["RateLimiting:KeyPerSecond"] = "20",
            ["RateLimiting:FailedKeyAttemptsPerMinute"] = "1000",
        };
    }

    private const int PageSize = 40;

    [Fact]
    public async Task Anonymous_uncached_html_pages_run_the_address_bucket_into_debt_while_cached_ones_cost_a_token_each()
    {
        var authorId = await SeedAsync(pages: 2);
        using var client = factory.Anonymous();
        await AssertRenderCostsCountedAsync(client, authorId);
    }

    [Fact]
    public async Task Keyed_uncached_html_pages_run_the_key_bucket_into_debt_while_cached_ones_cost_a_token_each()
    {
        var authorId = await SeedAsync(pages: 2);
        using var client = factory.Reader();
        await AssertRenderCostsCountedAsync(client, authorId);
    }

    /// <summary>
    /// A full bucket of 60 pays for the first page of 40 (60 - 40 = 20 left), lets the second in on its one token and
    /// is then 39 in debt (-20): the third request waits two seconds' refills (20 each) until a token is there again.
    /// </summary>
    private async Task AssertRenderCostsCountedAsync(HttpClient client, long authorId)
    {
        await (await client.GetAsync(PageUrl(authorId, 1))).AssertJsonAsync();
        await (await client.GetAsync(PageUrl(authorId, 2))).AssertJsonAsync();

        await AssertTooManyRequestsAsync(await client.GetAsync(PageUrl(authorId, 1, "id,bodyHtml")), reset: 2);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertTooManyRequestsAsync(await client.GetAsync(PageUrl(authorId, 1, "id,bodyHtml")), reset: 1);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        // Rendered before, under other URLs (so the response cache does not answer): a token each, 20 in the bucket.
        foreach (var fields in new[] { "id,bodyHtml", "id,title,bodyHtml", "id,slug,bodyHtml", "id,toc,bodyHtml" })
        {
            await (await client.GetAsync(PageUrl(authorId, 1, fields))).AssertJsonAsync();
            await (await client.GetAsync(PageUrl(authorId, 2, fields))).AssertJsonAsync();
        }
        factory.Clock.Advance(TimeSpan.FromSeconds(3));
    }

    private static string PageUrl(long authorId, int page, string? fields = null) =>
        $"/api/v1/articles?authorId={authorId}&limit={PageSize}&page={page}&format=html{(fields is null ? "" : "&fields=" + fields)}";

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, int reset)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(reset), response.Headers.RetryAfter?.Delta);
        Assert.Equal($"limit=20, remaining=0, reset={reset}", Assert.Single(response.Headers.GetValues("RateLimit")));
        Assert.Equal("20;w=1;burst=60", Assert.Single(response.Headers.GetValues("RateLimit-Policy")));
    }

    /// <summary>An author of <paramref name="pages"/> pages of articles with bodies no test rendered, written through an instance without rate limits.</summary>
    private async Task<long> SeedAsync(int pages)
    {
        using var seeder = new SecondInstance(factory);
        using var writer = seeder.Writer();
        var authorId = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Author {Guid.NewGuid():N}" })).Id();
        for (var i = 0; i < pages * PageSize; i++)
        {
            var paragraphs = Enumerable.Range(0, 8).Select(p => $"Paragraph {p} of {Guid.NewGuid():N}, with **bold**, _emphasis_ and a [link](https://example.com/{p}).");
            await writer.CreateArticleAsync([authorId], new()
            {
                ["body"] = string.Join("\n\n", paragraphs),
                // Before the fake clock's now, which stands still: published to anonymous callers too.
                ["publishedAt"] = "2020-01-01T00:00:00Z",
            });
        }
        return authorId;
    }
}
