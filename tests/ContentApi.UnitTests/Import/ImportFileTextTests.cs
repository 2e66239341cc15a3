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

    private const string NotUtf16 = "The file is not valid UTF-16 here (a lone surrogate, or an odd byte at its end): save it as UTF-8.";
    private const string NotUtf32 = "The file is not valid UTF-32 here (a surrogate, a value past U+10FFFF, or bytes left at its end): save it as UTF-8.";

    /// <summary>Each way UTF-16 can hold no character, in either byte order, is refused at the line it is on (newlines after it do not count).</summary>
    [Theory]
    [InlineData(false, "a\nb\nc ", new[] { 0xDC00 }, "x\ny\n", 0, 3)] // a lone low surrogate
    [InlineData(true, "a\nb\nc ", new[] { 0xDC00 }, "x\ny\n", 0, 3)]
    [InlineData(false, "a\nb\nc ", new[] { 0xDE00, 0xD83D }, "x\ny\n", 0, 3)] // a low surrogate before a high one
    [InlineData(false, "a\nb\nc ", new[] { 0xD83D, 0xD83D, 0xDE00 }, "\n", 0, 3)] // a high surrogate before a pair
    [InlineData(true, "a\nb\nc ", new[] { 0xD83D }, "", 0, 3)] // a high surrogate that ends the file
    [InlineData(false, "a\nb\nc ", new[] { 0xD83D }, "", 0, 3)]
    [InlineData(true, "a\nb\nc\n", new int[0], "", 1, 4)] // an odd byte at the end
    [InlineData(false, "a\nb\nc ", new[] { 0xD83D }, "", 1, 3)] // a high surrogate, then an odd byte
    [InlineData(false, "", new int[0], "", 1, 1)] // a mark and one byte
    [InlineData(true, "", new int[0], "", 1, 1)]
    public async Task A_utf16_file_with_no_character_is_an_error_at_its_line(bool bigEndian, string before, int[] units, string after, int oddBytes, int line)
    {
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bad = units.SelectMany(unit => bigEndian ? new[] { (byte)(unit >> 8), (byte)unit } : [(byte)unit, (byte)(unit >> 8)]);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(before)).Concat(bad).Concat(encoding.GetBytes(after)).Concat(Enumerable.Repeat((byte)'A', oddBytes)).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(line, problem!.Line);
        Assert.Equal(NotUtf16, problem.Message);
    }

    /// <summary>Each way UTF-32 can hold no character, in either byte order, is refused at the line it is on (newlines after it do not count).</summary>
    [Theory]
    [InlineData(false, "a\nb\nc ", 0x110000L, "x\ny\n", 0, 3)] // just past U+10FFFF
    [InlineData(true, "a\nb\nc ", 0x110000L, "x\ny\n", 0, 3)]
    [InlineData(false, "a\nb\nc ", 0xFFFFFFFFL, "x\n", 0, 3)]
    [InlineData(true, "a\nb\nc ", 0x80000041L, "x\n", 0, 3)] // a sign bit set on 'A'
    [InlineData(false, "a\nb\nc ", 0xDC00L, "x\ny\n", 0, 3)] // a low surrogate
    [InlineData(true, "a\nb\nc ", 0xDFFFL, "", 0, 3)]
    [InlineData(false, "a\nb\nc\n", -1L, "", 1, 4)] // bytes left at the end
    [InlineData(true, "a\nb\nc\n", -1L, "", 2, 4)]
    [InlineData(false, "a\nb\nc\n", -1L, "", 3, 4)]
    [InlineData(true, "", -1L, "", 3, 1)] // a mark and three bytes
    public async Task A_utf32_file_with_no_character_is_an_error_at_its_line(bool bigEndian, string before, long unit, string after, int leftBytes, int line)
    {
        var encoding = new System.Text.UTF32Encoding(bigEndian, byteOrderMark: true);
        byte[] bad = unit < 0 ? []
            : bigEndian ? [(byte)(unit >> 24), (byte)(unit >> 16), (byte)(unit >> 8), (byte)unit]
            : [(byte)unit, (byte)(unit >> 8), (byte)(unit >> 16), (byte)(unit >> 24)];
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(before)).Concat(bad).Concat(encoding.GetBytes(after)).Concat(Enumerable.Repeat((byte)'A', leftBytes)).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(line, problem!.Line);
        Assert.Equal(NotUtf32, problem.Message);
    }

    /// <summary>
    /// A file that is only a byte-order mark is read as no text, not as an error or an empty file; a second mark is text
    /// the file holds (U+FEFF), kept as the first character.
    /// </summary>
    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    [InlineData("utf-32BE")]
    public async Task A_file_of_its_mark_alone_is_no_text_and_a_second_mark_is_kept(string name)
    {
        var encoding = System.Text.Encoding.GetEncoding(name);

        var (markOnly, markOnlyProblem) = await ImportFileText.ReadAsync(FileWith(encoding.GetPreamble()), CancellationToken.None);
        var (twoMarks, twoMarksProblem) = await ImportFileText.ReadAsync(FileWith([.. encoding.GetPreamble(), .. encoding.GetBytes("\uFEFF# a\n")]), CancellationToken.None);

        Assert.Null(markOnlyProblem);
        Assert.Equal("", markOnly);
        Assert.Null(twoMarksProblem);
        Assert.Equal("\uFEFF# a\n", twoMarks);
    }

    [Theory]
    [InlineData("utf-16", "---\ntitle: Hello\n---\nbody\n", 1)] // ASCII in UTF-16 without its mark is valid UTF-8 with NULs
    [InlineData("utf-16BE", "---\ntitle: 你好\n---\n正文\n", 1)]
    [InlineData("utf-8", "# a\nbody\u0000 text\n", 2)]
    public async Task A_file_with_a_nul_byte_is_an_error_naming_utf16_without_its_mark(string encoding, string written, int line)
    {
        var (text, problem) = await ImportFileText.ReadAsync(FileWith(System.Text.Encoding.GetEncoding(encoding).GetBytes(written)), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(line, problem!.Line);
        Assert.Equal("The file holds a NUL byte here, which no text has (a file saved as UTF-16 without its byte-order mark reads so): save it as UTF-8.", problem.Message);
    }

    private const string MayBeUtf16 =
        "The file is not valid UTF-8 here, and its bytes read as UTF-16 text: it may be UTF-16 saved without its byte-order mark, which import does not guess. Save it as UTF-8.";

    /// <summary>
    /// A UTF-16 file without its mark whose text is all CJK holds no NUL byte (every unit is past U+00FF), so it was told
    /// only "not valid UTF-8", with nothing to say why; its bytes are not read as UTF-16, which two ASCII letters are too.
    /// </summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task A_utf16_file_of_cjk_without_its_mark_is_an_error_that_says_it_may_be_utf16(string name)
    {
        var bytes = System.Text.Encoding.GetEncoding(name).GetBytes("標題：台積電高雄三廠動工，正文。");

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal((1, MayBeUtf16), (problem!.Line, problem.Message));
    }

    /// <summary>Latin-1 of even length reads as UTF-16 too (two ASCII letters are one CJK ideograph), but its spaces then read as format characters and unassigned ones.</summary>
    [Fact]
    public async Task A_latin1_file_is_an_error_that_does_not_say_utf16()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 au lait, cr\u00e8me br\u00fbl\u00e9e.\n");
        Assert.Equal(0, bytes.Length % 2);

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal("The file is not valid UTF-8 here (save it as UTF-8).", problem!.Message);
    }

    /// <summary>Valid UTF-8 is never read as UTF-16, however its bytes pair up ("ab" is U+6261, a CJK ideograph, in UTF-16 LE).</summary>
    [Theory]
    [InlineData("ab")]
    [InlineData("標題")]
    public async Task A_short_utf8_file_is_read_as_utf8(string written)
    {
        var (text, problem) = await ImportFileText.ReadAsync(FileWith(System.Text.Encoding.UTF8.GetBytes(written)), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(written, text);
    }

    /// <summary>
    /// A NUL in a UTF-16 or UTF-32 file with its mark was read as text, and one in the front matter was told as YAML that
    /// "did not find expected key", which sent the user after the wrong problem, as a NUL in UTF-8 no longer does.
    /// </summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public async Task A_nul_in_a_utf16_or_utf32_file_is_an_error_at_its_line(string name)
    {
        var encoding = System.Text.Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("---\r\ntitle: 標題\u0000尾\r\nauthors: J\r\n---\r\n正文\r\n")).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(2, problem!.Line);
        Assert.Equal("The file holds a NUL character (U+0000) here, which no text has: remove it.", problem.Message);
    }

    /// <summary>
    /// UTF-16 LE's mark and a first U+0000 are FF FE 00 00, UTF-32 LE's mark: such a file was told "not valid UTF-32",
    /// which named an encoding it never had. A valid UTF-32 file is still read as UTF-32.
    /// </summary>
    [Theory]
    [InlineData("# 標題\nbody\n")]
    [InlineData("---\r\ntitle: a\r\n---\r\n")]
    [InlineData("A")]
    public async Task A_utf16_le_file_starting_with_nul_is_an_error_that_says_so(string afterNul)
    {
        // The mark FF FE, then U+0000 as 00 00.
        byte[] bytes = [0xFF, 0xFE, 0, 0, .. System.Text.Encoding.Unicode.GetBytes(afterNul)];

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(1, problem!.Line);
        Assert.Equal("The file starts with a NUL character (U+0000) after its UTF-16 byte-order mark (FF FE 00 00, which also marks UTF-32): remove it.", problem.Message);
    }

    [Fact]
    public async Task An_empty_file_is_an_error_at_line_1()
    {
        var (text, problem) = await ImportFileText.ReadAsync(FileWith([]), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(1, problem!.Line);
        Assert.StartsWith("The file is empty", problem.Message, StringComparison.Ordinal);
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
