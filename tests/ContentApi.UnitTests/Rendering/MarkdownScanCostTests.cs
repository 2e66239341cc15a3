using System.Globalization;
using System.Text;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

public sealed class MarkdownScanCostTests
{
    private static readonly Dictionary<long, InlineImage> NoImages = [];

    [Theory]
    [InlineData("", 0)]
    [InlineData("See [the docs](https://example.com/docs).", 28 + 21)]
    [InlineData("](x", 3)]
    [InlineData("](x\n](x", 3 + 3)]
    [InlineData("WWW.a Mailto:b TEL:c", 5 + 8 + 5 + (0 / 2) + (6 / 2) + (15 / 2))]
    [InlineData("http://a\nb c", 6 + (4 / 2))]
    [InlineData("http://a\n \t\nb", 5 + (4 / 2))]
    [InlineData("a]b(c:/d", 0)]
    [InlineData("<https://a.b> [c](www.d)", 7 + 8 + 6)]
    [InlineData("http://a b\n\nhttp://c d\nhttp://e f", 4 + 4 + 4 + (4 / 2) + (5 / 2) + (16 / 2))]
    [InlineData("[a](b (x\ny\n\nz", 9)]
    [InlineData("[a](b(c) (x", 9)]
    [InlineData("[a](b(c) d) (x", 12)]
    [InlineData("[a]: b\n [c]: d\n[e]: f\n\n[g]: h", (3 * 3 / 4) + (1 * 1 / 4))]
    [InlineData("[a\n[b\nc]", (2 * 2 * 16) + (1 * 1 / 2))]
    [InlineData("a [b [c [d \\[e\n\nf [g", 3 * 3 / 2)]
    [InlineData("a [b] [c] [d][e] [f][g] ![](image:1)", (2 * 2 / 2) + 10)]
    [InlineData("a [b [c] d [e\n\\] f", 2 * 2 / 2)]
    [InlineData(":|:|\n|: a|b :|\n\n:|", (2 * 2 * 2) + (2 * 2 * 2) + 2)]
    [InlineData("| :-- | --: |\n| a | b |", 1 * 1 * 2)]
    [InlineData("3~5 年 a ~ b ~c~", 0)]
    [InlineData("~~a~~ ~~~b \\~~c", 3 * 3)]
    [InlineData("\\*a \\_b \\**c", 1 * 1)]
    [InlineData("\\\\*a \\\\[b \\\\[c", (1 * 1) + (2 * 2 / 2))]
    public void Counts_link_scans_url_scans_what_precedes_bare_urls_and_definitions_squared(string markdown, long cost) =>
        Assert.Equal(cost, MarkdownScanCost.Of(markdown));

