using ContentApi.Transfer;

namespace ContentApi.UnitTests.Transfer;

public sealed class JsonlLinesTests
{
    /// <summary>
    /// An export file edited into another encoding was refused as "not UTF-8" with no line, where every other refusal of
    /// import names its file and line; the reader decodes ahead of the line it returns, so the line is found in the bytes.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void A_byte_that_is_not_utf8_is_refused_at_its_line(int badLine)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lines-{Guid.NewGuid():N}.jsonl");
        var lines = Enumerable.Range(1, 50).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"id\":{i},\"text\":\"{new string('中', i * 37)}\"}}\n")).ToList();
        lines[badLine - 1] = [.. lines[badLine - 1].Take(10), 0xFF, .. lines[badLine - 1].Skip(10)];
        File.WriteAllBytes(path, [.. lines.SelectMany(line => line)]);
        try
        {
            var refusal = Assert.Throws<InvalidDataException>(() => JsonlLines.Lines(path).ToList());
            Assert.StartsWith($"{path}:{badLine}: ", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("not UTF-8", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The bounded reader ends lines where ReadLine ends them, a CRLF cut by a read included.</summary>
    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb\r")]
    [InlineData("\n\n{}\r\n\r\n")]
    [InlineData("")]
    public void Lines_end_where_read_line_ends_them(string text)
    {
        foreach (var width in new[] { 1, 65535, 65536 })
        {
            // The padding puts each line break at a read's edge once: reads are of 64 Ki characters.
            var padded = new string('x', width) + text;
            var path = Path.Combine(Path.GetTempPath(), $"lines-{Guid.NewGuid():N}.jsonl");
            File.WriteAllText(path, padded);
            try
            {
                var expected = new List<string>();
                using (var reader = new StringReader(padded))
                {
                    while (reader.ReadLine() is { } line)
                    {
                        expected.Add(line);
                    }
                }
                Assert.Equal(expected, JsonlLines.Lines(path).ToList());
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void A_line_past_the_limit_is_refused_at_its_line_before_it_is_held()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lines-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{}\r\n{}\n" + new string('a', 100_001) + "\n{}\n");
        try
        {
            var refusal = Assert.Throws<InvalidDataException>(() => JsonlLines.Lines(path, maxLineCharacters: 100_000).ToList());
            Assert.StartsWith($"{path}:3: the line is longer than 100,000 characters", refusal.Message, StringComparison.Ordinal);
            Assert.Equal(["{}", "{}"], JsonlLines.Lines(path, maxLineCharacters: 100_000).Take(2));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
