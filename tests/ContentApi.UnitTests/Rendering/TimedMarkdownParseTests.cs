using System.Globalization;
using System.Text;
using ContentApi.Http.Limits;
using ContentApi.Rendering;
using ContentApi.Text;
using Markdig.Syntax;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.UnitTests.Rendering;

public sealed class TimedMarkdownParseTests
{
    private static string LongArticle()
    {
        var body = new StringBuilder();
        for (var paragraph = 0; body.Length < 200_000; paragraph++)
        {
            body.Append(CultureInfo.InvariantCulture, $"## 第 {paragraph} 節\n\n這是**重點**，見[來源](https://example.com/{paragraph})與 https://example.org/{paragraph} 的說明。\n\n");
        }
        return body.ToString();
    }

    [Fact]
    public void A_long_body_whose_parse_passes_the_limit_is_refused_as_too_slow()
    {
        // A limit of zero: the parse, on its own thread, cannot have finished when the limit is checked.
        Assert.Equal(TimedMarkdownParse.Explanation, ArticleText.Measure(LongArticle(), TimeSpan.Zero).TooComplex);
    }

    [Fact]
    public void A_long_body_whose_parse_has_time_is_measured_as_usual()
    {
        var stats = ArticleText.Measure(LongArticle(), ParseLimits.Unhurried);
        Assert.Null(stats.TooComplex);
        Assert.Contains("這是重點", stats.PlainText, StringComparison.Ordinal);
    }

    /// <summary>
    /// On a stalled or crowded machine a real article's parse had not had its turn when the limit passed, and was
    /// refused as too slow. The limit is on its processor time: one that has used none is waited for.
    /// </summary>
    [Fact]
    public void A_long_body_whose_parse_has_used_no_processor_time_at_the_limit_is_waited_for()
    {
        var document = TimedMarkdownParse.Parse(LongArticle(), TimeSpan.FromMilliseconds(1), () => new UsedClock(TimeSpan.Zero), new FakeTimeProvider(), new RunawayParses(2), ArticleMarkdown.Parse);
        Assert.NotEmpty(document);
    }

    [Fact]
    public void A_long_body_whose_parse_has_used_its_limit_is_refused()
    {
        var limit = TimeSpan.FromMilliseconds(1);
        var refused = Assert.Throws<MarkdownTooComplexException>(
            () => TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(limit), new FakeTimeProvider(), new RunawayParses(2), ArticleMarkdown.Parse));
        Assert.Equal(TimedMarkdownParse.Explanation, refused.Message);
    }

    [Fact]
    public void A_parse_stalled_for_many_times_the_limit_is_refused_though_it_used_no_processor_time()
    {
        using var stalled = new ManualResetEventSlim();
        var limit = TimeSpan.FromMilliseconds(10);
        var time = new FakeTimeProvider { AutoAdvanceAmount = limit * TimedMarkdownParse.StalledFactor };
        try
        {
            // The parse thread never gets past the start, and each look at the time finds the stalled bound passed.
            var refused = Assert.Throws<MarkdownTooComplexException>(() => TimedMarkdownParse.Parse(LongArticle(), limit, () =>
            {
                stalled.Wait();
                return new UsedClock(TimeSpan.Zero);
            }, time, new RunawayParses(2), ArticleMarkdown.Parse));
            Assert.Equal(TimedMarkdownParse.Explanation, refused.Message);
        }
        finally
        {
            stalled.Set();
        }
    }

    /// <summary>
    /// (code review) A refused parse runs on to its end on its thread, counted nowhere: a caller sending slow bodies one
    /// after another piled up threads burning the processors. While two run, a third long body is refused at once
    /// (a 503), its parse never started; once they have ended, long bodies are parsed again.
    /// </summary>
    [Fact]
    public void A_long_body_is_refused_unparsed_while_two_refused_parses_still_run_and_parsed_once_they_end()
    {
        var limit = TimeSpan.FromMilliseconds(1);
        var runaways = new RunawayParses(2);
        using var endRunaways = new ManualResetEventSlim();
        var started = 0;
        try
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Throws<MarkdownTooComplexException>(() => TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(limit), new FakeTimeProvider(), runaways, _ =>
                {
                    Interlocked.Increment(ref started);
                    endRunaways.Wait();
                    return new MarkdownDocument();
                }));
            }

            var refused = Assert.Throws<NoTurnException>(() => TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(TimeSpan.Zero), new FakeTimeProvider(), runaways, _ =>
            {
                Interlocked.Increment(ref started);
                return new MarkdownDocument();
            }));
            Assert.Equal(TimedMarkdownParse.BusyDetail, refused.Message);
            Assert.Equal(2, Volatile.Read(ref started));
        }
        finally
        {
            endRunaways.Set();
        }

        Assert.True(SpinWait.SpinUntil(() => runaways.Running == 0, TimeSpan.FromMinutes(1)), "the refused parses' threads did not end");
        var document = TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(TimeSpan.Zero), new FakeTimeProvider(), runaways, ArticleMarkdown.Parse);
        Assert.NotEmpty(document);
    }

    /// <summary>
    /// A command (reindex, import) parses stored or imported bodies one at a time, with no client to retry: refused at
    /// the bound, it stopped at the third slow body. There a long body waits for a refused parse to end instead.
    /// </summary>
    [Fact]
    public async Task A_command_waits_for_a_refused_parse_to_end_rather_than_refusing_the_next_body()
    {
        var limit = TimeSpan.FromMilliseconds(1);
        var runaways = new RunawayParses(2) { WaitsWhenFull = true };
        using var endRunaways = new ManualResetEventSlim();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Throws<MarkdownTooComplexException>(() => TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(limit), new FakeTimeProvider(), runaways, _ =>
                {
                    endRunaways.Wait();
                    return new MarkdownDocument();
                }));
            }
            var next = Task.Run(() => TimedMarkdownParse.Parse(LongArticle(), limit, () => new UsedClock(TimeSpan.Zero), new FakeTimeProvider(), runaways, ArticleMarkdown.Parse));
            Assert.False(next.IsCompleted, "a third parse ended while two refused ones still ran");
            endRunaways.Set();
            Assert.NotEmpty(await next);
        }
        finally
        {
            endRunaways.Set();
        }
    }

    [Fact]
    public void This_threads_processor_time_is_read_as_it_grows()
    {
        var clock = ThreadCpuClock.OfCurrentThread();
        var before = clock.Used;
        Assert.True(before is not null, "Linux tells a thread's processor time; without it the limit is on the time passed");
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Used <= before)
        {
            Assert.True(spin.Elapsed < TimeSpan.FromSeconds(30), "the processor time did not grow while the thread spun");
        }
    }

    private sealed class UsedClock(TimeSpan used) : IThreadCpuClock
    {
        public TimeSpan? Used => used;
    }

    [Fact]
    public void A_short_body_is_parsed_in_place_without_a_limit() =>
        Assert.Null(ArticleText.Measure("短文，**重點**。", TimeSpan.Zero).TooComplex);

    [Fact]
    public void Nesting_refused_on_the_parse_thread_is_reported_as_such()
    {
        var body = new string('>', 130) + " quoted\n\n" + string.Concat(Enumerable.Repeat("一段文字。\n\n", 5_000));
        Assert.Equal(MarkdownTooComplexException.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
    }
}
