using ContentApi.Cli;

namespace ContentApi.UnitTests.Cli;

/// <summary>What import quotes of a file (an export's unknown column, a front matter name) reaches the terminal escaped.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("articles.jsonl:1: unknown column 'a\u001B[2J'.", "articles.jsonl:1: unknown column 'a\\u001B[2J'.")]
    [InlineData("b\nFiles read: 9.md:1: error: No title", "b\\u000AFiles read: 9.md:1: error: No title")]
    [InlineData("a\u009Bb\u007F\tc", "a\\u009Bb\\u007F\\u0009c")]
    [InlineData("圖源：中央社 \u202Eplain", "圖源：中央社 \u202Eplain")]
    [InlineData("title 'a\u2028b\u2029c'", "title 'a\\u2028b\\u2029c'")]
    public void Escaped_writes_control_characters_and_line_separators_as_escapes(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Escaped(text));
}
