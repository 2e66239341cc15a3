namespace ContentApi.Http;

/// <summary>
/// A fixed number of turns that requests take one each: the others wait, and past the wait are answered 503 with
/// Retry-After. Bounds how many costly requests hold their memory at once.
/// </summary>
public sealed class Turns(int count, TimeSpan wait)
{
    /// <summary>What a request refused for want of a turn is told to wait before it retries.</summary>
    public const string RetryAfterSeconds = "5";

    private readonly SemaphoreSlim _free = new(count);

    /// <summary>Waits for a turn; false when the wait ran out and the 503 has been written.</summary>
    public async Task<bool> TakeAsync(HttpContext context, IProblemDetailsService problems, string busyDetail)
    {
        if (await WaitAsync(context.RequestAborted))
        {
            return true;
        }
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        await problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, busyDetail);
        return false;
    }

    /// <summary>Waits for a turn; false when the wait ran out.</summary>
    public Task<bool> WaitAsync(CancellationToken cancellationToken) => _free.WaitAsync(wait, cancellationToken);

    /// <summary>Gives a turn back (the semaphore is never disposed: it has no wait handle to free, and a turn may be given back after the app has stopped).</summary>
    public void Return() => _free.Release();
}

/// <summary>A request found no turn free within the wait at a point where it could not answer itself (while its body was read).</summary>
public sealed class NoTurnException(string detail) : Exception(detail);
