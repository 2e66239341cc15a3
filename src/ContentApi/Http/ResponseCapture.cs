namespace ContentApi.Http;

/// <summary>Runs the rest of the pipeline into a buffer, so a middleware can keep what was sent (caches, idempotency).</summary>
public static class ResponseCapture
{
    /// <summary>Returns the bytes the pipeline wrote, after copying them on to the client.</summary>
    public static async Task<byte[]> RunAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var capture = new MemoryStream();
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var bytes = capture.ToArray();
        // A 304 or 204 has no body, and Kestrel refuses even an empty write to one.
        if (bytes.Length > 0)
        {
            await original.WriteAsync(bytes, context.RequestAborted);
        }
        return bytes;
    }
}
