using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// A body about to be stored is parsed within a time limit, behind <see cref="MarkdownScanCost"/>: that bound models the
/// shapes Markdig parses in worse than linear time, and each hunt for a shape it misses has found one. Markdig cannot be
/// cancelled, so a long body is parsed on its own thread and refused when the parse passes the limit (the thread runs
/// on to its end, but the body is never stored, so no read ever parses it again).
/// </summary>
internal static class TimedMarkdownParse
{
    /// <summary>Shorter bodies are parsed in place: every shape found slow needed tens of thousands of characters.</summary>
    public const int TimedFromLength = 20_000;

    /// <summary>A real 500,000-character article parses in tens of milliseconds.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    public const string Explanation =
        "The Markdown took too long to parse (over a second): it holds a shape Markdig handles slowly, such as very many " +
        "links, URLs, emphasis markers or brackets in one paragraph. Split the paragraphs, or close what is left open.";

    /// <exception cref="MarkdownTooComplexException">The body is too complex (<see cref="ArticleMarkdown.Parse"/>) or its parse passed <paramref name="limit"/>.</exception>
    public static MarkdownDocument Parse(string markdown, TimeSpan limit)
    {
        if (markdown.Length < TimedFromLength)
        {
            return ArticleMarkdown.Parse(markdown);
        }
        MarkdownDocument? document = null;
        Exception? failure = null;
        var parsing = new Thread(() =>
        {
            try
            {
                document = ArticleMarkdown.Parse(markdown);
            }
            catch (Exception exception)
            {
                failure = exception; // rethrown to the caller: unhandled on this thread, it would end the process
            }
        }) { IsBackground = true, Name = "Markdown parse" };
        parsing.Start();
        if (!parsing.Join(limit))
        {
            throw new MarkdownTooComplexException(Explanation);
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return document!;
    }
}
