namespace ContentApi.Rendering;

/// <summary>
/// Timed parses refused for passing their limit whose threads still run (<see cref="TimedMarkdownParse"/>: Markdig
/// cannot be stopped). Each burns a processor to its end, however long: a caller sending slow bodies one after another
/// piled them up on the app's two cores. While <c>most</c> run, further timed parses are refused before they start,
/// or, in a command (<see cref="WaitsWhenFull"/>), wait for one to end.
/// </summary>
internal sealed class RunawayParses(int most)
{
    /// <summary>Two: the app's cores. A real article's parse never runs away, so only slow bodies meet the bound.</summary>
    public static RunawayParses Shared { get; } = new(2);

    private readonly object _ended = new(); // Monitor.Wait needs an object, not a Lock
    private int _running;

    /// <summary>How many run now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// A full count makes a timed parse wait rather than be refused: so in a command (reindex, import), which parses
    /// one body at a time and has no client to retry, where refusing stopped it at the third stored body parsed slowly.
    /// </summary>
    public bool WaitsWhenFull { get; set; }

    /// <summary>Whether a timed parse may start now; while <see cref="WaitsWhenFull"/>, after waiting for one to end.</summary>
    public bool MayStart()
    {
        if (Running < most)
        {
            return true;
        }
        if (!WaitsWhenFull)
        {
            return false;
        }
        lock (_ended)
        {
            while (_running >= most)
            {
                Monitor.Wait(_ended);
            }
        }
        return true;
    }

    public void Add()
    {
        lock (_ended)
        {
            _running++;
        }
    }

    public void Remove()
    {
        lock (_ended)
        {
            _running--;
            Monitor.PulseAll(_ended);
        }
    }
}
