using ContentApi.Http.Errors;

namespace ContentApi.Http.Limits;

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
        await problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServerBusy, busyDetail);
        return false;
    }

    private int _waiting;

    /// <summary>How many requests are waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for a turn; false when the wait ran out.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        if (_free.Wait(0, CancellationToken.None))
        {
            return true;
        }
        Interlocked.Increment(ref _waiting);
        try
        {
            return await _free.WaitAsync(wait, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Gives a turn back (the semaphore is never disposed: it has no wait handle to free, and a turn may be given back after the app has stopped).</summary>
    public void Return() => _free.Release();
}

/// <summary>A request found no turn free within the wait at a point where it could not answer itself (while its body was read).</summary>
public sealed class NoTurnException(string detail) : Exception(detail);
