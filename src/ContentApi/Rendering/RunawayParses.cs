namespace ContentApi.Rendering;

/// <summary>
/// Timed parses refused for passing their limit whose threads still run (<see cref="TimedMarkdownParse"/>: Markdig
/// cannot be stopped). Each burns a processor to its end, however long: a caller sending slow bodies one after another
/// piled them up on the app's two cores. While <c>most</c> run, further timed parses are refused before they start.
/// </summary>
internal sealed class RunawayParses(int most)
{
    /// <summary>Two: the app's cores. A real article's parse never runs away, so only slow bodies meet the bound.</summary>
    public static RunawayParses Shared { get; } = new(2);

    private int _running;

    /// <summary>How many run now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>As many run as may: a timed parse is refused rather than started.</summary>
    public bool Full => Running >= most;

    public void Add() => Interlocked.Increment(ref _running);

    public void Remove() => Interlocked.Decrement(ref _running);
}
