using ContentApi.Http.Limits;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// A body about to be stored is parsed within a time limit, behind <see cref="MarkdownScanCost"/>: that bound models the
/// shapes Markdig parses in worse than linear time, and each hunt for a shape it misses has found one. Markdig cannot be
/// cancelled, so a long body is parsed on its own thread and refused when the parse passes the limit (the thread runs
/// on to its end, but the body is never stored, so no read ever parses it again). The limit is on the parse's time on
/// a processor where the system tells it (Linux): on a machine stalled or crowded for a second, a real article's parse
/// that had not yet had its turn was refused as too slow. A parse that gets so little of a processor that it has not
/// used its limit after <see cref="StalledFactor"/> times as long is refused all the same. Refused parses that still
/// run are counted (<see cref="RunawayParses"/>): while as many run as the bound allows, a long body is refused at once
/// (a 503 <c>server_busy</c>) without starting another thread.
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

    internal const string BusyDetail =
        "Too many long bodies (20,000 characters and more) that took too long to parse are still being parsed; retry after the number of seconds in Retry-After.";

    /// <exception cref="MarkdownTooComplexException">The body is too complex (<see cref="ArticleMarkdown.Parse"/>) or its parse passed <paramref name="limit"/>.</exception>
    /// <exception cref="NoTurnException">A long body while the parses refused earlier still run (<see cref="RunawayParses"/>): a 503.</exception>
    public static MarkdownDocument Parse(string markdown, TimeSpan limit) =>
        Parse(markdown, limit, ThreadCpuClock.OfCurrentThread, TimeProvider.System, RunawayParses.Shared, ArticleMarkdown.Parse);

    /// <param name="clockOfCurrentThread">The processor-time clock of the thread calling it (the parse's own).</param>
    /// <param name="time">Measures the time passed.</param>
    /// <param name="runaways">Counts the refused parses still running.</param>
    /// <param name="parse">The parse itself (<see cref="ArticleMarkdown.Parse"/>).</param>
    internal static MarkdownDocument Parse(
        string markdown, TimeSpan limit, Func<IThreadCpuClock> clockOfCurrentThread, TimeProvider time, RunawayParses runaways,
        Func<string, MarkdownDocument> parse)
    {
        if (markdown.Length < TimedFromLength)
        {
            return parse(markdown);
        }
        if (!runaways.MayStart())
        {
            throw new NoTurnException(BusyDetail);
        }
        MarkdownDocument? document = null;
        Exception? failure = null;
        IThreadCpuClock? clock = null;
        var state = Running;
        var parsing = new Thread(() =>
        {
            try
            {
                Volatile.Write(ref clock, clockOfCurrentThread());
                document = parse(markdown);
            }
            catch (Exception exception)
            {
                failure = exception; // rethrown to the caller: unhandled on this thread, it would end the process
            }
            finally
            {
                if (Interlocked.Exchange(ref state, Ended) == RanAway)
                {
                    runaways.Remove();
                }
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
                // Counted before it is marked, so that a thread ending meanwhile never takes the count below zero.
                runaways.Add();
                if (Interlocked.CompareExchange(ref state, RanAway, Running) != Running)
                {
                    runaways.Remove();
                }
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

    private const int Running = 0;
    private const int RanAway = 1;
    private const int Ended = 2;
}
