using ContentApi.Http.Limits;

namespace ContentApi.Rendering;

/// <summary>
/// Turns for the parse and render of long bodies, a few at a time, the others waiting: a body of a 200×500 table
/// (202 KB) takes ~100 MB while it is parsed and rendered, and ten such writes at once took RSS from 1.4 to 2.4 GB,
/// which .NET kept; the large-body gate (<c>Limits:LargeBodyBytes</c>) counts bytes and let them all through. A real
/// article is far shorter and never waits.
/// </summary>
/// <param name="mostBlocked">How many callers of <see cref="Take"/> may wait at once, each holding its thread; the next is refused.</param>
public sealed class HeavyMarkdownTurns(int fromLength, int atOnce, int mostBlocked)
{
    /// <summary>Bodies of 100,000 characters and more, two at a time (the app's two cores), four times as many reads waiting.</summary>
    public static HeavyMarkdownTurns Shared { get; } = new(100_000, 2, 8);

    internal const string BusyDetail =
        "Too many long bodies (100,000 characters and more) are being rendered at once; retry after the number of seconds in Retry-After.";

    private readonly SemaphoreSlim _turns = new(atOnce, atOnce);

    private int _blocked;

    /// <summary>How many callers of <see cref="Take"/> wait for a turn now.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    /// <summary>
    /// Waits for a turn when <paramref name="markdown"/> is long, holding the thread (for work done inside a synchronous
    /// read); throws <see cref="NoTurnException"/> (a 503) when <c>mostBlocked</c> callers wait already. Disposing the
    /// result gives the turn back.
    /// </summary>
    public Turn Take(string markdown)
    {
        if (markdown.Length < fromLength)
        {
            return default;
        }
        if (!_turns.Wait(0))
        {
            WaitBlocked();
        }
        return new Turn(_turns);
    }

    private void WaitBlocked()
    {
        if (Interlocked.Increment(ref _blocked) > mostBlocked)
        {
            Interlocked.Decrement(ref _blocked);
            throw new NoTurnException(BusyDetail);
        }
        try
        {
            _turns.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref _blocked);
        }
    }

    /// <summary>
    /// Waits for a turn when <paramref name="markdown"/> is long, holding no thread meanwhile; a cancelled
    /// <paramref name="cancellationToken"/> (a client gone) stops the wait with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<Turn> TakeAsync(string markdown, CancellationToken cancellationToken)
    {
        if (markdown.Length < fromLength)
        {
            return default;
        }
        await _turns.WaitAsync(cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            // A turn given back as the token was cancelled may still go to this wait: it goes back unused.
            _turns.Release();
            cancellationToken.ThrowIfCancellationRequested();
        }
        return new Turn(_turns);
    }

    public readonly struct Turn(SemaphoreSlim? turns) : IDisposable
    {
        public void Dispose() => turns?.Release();
    }
}
