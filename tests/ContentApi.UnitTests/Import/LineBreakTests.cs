using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A file saved with classic Mac OS line breaks (a lone CR) is read as one saved with LF or CRLF: Markdig and YAML count
/// a lone CR as a line break, but TOML front matter was refused ("Invalid \r not followed by \n"), JSON front matter and
/// a byte that is not UTF-8 were told at line 1, and a tab in YAML's indentation got the parser's raw message.
/// </summary>
public sealed class LineBreakTests
{
    private static readonly Dictionary<string, string[]> Samples = new()
    {
        ["yaml"] = ["---", "title: T", "authors: [A]", "tittle: x", "---", "", "# Heading", "", "body", "more", ""],
        ["yaml error"] = ["---", "title: T", "authors: [A]", "x: [", "---", "", "body", ""],
        ["yaml tab"] = ["---", "title: T", "authors:", "\t- A", "---", "", "body", ""],
        ["toml"] = ["+++", "title = \"T\"", "authors = [\"A\"]", "tags = [\"x\",", "  \"y\"]", "tittle = 1", "+++", "", "body", ""],
        ["toml error"] = ["+++", "title = \"T\"", "authors = [\"A\"]", "tittle = ", "+++", "", "body", ""],
        ["json"] = ["{", "\"title\": \"T\",", "\"authors\": [\"A\"],", "\"tittle\": 1", "}", "", "body", ""],
        ["json error"] = ["{", "\"title\": \"T\",", "\"authors\": [\"A\"],", "\"tittle\": ", "}", "", "body", ""],
        ["json repeated key"] = ["{", "\"title\": \"T\",", "\"authors\": [\"A\"],", "\"title\": \"U\"", "}", "", "body", ""],
        ["metadata lines"] = ["Title: T", "Authors: A", "Tittle: x", "", "body", ""],
        ["body"] = ["# Head", "", "By Jane Doe", "", "para", "", "![](  )", "", "end", ""],
    };

    public static TheoryData<string, string> SamplesAndLineBreaks()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Samples.Keys)
        {
            data.Add(sample, "\r\n");
            data.Add(sample, "\r");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndLineBreaks))]
    public void Parse_reads_a_file_alike_whatever_its_line_breaks(string sample, string lineBreak)
    {
        var withLf = MarkdownImportParser.Parse(Import.File, string.Join("\n", Samples[sample]));
        var withOther = MarkdownImportParser.Parse(Import.File, string.Join(lineBreak, Samples[sample]));

        Assert.Equal(Said(withLf), Said(withOther));
        Assert.Equal(withLf.Document?.Title, withOther.Document?.Title);
        Assert.Equal(withLf.Document?.Authors.Names(), withOther.Document?.Authors.Names());
        Assert.Equal(withLf.Document?.Tags.Names(), withOther.Document?.Tags.Names());
        Assert.Equal(withLf.Document?.BodyTemplate, withOther.Document?.BodyTemplate.Replace(lineBreak, "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "The file is not valid UTF-8 here (save it as UTF-8).")]
    [InlineData(new byte[] { 0 }, "The file holds a NUL byte here, which no text has (a file saved as UTF-16 without its byte-order mark reads so): save it as UTF-8.")]
    public async Task ReadAsync_tells_a_bad_byte_at_its_line_whatever_the_line_breaks(byte[] bad, string message)
    {
        foreach (var lineBreak in new[] { "\n", "\r\n", "\r" })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"---{lineBreak}title: T{lineBreak}---{lineBreak}bo").Concat(bad).Concat("dy\r"u8.ToArray()).ToArray();

            var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

            Assert.Null(text);
            Assert.Equal((4, message), (problem!.Line, problem.Message));
        }
    }

    [Theory]
    [InlineData("utf-16", 0xD800)] // a lone surrogate
    [InlineData("utf-16BE", 0)]
    [InlineData("utf-32", 0xD800)]
    [InlineData("utf-32BE", 0)]
    public async Task ReadAsync_tells_a_bad_unit_of_utf16_or_utf32_at_its_line_after_lone_crs(string name, int unit)
    {
        var encoding = System.Text.Encoding.GetEncoding(name);
        var width = encoding.GetPreamble().Length;
        var bad = Enumerable.Range(0, width).Select(i => (byte)(unit >> (8 * i))).ToArray();
        if (encoding.GetPreamble()[0] == 0xFE || encoding.GetPreamble()[0] == 0)
        {
            Array.Reverse(bad);
        }
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("---\rtitle: T\r---\rbo")).Concat(bad).Concat(encoding.GetBytes("dy\r")).ToArray();

        var (text, problem) = await ImportFileText.ReadAsync(FileWith(bytes), CancellationToken.None);

        Assert.Null(text);
        Assert.Equal(4, problem!.Line);
    }

    private static IReadOnlyList<(int, ImportSeverity, string)> Said(ImportResult result) => [.. result.Problems.Select(p => (p.Line, p.Severity, p.Message))];

    private static string FileWith(byte[] bytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "contentapi-linebreaks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "a.md");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
