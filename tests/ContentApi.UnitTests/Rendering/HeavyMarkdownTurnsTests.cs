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

    private string CountedPlainText(string markdown)
    {
        CountedRender(0, markdown);
        return MarkdownRenderer.ToPlainText(markdown);
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
        var cache = new RenderedArticleCache(1_000_000, (articleId, markdown, _, _) => CountedRender(articleId, markdown), MarkdownRenderer.ToPlainText,
            new HeavyMarkdownTurns(fromLength: 20, atOnce: 2, mostBlocked: Callers));

        await RenderAllAtOnce(cache, "A body longer than twenty characters.");

        Assert.InRange(_mostAtOnce, 1, 2);
    }

    [Fact]
    public async Task Short_bodies_take_no_turn()
    {
        var cache = new RenderedArticleCache(1_000_000, (articleId, markdown, _, _) => CountedRender(articleId, markdown), MarkdownRenderer.ToPlainText,
            new HeavyMarkdownTurns(fromLength: 20, atOnce: 2, mostBlocked: Callers));

        await RenderAllAtOnce(cache, "Short.");

        Assert.Equal(Callers, _mostAtOnce);
    }

    [Fact]
    public async Task Long_bodies_turn_to_plain_text_no_more_than_the_turns_at_once()
    {
        var cache = new RenderedArticleCache(1_000_000, (articleId, markdown, _, _) => CountedRender(articleId, markdown), CountedPlainText,
            new HeavyMarkdownTurns(fromLength: 20, atOnce: 2, mostBlocked: Callers));

        var start = new Barrier(Callers);
        await Task.WhenAll(Enumerable.Range(1, Callers).Select(body => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return cache.PlainText($"A body longer than twenty characters, number {body}.");
        }, TaskCreationOptions.LongRunning)));

        Assert.InRange(_mostAtOnce, 1, 2);
    }

    private const string Long = "A body longer than twenty characters.";

    [Fact]
    public async Task A_write_waiting_for_a_turn_whose_client_left_stops_waiting_and_never_does_its_work()
    {
        var turns = new HeavyMarkdownTurns(fromLength: 20, atOnce: 1, mostBlocked: 1);
        var held = await turns.TakeAsync(Long, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var worked = false;
        async Task WorkInTurnAsync()
        {
            using var turn = await turns.TakeAsync(Long, leaving.Token);
            worked = true;
        }

        var waiting = WorkInTurnAsync();
        Assert.False(waiting.IsCompleted);
        await leaving.CancelAsync();
        held.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(worked);
        using var next = await turns.TakeAsync(Long, CancellationToken.None); // the turn given back is free
    }

    [Fact]
    public async Task A_read_finding_the_most_callers_blocked_already_is_refused_at_once()
    {
        var turns = new HeavyMarkdownTurns(fromLength: 20, atOnce: 1, mostBlocked: 1);
        var held = turns.Take(Long);
        var blocked = Task.Factory.StartNew(() => turns.Take(Long), TaskCreationOptions.LongRunning);
        SpinWait.SpinUntil(() => turns.Blocked == 1);

        var refused = Task.Factory.StartNew(() => turns.Take(Long), TaskCreationOptions.LongRunning);
        // Refused at once, or (as when waiting had no bound) the second caller blocked beside the first.
        SpinWait.SpinUntil(() => refused.IsCompleted || turns.Blocked == 2);
        held.Dispose();
        (await blocked).Dispose();

        var problem = await Assert.ThrowsAsync<ContentApi.Http.Limits.NoTurnException>(() => refused);
        Assert.Equal(HeavyMarkdownTurns.BusyDetail, problem.Message);
        Assert.Equal(0, turns.Blocked);
    }
}
