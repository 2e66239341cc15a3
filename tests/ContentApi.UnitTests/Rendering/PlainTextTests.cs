using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class PlainTextTests
{
    /// <summary>
    /// Review: a reference link whose definition is missing, which Markdown shows as its literal text, lost its first
    /// bracket in the plain text and the derived excerpt (連結][y]): the bracket Markdig leaves as a delimiter was skipped.
    /// </summary>
    [Theory]
    [InlineData("這是一段關於[連結][y]的文字，還有[另一個連結]。")]
    [InlineData("見[注釋][]與[甲[乙]丙]。")]
    [InlineData("[開頭][x]在前")]
    public void A_reference_link_without_its_definition_reads_as_the_html_shows_it(string markdown)
    {
        Assert.Equal(markdown, MarkdownRenderer.ToPlainText(markdown));
        Assert.Equal(markdown, DerivedExcerpt.Of(markdown));
        Assert.Equal($"<p>{markdown}</p>", MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html);
    }

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

    [Theory]
    [InlineData("蘋果公司正式發\n佈了手機。", "蘋果公司正式發佈了手機。")]
    [InlineData("正式**發**\n佈了", "正式發佈了")]
    [InlineData("公司表示，\n「下週發佈」。", "公司表示，「下週發佈」。")]
    [InlineData("The results came\nback positive.", "The results came back positive.")]
    [InlineData("模型 Qwen3\n發佈", "模型 Qwen3 發佈")]
    [InlineData("正式發  \n佈了", "正式發\n佈了")] // a hard break is a line break
    [InlineData("正式發\n**佈**了", "正式發佈了")]
    [InlineData("正式發\n![圖](image:1)佈了", "正式發佈了")]
    [InlineData("正式發\n*<https://example.com>*佈", "正式發 https://example.com佈")]
    public void A_line_wrapped_inside_chinese_text_joins_as_a_browser_shows_it(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));
    }

    [Theory]
    // The HTML shows a figure's caption and credit apart; so do the plain text and the search snippets made from it.
    [InlineData("![](image:1)\n阿里雲杭州發布會現場\n圖源:ifanr", "阿里雲杭州發布會現場\n圖源:ifanr")]
    [InlineData("![](image:1)\n\nライトアップされた東京駅\n写真：共同通信", "ライトアップされた東京駅\n写真：共同通信")]
    [InlineData("![](image:1)\n圖源：新華社\n正文第一段。", "圖源：新華社\n正文第一段。")]
    [InlineData("![](image:1)\n圖源：甲\n![](image:2)\n圖源：乙", "圖源：甲\n圖源：乙")]
    [InlineData("[![](image:1)](https://example.com/full.jpg)\nライトアップされた東京駅\n写真：共同通信", "ライトアップされた東京駅\n写真：共同通信")]
    public void The_lines_of_a_figures_label_stay_apart(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));

    /// <summary>
    /// Review: a row's cells were joined by a space, which search reads as nothing between Chinese characters, so 鸕鶿
    /// found "| 欄一鸕 | 鶿欄二 |". A tab parts them, also the lines of a cell (its &lt;br&gt;); a tab in running text is a space.
    /// </summary>
    [Theory]
    [InlineData("| 欄一鸕 | 鶿欄二 |\n| --- | --- |\n| 台灣 | 大學 |", "欄一鸕\t鶿欄二\n台灣\t大學")]
    [InlineData("| 地點 | 說明 |\n| - | - |\n| 台北 | 第一行<br>第二行 |", "地點\t說明\n台北\t第一行\t第二行")]
    [InlineData("| a | | c |\n| - | - | - |\n| **x**  y | 2 | ![圖](image:1) |", "a\t\tc\nx y\t2")]
    [InlineData("佐藤\t花子は東京へ。", "佐藤 花子は東京へ。")]
    public void A_tables_cells_are_parted_by_tabs(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));

    /// <summary>
    /// Rendering review: a Latin paragraph wrapped in its source (Hugo, Jekyll) kept its source lines in the plain text,
    /// where the HTML shows one line and the excerpt joins them with a space. A wrapped line is a space, as a browser shows
    /// it; but a line break where white space Markdown keeps stands at the wrap (a tab, a no-break space), which search
    /// would read as nothing between Chinese characters.
    /// </summary>
    [Theory]
    [InlineData(
        "This is a long sentence that an editor\nwrapped at eighty columns, as Hugo and Jekyll\nsources often are.\n\n- a list item that\n  wraps too\n",
        "This is a long sentence that an editor wrapped at eighty columns, as Hugo and Jekyll sources often are.\na list item that wraps too")]
    [InlineData("한국어 문장이\n줄바꿈된다", "한국어 문장이 줄바꿈된다")]
    [InlineData("製程\t\n通義千問", "製程\n通義千問")]
    [InlineData("製程&nbsp;\n通義千問", "製程\n通義千問")]
    [InlineData("製程\n&nbsp;通義千問", "製程\n通義千問")]
    [InlineData("Line one\\\nLine two", "Line one\nLine two")] // a hard break stays a line break
    public void A_wrapped_line_is_a_space_but_not_beside_white_space_kept_at_the_wrap(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));
}
