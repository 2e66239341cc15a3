namespace ContentApi.Http;

/// <summary>
/// A fixed number of turns that requests take one each: the others wait, and past the wait are answered 503 with
/// Retry-After. Bounds how many costly requests hold their memory at once.
/// </summary>
public sealed class Turns(int count, TimeSpan wait)
{
    private readonly SemaphoreSlim _free = new(count);

    /// <summary>Waits for a turn; false when the wait ran out and the 503 has been written.</summary>
    public async Task<bool> TakeAsync(HttpContext context, IProblemDetailsService problems, string busyDetail)
    {
        if (await _free.WaitAsync(wait, context.RequestAborted))
        {
            return true;
        }
        context.Response.Headers.RetryAfter = "5";
        await problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, busyDetail);
        return false;
    }

    /// <summary>Gives a turn back (the semaphore is never disposed: it has no wait handle to free, and a turn may be given back after the app has stopped).</summary>
    public void Return() => _free.Release();
}
