namespace ContentApi.Http.Limits;

/// <summary>
/// A turn taken for a request, given back once, by whichever comes first: <see cref="Return"/> at the end of the
/// request, or <see cref="SendingGrace"/> after its response begins to be sent. The work a turn bounds is done by then:
/// a client that takes the response at once frees its buffers within the turn, and one that reads slowly (Kestrel asks
/// only 240 bytes a second) holds its own buffer but not, for long, a turn that others wait for.
/// </summary>
public sealed class HeldTurn
{
    private static readonly TimeSpan SendingGrace = TimeSpan.FromSeconds(1);

    private readonly Turns _turns;
    private int _returned;

    /// <param name="turns">Where the turn was taken.</param>
    /// <param name="response">The response whose start begins the grace; it has not started yet.</param>
    public HeldTurn(Turns turns, HttpResponse response)
    {
        _turns = turns;
        response.OnStarting(static state =>
        {
            _ = Task.Delay(SendingGrace).ContinueWith(static (_, held) => ((HeldTurn)held!).Return(), state, TaskScheduler.Default);
            return Task.CompletedTask;
        }, this);
    }

    public void Return()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _turns.Return();
        }
    }
}
