using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// The write-time estimate of a body's HTML is an upper bound for every construct that renders to more than its
/// Markdown: each storm below renders to more than its length (the factor in its name, measured with the longest article id), and the estimate
/// is never below what it renders to. Empty headings (30 times) were left out of it, so 250,000 characters of
/// them were stored and read as their escaped source.
/// </summary>
public sealed class RenderedHtmlEstimateTests
{
    private const long ImageId = 7;

    private static readonly Dictionary<long, InlineImage> Images = new()
    {
        [ImageId] = new InlineImage(ImageId, "https://images.invalid/i.jpg", "", null, null, null, null),
    };

    private static string Times(string markdown, int count) => string.Concat(Enumerable.Repeat(markdown, count));

    public static TheoryData<string, string> Storms => new()
    {
        { "empty headings, 30x", Times("#\n", 5_000) },
        { "headings of one letter, 6.2x", Times("###### a\n", 2_000) },
        { "a long heading repeated, 2.6x", Times("## " + new string('長', 70) + "\n", 500) },
        { "nested quotes, 26x", Times(new string('>', 90) + " 引\n\n", 100) },
        { "nested lists, 10x", Times("- - - - - - - - - - - - - - - - - - - a\n", 200) },
        { "ordered lists, 1.4x", Times("123456789. a\n\n", 500) },
        { "a table of empty aligned cells, 34x", "|" + Times("a|", 60) + "\n|" + Times(":-:|", 60) + "\n" + Times(new string('|', 61) + "\n", 100) },
        { "a table of one-cell rows, 161x", "|" + Times("a|", 60) + "\n|" + Times("-|", 60) + "\n" + Times("|x\n", 300) },
        { "footnote references, 55x", Times("[^a]", 2_000) + "\n\n[^a]: 註\n" },
        { "footnotes cited once each, 16x", string.Concat(Enumerable.Range(0, 1_000).Select(i => $"[^{i}]\n\n[^{i}]: x\n\n")) },
        { "reference links to a long URL, 147x", "[a]: https://example.com/" + new string('x', 500) + " \"" + new string('t', 100) + "\"\n\n" + Times("[a] ", 1_000) },
        { "inline links, 2.9x", Times("[a](b) [a](b)\n\n", 500) },
        { "links to a heading, 7.7x", "# 背景\n\n" + Times("[a](#背景) ", 1_000) },
        { "autolinks, 4.9x", Times("https://example.com/中文 https://example.com/中文\n\n", 500) },
        { "entities and quotes, 1x", Times("&quot;\"&amp;&<>&#34; ", 2_000) },
        { "emphasis runs, 3.2x", Times("***a*** ~~b~~\n\n", 1_000) },
        { "code spans, 3.8x", Times("`\"` ", 2_000) },
        { "hard line breaks, 2x", Times("a\\\n", 2_000) },
        { "thematic breaks, 1.2x", Times("***\n", 2_000) },
        { "fenced code with an info string, 2.1x", Times("```c-sharp-with-a-long-name\n```\n", 1_000) },
        { "figures, 7x", Times($"![](image:{ImageId})\n\n", 2_000) },
        { "a row of figures sharing a credit line, 105x", Times($"![](image:{ImageId})\n", 200) + "圖源:" + Times("[中央社](https://example.com/cna) ", 20) },
        { "tabs in indented code, 0.6x", Times("    \t\t\t\tx\n", 100) },
    };

    [Theory]
    [MemberData(nameof(Storms))]
    public void The_estimate_is_at_least_the_html_it_renders_to(string storm, string markdown)
    {
        var html = MarkdownRenderer.Render(ArticleElementIds.LongestArticleId, markdown, Images).Html;
        Assert.NotEqual($"<pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>", html); // past the bound: measure a smaller storm

        var estimate = RenderedHtmlEstimate.UpperBound(ArticleMarkdown.Parse(markdown), markdown, Images, stopAbove: long.MaxValue);

        Assert.True(estimate >= html.Length, $"{storm}: estimated {estimate}, rendered {html.Length} ({(double)html.Length / markdown.Length:F1}x)");
    }

    [Fact]
    public void An_ordinary_long_chinese_article_is_estimated_well_below_the_bound()
    {
        // So it is not rendered when stored: 30,000 characters of paragraphs, headings, links, notes and credited figures.
        var markdown = string.Concat(Enumerable.Range(0, 120).Select(i =>
            $"## 第 {i} 節\n\n阿里雲在杭州發布了新一代大模型，**據報導**其推理成本下降了一半[^{i}]，詳見[官網](https://example.com/news/{i})。"
            + "業界人士認為，這將推動更多中小企業採用生成式人工智慧，並加速應用落地。\n\n"
            + $"![發布會現場](image:{ImageId})\n圖源:ifanr\n\n- 第一點\n- 第二點\n\n[^{i}]: 註 {i}\n\n"));
        Assert.InRange(markdown.Length, 20_000, 40_000);

        var estimate = RenderedHtmlEstimate.UpperBound(ArticleMarkdown.Parse(markdown), markdown, Images, stopAbove: long.MaxValue);

        Assert.True(estimate < MarkdownRenderer.MaxHtmlCharacters(markdown) / 2, $"estimated {estimate}");
    }