    public static TheoryData<string, int> Pathological => new()
    {
        { "[a](b", 16_000 },
        { "![a](", 16_000 },
        { "http://a.b/(", 10_000 },
        { "https://a.b/(\n", 10_000 },
        { "www.a(", 16_000 },
        { "mailto:a@b.c(", 10_000 },
        { "tel:1(", 16_000 },
        { "[a](b(", 100_000 },
        { "www.a.example ", 20_000 },
        { "x http://a.example\n", 20_000 },
        { "mailto:a@b.c ", 10_000 },
        { "[a](b (x\n", 16_000 },
        { "[a]:\n", 55_000 },
        { "[a]: b \"\n", 20_000 },
        { "[a](<b c> (x\n", 16_000 },
        { "[a](b\\) (x\n", 16_000 },
        { "> [a]:\n", 55_000 },
        { "[a\nb]:\n", 50_000 },
        { "[a](b (x\n#x\n", 16_000 },
        { "*a **a\n", 5_000 },
        { "_a __a\n", 5_000 },
        { "~~a ~~~~a\n", 5_000 },
        { "a ~~~b ~c ~~d\n", 5_000 },
        { "\\\\*a \\\\**a\n", 5_000 },
        { "1. \r*a **a\n", 5_000 },
        { "1) \r_a __a\r\n", 5_000 },
        { ":|", 20_000 },
        { "|:", 20_000 },
        { "a:|", 10_000 },
        { "| :", 10_000 },
        { "[a", 10_000 },
        { "[a][b] ", 5_000 },
        { "[a\n", 10_000 },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Links_that_never_end_are_refused_for_storage_and_read_as_source(string unit, int count)
    {
        var body = string.Concat(Enumerable.Repeat(unit, count));

        Assert.Equal(MarkdownScanCost.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.StartsWith("<pre>", MarkdownRenderer.Render(articleId: 1, body, NoImages).Html, StringComparison.Ordinal);
        Assert.Equal(body, MarkdownRenderer.ToPlainText(body));
    }

    /// <summary>
    /// What a fence holds is measured: read loosely, fences fell out of step with Markdig's (a shorter run, an info
    /// string or an indented run "closed" one Markdig kept open), and the scan skipped the rest of the body (16,000
    /// "[a](b": 1.9 s).
    /// </summary>
    [Theory]
    [InlineData("~~~~\n~~~\n```\n~~~~\n")]
    [InlineData("````\n```x\n~~~\n````\n")]
    [InlineData("```\n        ```\n~~~\n```\n")]
    [InlineData("- a\n  ```\n  ```\n")]
    [InlineData("  ```\n```\n")]
    public void Text_after_code_fences_is_measured_however_they_pair(string prefix)
    {
        var body = prefix + string.Concat(Enumerable.Repeat("[a](b", 16_000));
        Assert.Equal(MarkdownScanCost.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
    }

    /// <summary>Labels opened on one line and closed on others: 4,997 of each, 19,988 characters, parsed in 2-5.6 s.</summary>
    [Fact]
    public void Labels_left_open_over_many_lines_are_refused_in_a_short_body()
    {
        var body = string.Concat(Enumerable.Repeat("[\n", 4_997)) + string.Concat(Enumerable.Repeat("]\n", 4_997));
        Assert.Equal(MarkdownScanCost.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
    }

    /// <summary>
    /// A bare URL walks back over every inline of its paragraph: 3,000 after 230,000 short lines took 5.7 s; with each
    /// behind "1. \r" (an empty item and a line of the same paragraph to Markdig, which ends lines at a lone "\r"), 7 s.
    /// </summary>
    [Theory]
    [InlineData("www.a.b ")]
    [InlineData("1. \rwww.a.b\n")]
    [InlineData("1. \rwww.a.b\r")]
    public void Bare_urls_after_a_long_paragraph_are_refused(string url)
    {
        var body = string.Concat(Enumerable.Repeat("a\n", 150_000)) + string.Concat(Enumerable.Repeat(url, 3_000));
        Assert.Equal(MarkdownScanCost.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
    }

    public static TheoryData<string> FastShapes => new()
    {
        string.Concat(Enumerable.Range(0, 3_500).Select(i => $"- https://example.com/items/{i}\n")),
        "| 來源 |\n| --- |\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"| [來源](https://example.com/{i} (標題)) |\n")),
        string.Concat(Enumerable.Range(0, 3_000).Select(i => $"見[來源](https://example.com/{i} (標題))。\n")),
        string.Concat(Enumerable.Range(0, 3_000).Select(i => $"[{i}]: https://example.com/refs/{i}\n")),
        "| 名稱 | 說明 |\n| --- | --- |\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"| **第 {i} 項** | snake_case_name_{i} |\n")),
        string.Concat(Enumerable.Range(0, 200).Select(i => $"這是**重點 {i}**，也有*斜體*與~~刪除~~。")),
        string.Concat(Enumerable.Range(0, 3_300).Select(i => $"第 {i} 組約 3~5 年，")),
        "| 項目 | 年限 |\n| --- | --- |\n" + string.Concat(Enumerable.Range(0, 3_300).Select(i => $"| 第 {i} 項 | 3~5 年 |\n")),
        string.Concat(Enumerable.Range(0, 3_000).Select(i => $"\\*註 {i}\\* 與 a\\_b\\_c，")),
    };

    /// <summary>
    /// Shapes the first forms of the bound refused although Markdig parses them in milliseconds (lists, closed titles,
    /// reference lists, Chinese ranges written with a lone '~', escaped delimiters).
    /// </summary>
    [Theory]
    [MemberData(nameof(FastShapes))]
    public void Lists_closed_titles_reference_lists_and_emphasis_stay_within_the_budget(string body) =>
        Assert.True(MarkdownScanCost.Of(body) < MarkdownScanCost.Budget / 2, $"cost {MarkdownScanCost.Of(body)}");

    [Fact]
    public void A_long_article_full_of_links_and_a_table_of_them_are_well_within_the_budget()
    {
        var article = new StringBuilder();
        for (var paragraph = 0; paragraph < 100; paragraph++)
        {
            for (var sentence = 0; sentence < 20; sentence++)
            {
                article.Append(CultureInfo.InvariantCulture, $"據[報導](https://example.com/news/{paragraph}/{sentence})指出，詳見 https://example.org/{sentence} 與 www.example.net 的說明。");
            }
            article.Append("\n\n");
        }
        article.Append("| 名稱 | 連結 |\n| --- | --- |\n");
        for (var row = 0; row < 1_000; row++)
        {
            article.Append(CultureInfo.InvariantCulture, $"| 第 {row} 項 | [來源](https://example.com/items/{row}) |\n");
        }
        article.Append('\n');
        for (var line = 0; line < 500; line++)
        {
            article.Append(CultureInfo.InvariantCulture, $"- 參考 https://example.com/refs/{line} 與 [來源](https://example.com/src/{line} \"標題\")\n");
        }
        article.Append('\n');
        for (var definition = 0; definition < 1_000; definition++)
        {
            article.Append(CultureInfo.InvariantCulture, $"[ref{definition}]: https://example.com/defs/{definition} (定義 {definition})\n");
        }
        var body = article.ToString();

        Assert.True(MarkdownScanCost.Of(body) < MarkdownScanCost.Budget / 2);
        Assert.Null(ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.Contains("<table>", MarkdownRenderer.Render(articleId: 1, body, NoImages).Html, StringComparison.Ordinal);
    }
}
