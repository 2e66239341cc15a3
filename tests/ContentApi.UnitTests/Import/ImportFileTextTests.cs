using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class ImportFileTextTests
{
    /// <summary>A file checked at 10 bytes that has grown to a gigabyte by the time it is read is not read whole.</summary>
    [Fact]
    public async Task ReadAtMost_stops_at_the_first_byte_past_the_limit()
    {
        Assert.Null(await ImportFileText.ReadAtMostAsync(new EndlessStream(), 100_000, CancellationToken.None));
        Assert.Equal(100_000, (await ImportFileText.ReadAtMostAsync(new MemoryStream(new byte[100_000]), 100_000, CancellationToken.None))!.Length);
        Assert.Null(await ImportFileText.ReadAtMostAsync(new MemoryStream(new byte[100_001]), 100_000, CancellationToken.None));
    }

    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => count;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => 10;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