    /// <summary>
    /// Each placement writes its image's URL, alt text, caption and credit, escaped: 120 placements of an image whose
    /// texts held 3,500 " (each &amp;quot;) rendered past the bound while the estimate, counting none of them, said it
    /// was far below it (review), so a body like it was stored and read as its source.
    /// </summary>
    [Fact]
    public void The_estimate_counts_each_placed_images_escaped_texts()
    {
        var quoted = new InlineImage(ImageId, "https://images.example.com/" + new string('"', 100) + ".jpg",
            new string('"', 1_000), new string('"', 2_000), new string('"', 500), 1200, 675);
        var images = new Dictionary<long, InlineImage> { [ImageId] = quoted };
        var markdown = Times($"![](image:{ImageId})\n\n", 20) + Times($"段落 ![](image:{ImageId}) 文字\n\n", 20);
        var html = MarkdownRenderer.Render(ArticleElementIds.LongestArticleId, markdown, images).Html;
        Assert.DoesNotContain("<pre>", html, StringComparison.Ordinal);

        var estimate = RenderedHtmlEstimate.UpperBound(ArticleMarkdown.Parse(markdown), markdown, images, stopAbove: long.MaxValue);

        Assert.True(estimate >= html.Length, $"estimated {estimate}, rendered {html.Length}");
    }

    /// <summary>Each line break of a placed image's caption or credit is written as a &lt;br&gt;, four characters for one.</summary>
    [Fact]
    public void The_estimate_counts_the_br_of_each_line_break_in_a_placed_images_texts()
    {
        var lines = new InlineImage(ImageId, "https://images.example.com/a.jpg", "", Times("圖\n", 2_000) + "圖", Times("源\n", 1_000) + "源", null, null);
        var images = new Dictionary<long, InlineImage> { [ImageId] = lines };
        var markdown = Times($"![](image:{ImageId})\n\n", 40);
        var html = MarkdownRenderer.Render(ArticleElementIds.LongestArticleId, markdown, images).Html;
        Assert.DoesNotContain("<pre>", html, StringComparison.Ordinal);

        var estimate = RenderedHtmlEstimate.UpperBound(ArticleMarkdown.Parse(markdown), markdown, images, stopAbove: long.MaxValue);

        Assert.True(estimate >= html.Length, $"estimated {estimate}, rendered {html.Length}");
    }

    /// <summary>
    /// A long Chinese article with 20 credited and captioned images (of ordinary lengths) is decided by the estimate alone:
    /// well below the bound, it is not rendered when stored.
    /// </summary>
    [Fact]
    public void An_ordinary_long_chinese_article_with_its_real_credited_images_is_estimated_well_below_the_bound()
    {
        var images = Enumerable.Range(1, 20).ToDictionary(id => (long)id, id => new InlineImage(
            id, $"https://cdn.example.com/uploads/2025/06/{Guid.NewGuid():N}-{id}.jpg", "阿里雲發布會現場，舞台上的 Qwen3-Max 投影",
            "阿里雲在杭州舉行的年度發布會現場，台上展示了新一代大模型在推理、程式設計與多語言理解上的評測成績。", "圖源:ifanr / 攝影:王小明", 1200, 675));
        var markdown = string.Concat(Enumerable.Range(0, 120).Select(i =>
            $"## 第 {i} 節\n\n阿里雲在杭州發布了新一代大模型，**據報導**其推理成本下降了一半[^{i}]，詳見[官網](https://example.com/news/{i})。"
            + "業界人士認為，這將推動更多中小企業採用生成式人工智慧，並加速應用落地。\n\n"
            + (i % 6 == 0 ? $"![發布會現場](image:{(i / 6) + 1})\n圖源:ifanr\n\n" : "") + $"- 第一點\n- 第二點\n\n[^{i}]: 註 {i}\n\n"));

        var estimate = RenderedHtmlEstimate.UpperBound(ArticleMarkdown.Parse(markdown), markdown, images, stopAbove: long.MaxValue);

        Assert.True(estimate < MarkdownRenderer.MaxHtmlCharacters(markdown) / 2, $"estimated {estimate}");
    }
}
