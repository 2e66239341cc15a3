namespace ContentApi.Http;

/// <summary>Runs the rest of the pipeline into a buffer, so a middleware can keep what was sent (caches, idempotency).</summary>
public static class ResponseCapture
{
    /// <summary>
    /// Returns the bytes the pipeline wrote, without sending them. The buffer takes them even after the client has
    /// gone: a create that committed still has its whole response, which its Idempotency-Key must keep for the retry.
    /// </summary>
    public static async Task<byte[]> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var capture = new UncancelledBuffer();
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return capture.ToArray();
    }

    /// <summary>Sends what <see cref="CaptureAsync"/> returned on to the client.</summary>
    public static async Task SendAsync(HttpContext context, byte[] bytes)
    {
        // A 304 or 204 has no body, and Kestrel refuses even an empty write to one.
        if (bytes.Length > 0)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>A memory buffer whose writes ignore cancellation (a MemoryStream refuses them once the request is aborted).</summary>
    private sealed class UncancelledBuffer : MemoryStream
    {
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.WriteAsync(buffer, offset, count, CancellationToken.None);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.WriteAsync(buffer, CancellationToken.None);

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
