using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Review: ten first reads of a heavy article at once (as when a CDN is cold just after publishing) each rendered it,
/// 0.65 s of CPU and ~50 MB apiece; concurrent misses of one rendering now share one render.
/// </summary>
public sealed class RenderedArticleCacheSingleFlightTests
{
    private const int Callers = 8;

    private static readonly Dictionary<long, InlineImage> NoImages = [];

    private int _renders;

    /// <summary>
    /// A render that, the first time, waits (a bounded while) for the other callers to render too, as they did when
    /// each miss rendered; when they wait for it instead, it goes on after the wait.
    /// </summary>
    private RenderedArticle SlowFirstRender(long articleId, string markdown, Func<RenderedArticle> result)
    {
        if (Interlocked.Increment(ref _renders) == 1)
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _renders) >= Callers, TimeSpan.FromSeconds(2));
        }
        return result();
    }

    private static Task<T>[] AllAtOnce<T>(Func<T> call)
    {
        var start = new Barrier(Callers);
        return [.. Enumerable.Range(0, Callers).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return call();
        }, TaskCreationOptions.LongRunning))];
    }

    [Fact]
    public async Task Concurrent_misses_of_one_rendering_share_one_render()
    {
        var cache = new RenderedArticleCache(1_000_000,
            (articleId, markdown, images, language) => SlowFirstRender(articleId, markdown, () => MarkdownRenderer.Render(articleId, markdown, images, language)),
            MarkdownRenderer.ToPlainText);

        var renderings = await Task.WhenAll(AllAtOnce(() => cache.Render(articleId: 1, "| a | b |\n|---|---|\n| 1 | 2 |", NoImages)));

        Assert.Equal(1, _renders);
        Assert.All(renderings, rendering => Assert.Same(renderings[0], rendering));
    }

    [Fact]
    public async Task A_failed_render_reaches_every_caller_waiting_for_it_and_is_not_kept()
    {
        var failing = true;
        var cache = new RenderedArticleCache(1_000_000,
            (articleId, markdown, images, language) => SlowFirstRender(articleId, markdown, () => failing
                ? throw new MarkdownTooComplexException("too slow")
                : MarkdownRenderer.Render(articleId, markdown, images, language)),
            MarkdownRenderer.ToPlainText);

        var calls = AllAtOnce(() => cache.Render(articleId: 1, "Body.", NoImages));
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<MarkdownTooComplexException>(() => call);
        }
        Assert.Equal(1, _renders);

        failing = false;
        Assert.Contains("Body.", cache.Render(articleId: 1, "Body.", NoImages).Html, StringComparison.Ordinal);
        Assert.Equal(2, _renders);
    }

    [Fact]
    public async Task Misses_of_different_renderings_do_not_wait_for_each_other()
    {
        var cache = new RenderedArticleCache(1_000_000,
            (articleId, markdown, images, language) => SlowFirstRender(articleId, markdown, () => MarkdownRenderer.Render(articleId, markdown, images, language)),
            MarkdownRenderer.ToPlainText);
        var next = 0;

        var renderings = await Task.WhenAll(AllAtOnce(() => cache.Render(articleId: Interlocked.Increment(ref next), "Body.", NoImages)));

        Assert.Equal(Callers, _renders);
        Assert.Equal(Callers, renderings.Distinct().Count());
    }
}
