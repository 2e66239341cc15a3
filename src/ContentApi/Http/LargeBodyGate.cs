using Microsoft.Extensions.Options;

namespace ContentApi.Http;

/// <summary>
/// Lets only a few requests with large bodies be worked on at once; the others wait their turn with their bodies unread.
/// Reading, rendering and indexing a 3 MB article takes about 45 MB for a moment: sixteen of them at once took the
/// server from 115 MB to 719 MB, and one limited to 250 MB answered most of them 500, some after storing the article
/// (so a retry made a copy). After authorization, so a caller without a key is refused without queueing.
/// </summary>
public sealed class LargeBodyGate(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private readonly RequestLimitsOptions _limits = options.Value;
    private readonly Turns _turns = new(options.Value.ConcurrentLargeBodies, TimeSpan.FromSeconds(options.Value.LargeBodyWaitSeconds));

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        // By the length a request declares: a chunked body's size is known only once read (the common JSON clients of
        // .NET send small bodies that way too, and must not wait behind large ones).
        if (!(context.Request.ContentLength > _limits.LargeBodyBytes))
        {
            await next(context);
            return;
        }
        if (!await _turns.TakeAsync(context, problems,
            $"The server is busy with other requests larger than {_limits.LargeBodyBytes} bytes; retry in a few seconds."))
        {
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            _turns.Return();
        }
    }
}
