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
            var refusal = Assert.Throws<InvalidDataException>(() => JsonlImporter.Lines(path).ToList());
            Assert.StartsWith($"{path}:{badLine}: ", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("not UTF-8", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
