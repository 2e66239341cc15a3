using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Images placed by URL, as bodies imported from Hugo, Jekyll or WordPress place them: one alone on its line at the
/// start of a paragraph was a p with an img, and the credit typed under it ("圖源:ifanr") was running text, which the
/// excerpt and the plain text took for the article's first words. It is a figure as an <c>image:ID</c> reference is.
/// </summary>
public sealed class UrlImageFigureTests
{
    private static readonly InlineImage LaunchEvent =
        new(12, "https://cdn.example.com/launch.jpg", "阿里雲發布會", "發布會現場", "圖源:ifanr", 1200, 800);

    private static string Render(string markdown) =>
        MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = LaunchEvent }).Html;

    private static AngleSharp.Dom.IElement Body(string markdown) => SafeHtml.Parse(Render(markdown));

    [Fact]
    public void An_image_by_url_with_a_credit_under_it_is_a_figure_with_that_credit() =>
        Assert.Equal(
            "<figure><img src=\"https://cdn.example.com/a.jpg\" alt=\"\" fetchpriority=\"high\"><figcaption><small class=\"credit\">圖源:ifanr</small></figcaption></figure>\n" +
            "<p>正文第一段。</p>",
            Render("![](https://cdn.example.com/a.jpg)\n圖源:ifanr\n\n正文第一段。"));

    [Theory]
    [InlineData("![阿里雲](https://cdn.example.com/a.jpg?w=1200&q=80)\n阿里雲杭州發布會\n圖源：新華社\n\n正文。", "https://cdn.example.com/a.jpg?w=1200&q=80")]
    [InlineData("![阿里雲](/uploads/2024/a.jpg)\n\n阿里雲杭州發布會\n\n圖源：新華社\n\n正文。", "/uploads/2024/a.jpg")]
    [InlineData("![阿里雲](http://example.com/a.jpg)<br>阿里雲杭州發布會<br>圖源：新華社\n\n正文。", "http://example.com/a.jpg")]
    public void Its_caption_and_credit_are_the_label_typed_under_it_and_its_img_keeps_the_url_and_alt(string markdown, string url)
    {
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        var img = body.QuerySelector("figure > img")!;
        Assert.Equal((url, "阿里雲", "high", false), (img.GetAttribute("src"), img.GetAttribute("alt"), img.GetAttribute("fetchpriority"), img.HasAttribute("data-image-id")));
        Assert.Equal("阿里雲杭州發布會 <small class=\"credit\">圖源：新華社</small>", body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("正文。", body.Children[1].TextContent);
    }

    [Fact]
    public void An_image_by_url_alone_with_no_label_is_a_bare_figure() =>
        Assert.Equal(
            "<figure><img src=\"https://example.com/chart.png\" alt=\"跑分圖\" fetchpriority=\"high\"></figure>\n<p>阿里巴巴今天發布了新模型。</p>",
            Render("![跑分圖](https://example.com/chart.png)\n\n阿里巴巴今天發布了新模型。"));

    [Fact]
    public void A_linked_image_by_url_alone_is_a_figure_with_the_link_kept_around_its_img()
    {
        var body = Body("[![Alt](https://cdn.example.com/a.jpg)](https://x.com/full.jpg)\nPhoto: Reuters\n\n正文。");
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        var figure = body.Children[0];
        Assert.Equal(["A", "FIGCAPTION"], figure.Children.Select(child => child.TagName));
        Assert.Equal("https://x.com/full.jpg", figure.Children[0].GetAttribute("href"));
        Assert.Equal("https://cdn.example.com/a.jpg", figure.Children[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("<small class=\"credit\">Photo: Reuters</small>", figure.Children[1].InnerHtml);
    }

    [Fact]
    public void A_row_of_an_image_by_id_and_one_by_url_credits_each_and_keeps_the_id_only_on_the_first()
    {
        var figures = Body("![](image:12)\n![](https://cdn.example.com/b.jpg)\n圖／中央社\n\n正文。").QuerySelectorAll("figure");
        Assert.Equal(["圖／中央社", "圖／中央社"], figures.Select(figure => figure.QuerySelector("small.credit")!.TextContent));
        Assert.Equal(["12", null], figures.Select(figure => figure.QuerySelector("img")!.GetAttribute("data-image-id")));
        Assert.Equal("發布會現場 <small class=\"credit\">圖／中央社</small>", figures[0].QuerySelector("figcaption")!.InnerHtml);
    }

    [Theory]
    // Inside running text, or with text on its line, an image by URL stays an inline img, as before.
    [InlineData("見 ![圖](https://cdn.example.com/a.jpg) 所示", "<p>見 <img src=\"https://cdn.example.com/a.jpg\" alt=\"圖\" fetchpriority=\"high\"> 所示</p>")]
    [InlineData("![圖](https://cdn.example.com/a.jpg) 所示\n圖源:ifanr", "<p><img src=\"https://cdn.example.com/a.jpg\" alt=\"圖\" fetchpriority=\"high\"> 所示圖源:ifanr</p>")]
    public void An_image_by_url_with_text_on_its_line_stays_in_its_paragraph(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    /// <summary>Alone on its line under text, it ends that text's paragraph and is a figure (FigureInsideParagraphTests).</summary>
    [Fact]
    public void An_image_by_url_alone_on_its_line_under_text_ends_the_paragraph() =>
        Assert.Equal(
            "<p>圖源:ifanr</p>\n<figure><img src=\"https://cdn.example.com/a.jpg\" alt=\"圖\" fetchpriority=\"high\"></figure>",
            Render("圖源:ifanr\n![圖](https://cdn.example.com/a.jpg)"));

    [Theory]
    // A refused URL leaves nothing, as before: no figure, and the line under it stays text.
    [InlineData("![](javascript:alert(1))\n圖源:ifanr")]
    [InlineData("![](data:image/png;base64,iVBORw0KGgo=)\n圖源:ifanr")]
    [InlineData("![](https://bank.example@evil.example/a.jpg)\n圖源:ifanr")]
    public void An_image_with_a_refused_url_is_no_figure(string markdown)
    {
        var body = Body(markdown);
        Assert.Empty(body.QuerySelectorAll("figure, img"));
        Assert.Equal("圖源:ifanr", body.TextContent.Trim());
    }

    [Theory]
    [InlineData("![](https://cdn.example.com/a.jpg)\n圖源:ifanr\n\n正文第一段。", "正文第一段。")]
    [InlineData("![](https://cdn.example.com/a.jpg)\n\n圖源:ifanr\n\n正文第一段。", "正文第一段。")]
    [InlineData("![](https://cdn.example.com/a.jpg)\n阿里雲杭州發布會\n圖源:ifanr\n\n正文第一段。", "正文第一段。")]
    [InlineData("[![](https://cdn.example.com/a.jpg)](https://x.com/full.jpg)\n圖源:ifanr\n正文第一段。", "正文第一段。")]
    public void The_excerpt_leaves_out_the_label_of_an_image_by_url(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));

    [Theory]
    [InlineData("![](https://cdn.example.com/a.jpg)\n阿里雲杭州發布會現場\n圖源:ifanr", "阿里雲杭州發布會現場\n圖源:ifanr")]
    [InlineData("![](/a.jpg)\n\nライトアップされた東京駅\n写真：共同通信", "ライトアップされた東京駅\n写真：共同通信")]
    public void The_plain_text_keeps_the_lines_of_its_label_apart(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));

    [Fact]
    public void It_reads_as_an_image_by_id_does_in_the_plain_text_and_the_excerpt()
    {
        const string label = "\n阿里雲杭州發布會現場\n圖源:ifanr\n\n正文第一段。";
        Assert.Equal(MarkdownRenderer.ToPlainText("![](image:12)" + label), MarkdownRenderer.ToPlainText("![](https://cdn.example.com/a.jpg)" + label));
        Assert.Equal(DerivedExcerpt.Of("![](image:12)" + label), DerivedExcerpt.Of("![](https://cdn.example.com/a.jpg)" + label));
    }
}
