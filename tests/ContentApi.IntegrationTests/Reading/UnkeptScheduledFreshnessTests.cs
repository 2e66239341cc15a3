using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.Http.Caching;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Anonymous reads the response cache does not keep (HEAD, or every read with Caching:ResponseCacheEnabled=false) are
/// cut by the content state read before they are built, as kept ones are: read after, a scheduled article that went
/// live while a list was built was already past, and the list built without it went out with the full lifetime.
/// </summary>
public sealed class UnkeptScheduledFreshnessTests : IDisposable
{
    private sealed class ResponseCacheOffFactory : FakeClockApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Caching:ResponseCacheEnabled"] = "false",
        };
    }

    private readonly ResponseCacheOffFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_list_built_while_a_scheduled_article_goes_live_without_it_is_never_fresh_past_its_time()
    {
        var content = new TestContent(_factory.Writer());
        var clock = _factory.Clock;
        await content.ArticleAsync();
        // The clock moves a microsecond on every reading of it, so that some read's scheduled article goes live while
        // its list is built: each try starts one microsecond further before that article's time.
        for (var before = 1; before <= 60; before++)
        {
            var liveAt = clock.GetUtcNow().AddHours(1);
            var id = (await content.ArticleAsync(new() { ["publishedAt"] = liveAt }))["id"]!.GetValue<long>();
            clock.SetUtcNow(liveAt.AddTicks(-10 * before));
            clock.AutoAdvanceAmount = TimeSpan.FromTicks(10);
            using var response = await _factory.Anonymous().GetAsync("/api/v1/articles?limit=1");
            clock.AutoAdvanceAmount = TimeSpan.Zero;

            var first = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!["id"]!.GetValue<long>();
            if (first != id)
            {
                Assert.True(response.Headers.CacheControl!.MaxAge == TimeSpan.Zero,
                    $"{before} µs before its time: a list without the article is {response.Headers.CacheControl}");
            }
        }
    }

    [Fact]
    public async Task A_response_whose_build_saw_an_article_scheduled_meanwhile_is_cut_by_it()
    {
        var content = new TestContent(_factory.Writer());
        await content.ArticleAsync();
        var context = new DefaultHttpContext { RequestServices = _factory.Services };
        // Read before the build, with nothing scheduled; then, while the response is built, a write schedules an article.
        PublicFreshness.BuiltIn(context, await _factory.Services.GetRequiredService<Db>().ContentStateAsync(CancellationToken.None));
        var liveAt = new DateTimeOffset(_factory.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        await content.ArticleAsync(new() { ["publishedAt"] = liveAt });

        Assert.Equal(liveAt, await PublicFreshness.NextChangeAtAsync(context));
    }
}
