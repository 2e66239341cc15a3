namespace ContentApi.Rendering;

/// <summary>
/// Turns for the parse and render of long bodies, a few at a time, the others waiting: a body of a 200×500 table
/// (202 KB) takes ~100 MB while it is parsed and rendered, and ten such writes at once took RSS from 1.4 to 2.4 GB,
/// which .NET kept; the large-body gate (<c>Limits:LargeBodyBytes</c>) counts bytes and let them all through. A real
/// article is far shorter and never waits.
/// </summary>
public sealed class HeavyMarkdownTurns(int fromLength, int atOnce)
{
    /// <summary>Bodies of 100,000 characters and more, two at a time (the app's two cores).</summary>
    public static HeavyMarkdownTurns Shared { get; } = new(100_000, 2);

    private readonly SemaphoreSlim _turns = new(atOnce, atOnce);

    /// <summary>Waits for a turn when <paramref name="markdown"/> is long; disposing the result gives it back.</summary>
    public Turn Take(string markdown)
    {
        if (markdown.Length < fromLength)
        {
            return default;
        }
        _turns.Wait();
        return new Turn(_turns);
    }

    public readonly struct Turn(SemaphoreSlim? turns) : IDisposable
    {
        public void Dispose() => turns?.Release();
    }
}
