using ContentApi.Http.Caching;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Cached responses of earlier content were dropped only at the next anonymous read: a stretch of writes alone (an
/// import, an editor's hour, the benchmark's create and update runs) kept every response cached before it alive, some
/// 25 MB for 2,000 articles, beside the writes' own memory (peak 253-262 MB in the benchmark, 242 MB with a 4 MB cache).
/// </summary>
public sealed class ResponseCacheReleaseTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_write_drops_the_responses_cached_before_it_without_waiting_for_a_read()
    {
        var content = new TestContent(_factory.Writer());
        await content.ArticleAsync();
        using (var list = await _factory.Anonymous().GetAsync("/api/v1/articles"))
        {
            list.EnsureSuccessStatusCode();
        }
        var cache = _factory.Services.GetRequiredService<ResponseCacheStore>();
        Assert.True(cache.Count > 0, "the anonymous list was not cached");

        await content.ArticleAsync();

        // Dropped off the writer's thread: wait for it, a bounded number of times.
        for (var attempt = 0; cache.Count > 0; attempt++)
        {
            Assert.True(attempt < 300, $"{cache.Count} responses of the content before the write are still held");
            await Task.Delay(10);
        }
    }
}
