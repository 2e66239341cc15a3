namespace ContentApi.Http;

/// <summary>
/// The request body as sent, noting whether a read of it failed because the client's connection ended first (closed
/// or reset partway through the body). Whoever reads the body may swallow that failure (the endpoints' JSON binding
/// answers it with a bare 400) or throw it on; either way <see cref="CutShortBodyMiddleware"/> learns of it here.
/// </summary>
internal sealed class CutShortBody(Stream inner) : Stream
{
    /// <summary>Kestrel's message when the connection ends before the body's Content-Length, or its last chunk, arrived.</summary>
    private const string UnexpectedEnd = "Unexpected end of request content";

    public bool WasCutShort { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException exception) when (EndedTheConnection(exception))
        {
            WasCutShort = true;
            throw;
        }
    }

    /// <summary>
    /// The connection ended under the read (a Content-Length or chunk that never came, a reset); not a body that came
    /// whole but was malformed (bad chunk framing) or too large or too slow, which are the client's to correct.
    /// </summary>
    private static bool EndedTheConnection(IOException exception) => exception is not BadHttpRequestException bad ||
        (bad.StatusCode == StatusCodes.Status400BadRequest && bad.Message.StartsWith(UnexpectedEnd, StringComparison.Ordinal));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel refuses synchronous reads unless they are allowed; they are passed on as they are.
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
