using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Review: ten first reads or writes at once of different 202 KB table bodies each parsed and rendered them at once,
/// ~100 MB apiece; long bodies now render a few at a time.
/// </summary>
public sealed class HeavyMarkdownTurnsTests
{
    private const int Callers = 6;

    private static readonly Dictionary<long, InlineImage> NoImages = [];

    private int _rendering;

    private int _mostAtOnce;

    /// <summary>A render that waits (a bounded while) for every caller to be rendering with it, as they were when nothing held them.</summary>
    private RenderedArticle CountedRender(long articleId, string markdown)
    {
        var now = Interlocked.Increment(ref _rendering);
        InterlockedMax(ref _mostAtOnce, now);
        SpinWait.SpinUntil(() => Volatile.Read(ref _rendering) >= Callers, TimeSpan.FromSeconds(1));
        InterlockedMax(ref _mostAtOnce, Volatile.Read(ref _rendering));
        Interlocked.Decrement(ref _rendering);
        return MarkdownRenderer.Render(articleId, markdown, NoImages);
    }

    private static void InterlockedMax(ref int most, int value)
    {
        for (var seen = Volatile.Read(ref most); value > seen; seen = Volatile.Read(ref most))
        {
            Interlocked.CompareExchange(ref most, value, seen);
        }
    }

    private async Task RenderAllAtOnce(RenderedArticleCache cache, string body)
    {
        var start = new Barrier(Callers);
        await Task.WhenAll(Enumerable.Range(1, Callers).Select(articleId => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return cache.Render(articleId, body, NoImages);
        }, TaskCreationOptions.LongRunning)));
    }

    [Fact]
    public async Task Long_bodies_render_no_more_than_the_turns_at_once()
    {
        var cache = new RenderedArticleCache(1_000_000, (articleId, markdown, _) => CountedRender(articleId, markdown), MarkdownRenderer.ToPlainText,
            new HeavyMarkdownTurns(fromLength: 20, atOnce: 2));

        await RenderAllAtOnce(cache, "A body longer than twenty characters.");

        Assert.InRange(_mostAtOnce, 1, 2);
    }

    [Fact]
    public async Task Short_bodies_take_no_turn()
    {
        var cache = new RenderedArticleCache(1_000_000, (articleId, markdown, _) => CountedRender(articleId, markdown), MarkdownRenderer.ToPlainText,
            new HeavyMarkdownTurns(fromLength: 20, atOnce: 2));

        await RenderAllAtOnce(cache, "Short.");

        Assert.Equal(Callers, _mostAtOnce);
    }
}
