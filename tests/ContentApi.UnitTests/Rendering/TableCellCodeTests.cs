using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Rendering review: a pipe escaped inside inline code in a table cell kept its backslash, `a \| b` read "a \| b" in the
/// HTML, the plain text and search, where GFM (spec example 200) and GitHub read "a | b".
/// </summary>
public sealed class TableCellCodeTests
{
    private const string Table = "| 指令 | 說明 |\n|---|---|\n| `a \\| b` | 管線 |\n";

    [Fact]
    public void A_pipe_escaped_in_code_in_a_cell_is_a_pipe_in_the_html() =>
        Assert.Contains("<code>a | b</code>", MarkdownRenderer.Render(articleId: 1, Table, new Dictionary<long, InlineImage>()).Html, StringComparison.Ordinal);

    [Fact]
    public void A_pipe_escaped_in_code_in_a_cell_is_a_pipe_in_the_plain_text() =>
        Assert.Equal("指令\t說明\na | b\t管線", MarkdownRenderer.ToPlainText(Table));

    [Theory]
    [InlineData("`a \\| b`", "a \\| b")] // outside a table the backslash is the code's
    [InlineData("| x |\n|---|\n| `a \\\\| b` |", "x\na \\| b")] // as GFM reads it: the pipe's backslash goes, the one before it stays
    public void Only_the_backslash_of_a_pipe_in_a_cell_goes(string markdown, string text) =>
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown));
}
