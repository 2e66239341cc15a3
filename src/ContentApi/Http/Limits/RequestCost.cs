namespace ContentApi.Http.Limits;

/// <summary>
/// What a request's work cost beyond the token it took to be let in (<see cref="CostedRateLimiter"/>): one token for
/// each article body it had to render or parse, beyond the first, as a cache hit costs nothing. A page of 100 bodies
/// rendered for the first time took ~45 ms of CPU against ~0.4 ms for the same page rendered before.
/// </summary>
public sealed class RequestCost
{
    private int _bodiesWorked;

    /// <summary>The request's cost, counted by the rate limits; one that is not limited (a health probe, the CLI) gets its own to count on for nothing.</summary>
    public static RequestCost Of(HttpContext context) => context.Features.Get<RequestCost>() ?? new RequestCost();

    /// <summary>A body rendered or parsed that no cache held.</summary>
    public void BodyWorked() => Interlocked.Increment(ref _bodiesWorked);

    public int ExtraTokens => Math.Max(0, Volatile.Read(ref _bodiesWorked) - 1);
}
