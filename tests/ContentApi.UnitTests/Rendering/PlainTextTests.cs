using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("第一行\n![圖](image:1)\n第二行", "第一行\n第二行")]
    [InlineData("![圖](image:1)\n說明文字", "說明文字")]
    [InlineData("Before ![x](image:1) after", "Before after")]
    [InlineData("Line one  \n![x](image:1)  \nLine two", "Line one\nLine two")]
    [InlineData("# 標題\n\n段落", "標題\n段落")]
    public void An_image_leaves_no_empty_line_or_space_run_in_its_paragraph(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));
    }
}
