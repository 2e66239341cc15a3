using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

/// <summary>What a command quotes of a file (an export's unknown column, a front matter name) and a log line of a path reach the terminal and the log escaped.</summary>
public sealed class ControlEscapesTests
{
    [Theory]
    [InlineData("articles.jsonl:1: unknown column 'a\u001B[2J'.", "articles.jsonl:1: unknown column 'a\\u001B[2J'.")]
    [InlineData("b\nFiles read: 9.md:1: error: No title", "b\\u000AFiles read: 9.md:1: error: No title")]
    [InlineData("a\u009Bb\u007F\tc", "a\\u009Bb\\u007F\\u0009c")]
    [InlineData("圖源：中央社 \u202Eplain", "圖源：中央社 \\u202Eplain")]
    [InlineData("a\u061Cb\u200Ec\u200Fd\u202Ae\u2066f\u2069", "a\\u061Cb\\u200Ec\\u200Fd\\u202Ae\\u2066f\\u2069")]
    [InlineData("\U0001F469\u200D\U0001F4BB", "\U0001F469\u200D\U0001F4BB")]
    [InlineData("می\u200Cخواهم \u2764\uFE0F", "می\u200Cخواهم \u2764\uFE0F")]
    [InlineData("title 'a\u2028b\u2029c'", "title 'a\\u2028b\\u2029c'")]
    [InlineData("a\u200Bb\uFEFFc\u2060d\u00ADe", "a\\u200Bb\\uFEFFc\\u2060d\\u00ADe")]
    public void Escaped_writes_controls_line_separators_and_bidi_controls_as_escapes_and_leaves_joiners(string text, string shown) =>
        Assert.Equal(shown, ControlEscapes.Escaped(text));
}
