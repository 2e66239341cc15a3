using ContentApi.Http.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Limits;

/// <summary>
/// Enforces the request limits in the app rather than only in Kestrel, so that every rejection is a
/// problem+json response (Kestrel's own rejections have no body); Kestrel's limits are set above these.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private readonly RequestLimitsOptions _limits = options.Value;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        BoundWhatKestrelReads(context);
        if (TargetLength(context) > _limits.MaxUrlLength)
        {
            await problems.WriteAsync(context, StatusCodes.Status414UriTooLong, ProblemCodes.UriTooLong, $"The URL is longer than {_limits.MaxUrlLength} characters.");
            return;
        }
        if (request.Headers.Sum(h => h.Value.Count) > _limits.MaxHeaderCount)
        {
            await problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, ProblemCodes.HeadersTooLarge, $"The request has more than {_limits.MaxHeaderCount} header lines.");
            return;
        }
        var headerBytes = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        if (headerBytes > _limits.MaxHeaderBytes)
        {
            await problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, ProblemCodes.HeadersTooLarge, $"The request headers are larger than {_limits.MaxHeaderBytes} bytes.");
            return;
        }
        if (request.ContentLength > _limits.MaxBodyBytes)
        {
            await problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge, $"The request body is larger than {_limits.MaxBodyBytes} bytes.");
            return;
        }
        if (request.ContentLength is null && HttpMethods.IsGet(request.Method) is false)
        {
            request.Body = new LimitedReadStream(request.Body, _limits.MaxBodyBytes);
        }
        await next(context);
    }

    /// <summary>
    /// How far past <see cref="RequestLimitsOptions.MaxBodyBytes"/> Kestrel may read a body: more than it reads ahead of
    /// the app (what one connection buffers, 1 MiB), so that a body read by the app meets the app's limit, and its 413
    /// problem, first.
    /// </summary>
    internal const long KestrelReadsPast = 2 * 1024 * 1024;

    /// <summary>
    /// Kestrel's own body limit, per request: Kestrel reads on through a body the app answered without reading it (a 401,
    /// a 413 for its Content-Length, a GET's body) for up to 5 seconds, to use the connection again, and without a limit
    /// (the server's is lifted for the app's) an anonymous client had it take in gigabytes a request. Past this one it
    /// stops and closes the connection. Set before anything reads the body, as it must be.
    /// </summary>
    private void BoundWhatKestrelReads(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = _limits.MaxBodyBytes > long.MaxValue - KestrelReadsPast ? null : _limits.MaxBodyBytes + KestrelReadsPast;
        }
    }

    /// <summary>Counts what a body without Content-Length (chunked) yields and fails past the limit.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// The request target's length as sent, percent-escapes included, as Kestrel measures its request line: the path
    /// decoded is up to 9 times shorter (a Chinese character is sent as 9), and one within the limit once decoded was
    /// read, or refused by Kestrel's line limit with a 414 that has no body.
    /// </summary>
    private static int TargetLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } sent
            ? sent.Length
            : context.Request.Path.ToUriComponent().Length + (context.Request.QueryString.Value?.Length ?? 0);
}
