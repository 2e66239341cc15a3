using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// A body about to be stored is parsed within a time limit, behind <see cref="MarkdownScanCost"/>: that bound models the
/// shapes Markdig parses in worse than linear time, and each hunt for a shape it misses has found one. Markdig cannot be
/// cancelled, so a long body is parsed on its own thread and refused when the parse passes the limit (the thread runs
/// on to its end, but the body is never stored, so no read ever parses it again). The limit is on the parse's time on
/// a processor where the system tells it (Linux): on a machine stalled or crowded for a second, a real article's parse
/// that had not yet had its turn was refused as too slow. A parse that gets so little of a processor that it has not
/// used its limit after <see cref="StalledFactor"/> times as long is refused all the same.
/// </summary>
internal static class TimedMarkdownParse
{
    /// <summary>Shorter bodies are parsed in place: every shape found slow needed tens of thousands of characters.</summary>
    public const int TimedFromLength = 20_000;

    /// <summary>A real 500,000-character article parses in tens of milliseconds.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>How many times the limit a parse may take in all while it has not used the limit on a processor.</summary>
    public const int StalledFactor = 10;

    public const string Explanation =
        "The Markdown took too long to parse (over a second): it holds a shape Markdig handles slowly, such as very many " +
        "links, URLs, emphasis markers or brackets in one paragraph. Split the paragraphs, or close what is left open.";

    /// <exception cref="MarkdownTooComplexException">The body is too complex (<see cref="ArticleMarkdown.Parse"/>) or its parse passed <paramref name="limit"/>.</exception>
    public static MarkdownDocument Parse(string markdown, TimeSpan limit) => Parse(markdown, limit, ThreadCpuClock.OfCurrentThread, TimeProvider.System);

    /// <param name="clockOfCurrentThread">The processor-time clock of the thread calling it (the parse's own).</param>
    /// <param name="time">Measures the time passed.</param>
    internal static MarkdownDocument Parse(string markdown, TimeSpan limit, Func<IThreadCpuClock> clockOfCurrentThread, TimeProvider time)
    {
        if (markdown.Length < TimedFromLength)
        {
            return ArticleMarkdown.Parse(markdown);
        }
        MarkdownDocument? document = null;
        Exception? failure = null;
        IThreadCpuClock? clock = null;
        var parsing = new Thread(() =>
        {
            try
            {
                Volatile.Write(ref clock, clockOfCurrentThread());
                document = ArticleMarkdown.Parse(markdown);
            }
            catch (Exception exception)
            {
                failure = exception; // rethrown to the caller: unhandled on this thread, it would end the process
            }
        }) { IsBackground = true, Name = "Markdown parse" };
        var started = time.GetTimestamp();
        parsing.Start();
        var wait = limit;
        while (!parsing.Join(wait))
        {
            // A thread that has not started has used nothing; where its time cannot be read, the time passed counts.
            var passed = time.GetElapsedTime(started);
            var used = Volatile.Read(ref clock) is { } running ? running.Used ?? passed : TimeSpan.Zero;
            var stalledAt = limit * StalledFactor;
            if (used >= limit || passed >= stalledAt)
            {
                throw new MarkdownTooComplexException(Explanation);
            }
            // It cannot use processor time faster than time passes.
            wait = TimeSpan.FromTicks(Math.Min((limit - used).Ticks, (stalledAt - passed).Ticks));
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return document!;
    }
}
