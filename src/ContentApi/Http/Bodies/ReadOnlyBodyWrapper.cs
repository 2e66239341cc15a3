namespace ContentApi.Http.Bodies;

/// <summary>
/// A request body that passes reads on to the one it wraps, watching them (<see cref="ReadAsync(Memory{byte}, CancellationToken)"/>
/// is where a subclass looks): read-only, not seekable.
/// </summary>
internal abstract class ReadOnlyBodyWrapper(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel refuses synchronous reads unless they are allowed; they are passed on as they are, unwatched.
    public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

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
