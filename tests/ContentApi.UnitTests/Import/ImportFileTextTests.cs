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

    /// <summary>
    /// Hunt: a UTF-16 file's lone surrogate, or an odd byte at its end, was stored as U+FFFD without a word, where bytes
    /// that are not UTF-8 are an error at their line.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_utf16_file_with_a_lone_surrogate_is_an_error_at_its_line(bool bigEndian)
    {
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] loneHigh = bigEndian ? [0xD8, 0x3D] : [0x3D, 0xD8];
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("---\ntitle: a\n---\nbody ")).Concat(loneHigh).Concat(encoding.GetBytes("x\n")).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(4, problem!.Line);
        Assert.Contains("not valid UTF-16", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf16_file_with_an_odd_byte_at_its_end_is_an_error()
    {
        var encoding = new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("# a\nbody\n")).Append((byte)'A').ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(3, problem!.Line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_utf16_file_is_read_exactly(bool bigEndian)
    {
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        const string written = "# 標題 👩‍💻\r\nbody \uFFFD\n";

        var (text, problem) = await ImportFileText.ReadAsync(FileWith([.. encoding.GetPreamble(), .. encoding.GetBytes(written)]), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(written, text);
    }

    /// <summary>Hunt: UTF-32 went through a decoder that put U+FFFD for a code point past U+10FFFF or a surrogate; a big-endian file was read as UTF-8.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_utf32_file_with_a_unit_that_is_no_character_is_an_error_at_its_line(bool bigEndian)
    {
        var encoding = new System.Text.UTF32Encoding(bigEndian, byteOrderMark: true);
        byte[] surrogate = bigEndian ? [0, 0, 0xD8, 0x3D] : [0x3D, 0xD8, 0, 0];
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("---\ntitle: a\n---\nbody ")).Concat(surrogate).Concat(encoding.GetBytes("x\n")).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(4, problem!.Line);
        Assert.Equal("The file is not valid UTF-32 here (a surrogate, a value past U+10FFFF, or bytes left at its end): save it as UTF-8.", problem.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_utf32_file_is_read_exactly(bool bigEndian)
    {
        var encoding = new System.Text.UTF32Encoding(bigEndian, byteOrderMark: true);
        const string written = "# 標題 👩‍💻\r\nbody \uFFFD\n";

        var (text, problem) = await ImportFileText.ReadAsync(FileWith([.. encoding.GetPreamble(), .. encoding.GetBytes(written)]), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(written, text);
    }

    private static string FileWith(byte[] bytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "contentapi-importfiletext", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "a.md");
        File.WriteAllBytes(path, bytes);
        return path;
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
