using Microsoft.Extensions.Options;

namespace ContentApi.Http.Limits;

/// <summary>
/// Lets only a few reads the response cache does not answer be built at once; the others wait, and past the wait get a
/// 503 with Retry-After. Such a read queries the database and serializes its whole representation (for its strong
/// ETag): a page of 100 articles with every embed is about 1 MB and takes several times that while it is built and
/// sent. Two hundred of them at once ran a server limited to 250 MB out of memory (163 of 401 answered 500).
/// </summary>
public sealed class ReadTurns(IOptions<RequestLimitsOptions> options)
{
    private static readonly object HeldKey = new();

    private readonly Turns _turns = new(options.Value.ConcurrentReads, TimeSpan.FromSeconds(options.Value.ReadWaitSeconds));

    /// <summary>How many reads are waiting for a turn now.</summary>
    public int Waiting => _turns.Waiting;

    /// <summary>Whether this request already holds a turn (a cache miss takes one before the rest of the pipeline runs).</summary>
    public static bool Holds(HttpContext context) => context.Items.ContainsKey(HeldKey);

    /// <summary>Runs <paramref name="read"/> in a turn, or answers 503 when none came free in time.</summary>
    public async Task RunAsync(HttpContext context, IProblemDetailsService problems, Func<Task> read)
    {
        if (!await _turns.TakeAsync(context, problems, "The server is busy answering other reads; retry in a few seconds."))
        {
            return;
        }
        var turn = new HeldTurn(_turns, context.Response);
        try
        {
            context.Items[HeldKey] = turn;
            await read();
        }
        finally
        {
            turn.Return();
        }
    }
}
