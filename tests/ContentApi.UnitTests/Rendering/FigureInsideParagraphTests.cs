using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Pasted text often has no blank line before its image: the image alone on its line after the paragraph's text was a
/// plain img inside that paragraph, its credit line running on as text ("…上路。 &lt;img&gt; 圖／中央社"), and the excerpt
/// took the credit ("…上路。圖／中央社 第二段。").
/// </summary>
public sealed class FigureInsideParagraphTests
{
    private static readonly InlineImage Agency = new(3, "https://cdn.example.com/a.jpg", "蘋果派", "原始圖說蘋果派", "中央社", 1200, 800);

    private static AngleSharp.Dom.IElement Body(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [3] = Agency }).Html);

    private const string Lead = "行政院今天宣布新的補助方案，將於明年上路。";

    [Theory]
    [InlineData(Lead + "\n![](image:3)\n圖／中央社\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">圖／中央社</small>")]
    [InlineData(Lead + "\n![](image:3)\n補助方案說明會現場\n圖／中央社\n\n第二段。", "補助方案說明會現場 <small class=\"credit\">圖／中央社</small>")]
    [InlineData(Lead + "\n![](image:3)\nREUTERS/Ann Wang\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">REUTERS/Ann Wang</small>")]
    [InlineData(Lead + "\n![](image:3)\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">中央社</small>")]
    [InlineData("行政院今天宣布新的補助方案，\n將於明年上路。\n![](https://cdn.example.com/b.jpg)\n圖／中央社\n\n第二段。", "<small class=\"credit\">圖／中央社</small>")]
    public void An_image_alone_on_its_line_after_text_ends_the_paragraph_and_is_a_figure(string markdown, string figcaption)
    {
        var body = Body(markdown);
        Assert.Equal(["P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal(Lead, body.Children[0].TextContent);
        Assert.Equal(figcaption, body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("第二段。", body.Children[2].TextContent);
        Assert.Equal(Lead + "第二段。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>
    /// Review: after a hard break written &lt;br&gt;, as HTML converted to Markdown writes lines, the image stayed an img in
    /// the text, its credit running on into the excerpt; it ends the paragraph as a line break does.
    /// </summary>
    [Theory]
    [InlineData(Lead + "<br>![](image:3)\n圖／中央社\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">圖／中央社</small>")]
    [InlineData(Lead + "<br>![](image:3)<br>圖／中央社\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">圖／中央社</small>")]
    [InlineData(Lead + "<br/> ![](image:3)\n\n第二段。", "原始圖說蘋果派 <small class=\"credit\">中央社</small>")]
    public void An_image_alone_after_a_br_ends_the_paragraph_and_is_a_figure(string markdown, string figcaption)
    {
        var body = Body(markdown);
        Assert.Equal(["P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal(Lead, body.Children[0].TextContent);
        Assert.Equal(figcaption, body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal(Lead + "第二段。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>
    /// Review: a table cell, where GFM writes a line as a &lt;br&gt;, was split into a paragraph and a figure, with the
    /// image's caption and credit, by the rule above: a cell of thumbnails changed its layout. A cell stays as written.
    /// </summary>
    [Fact]
    public void An_image_after_a_br_in_a_table_cell_stays_in_the_cell_as_written()
    {
        var body = Body("| a | b |\n|---|---|\n| 說明<br>![](image:3) | x |");
        var cell = body.QuerySelector("td")!;
        Assert.Null(cell.QuerySelector("p"));
        Assert.Null(body.QuerySelector("figure"));
        Assert.NotNull(cell.QuerySelector("br + img"));
    }

    [Fact]
    public void Text_after_the_figures_label_in_the_same_paragraph_is_a_paragraph_of_its_own()
    {
        var markdown = Lead + "\n![](image:3)\n圖／中央社\n補助將分三年發放，總額五百億元。";
        var body = Body(markdown);
        Assert.Equal(["P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("補助將分三年發放，總額五百億元。", body.Children[2].TextContent);
        Assert.Equal(Lead + "補助將分三年發放，總額五百億元。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>An image with text on its own line is part of that text, as before.</summary>
    [Theory]
    [InlineData(Lead + "\n![](image:3) 圖／中央社\n\n第二段。")]
    [InlineData(Lead + " ![](image:3)\n圖／中央社\n\n第二段。")]
    [InlineData("行政院 ![](image:3) 今天宣布。")]
    [InlineData(Lead + "<br>![](image:3) 圖／中央社\n\n第二段。")]
    public void An_image_sharing_its_line_with_text_stays_in_the_paragraph(string markdown)
    {
        var body = Body(markdown);
        Assert.Null(body.QuerySelector("figure"));
        Assert.NotNull(body.QuerySelector("p img"));
    }
}
