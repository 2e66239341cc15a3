namespace ContentApi.Http.Caching;

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

    /// <summary>Largest slice handed to the server at once (see <see cref="SendAsync"/>).</summary>
    private const int SendSliceBytes = 64 * 1024;

    /// <summary>
    /// Sends a body on to the client in slices: Kestrel copies each write whole into its output buffers before it
    /// waits for the client, so a 1 MB page written at once held another megabyte per connection (200 clients reading
    /// such pages ran a server limited to 250 MB out of memory, some of it there). A slice at a time, it holds one.
    /// </summary>
    public static async Task SendAsync(HttpContext context, ReadOnlyMemory<byte> bytes)
    {
        if (context.Response.Body is UncancelledBuffer capture)
        {
            await capture.WriteAsync(bytes); // at once: written in slices, the buffer would grow by doubling
            return;
        }
        // A 304 or 204 has no body, and Kestrel refuses even an empty write to one.
        for (var start = 0; start < bytes.Length; start += SendSliceBytes)
        {
            await context.Response.Body.WriteAsync(bytes.Slice(start, Math.Min(SendSliceBytes, bytes.Length - start)), context.RequestAborted);
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
