using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hexo, the generator most Chinese-language blogs are written with, places pictures and videos with its tag plugins,
/// <c>{% img … %}</c>, <c>{% asset_img … %}</c> (a picture in the post's asset folder) and <c>{% youtube … %}</c>: import
/// left them as written, told as Liquid tags, so readers saw the tags and the article had none of its pictures.
/// </summary>
public sealed class HexoTagTests
{
    private static ImportResult Parse(string file, ParseOptions options, params string[] bodyLines) =>
        MarkdownImportParser.Parse(file, Import.Lines(["---", "title: T", "authors: []", "---", "", .. bodyLines]), options);

    [Theory]
    [InlineData("{% img https://cdn.example.com/tsmc.jpg 台積電總部 %}", "台積電總部")]
    [InlineData("{% img full-width https://cdn.example.com/tsmc.jpg 640 480 台積電總部 %}", "台積電總部")]
    [InlineData("{% img https://cdn.example.com/tsmc.jpg 640 '\"台積電\" \"台積電總部大樓\"' %}", "台積電總部大樓")]
    [InlineData("{% img https://cdn.example.com/tsmc.jpg %}", "")]
    public void Parse_an_img_tag_is_the_image_it_places(string tag, string alt)
    {
        var result = Parse("post.md", ParseOptions.None, "法說會重點。", "", tag, "", "下一段。");

        Assert.Empty(result.Problems);
        var image = Assert.Single(result.Document!.Images);
        Assert.Equal(("https://cdn.example.com/tsmc.jpg", alt), (image.Url, image.AltText));
        Assert.Equal($"法說會重點。\n\n![{alt}](image:{{0}})\n\n下一段。\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_an_asset_img_tag_is_the_picture_in_the_posts_asset_folder_with_its_credit()
    {
        var options = new ParseOptions(ImagePage: new Uri("https://blog.example.com/"));

        var result = Parse("source/_posts/qwen3-max.md", options, "{% asset_img 發布會.jpg 阿里雲發布會現場 %}", "圖源:ifanr", "", "正文。");

        Assert.Empty(result.Problems);
        var image = Assert.Single(result.Document!.Images);
        Assert.Equal(
            ("https://blog.example.com/qwen3-max/%E7%99%BC%E5%B8%83%E6%9C%83.jpg", "阿里雲發布會現場", "圖源:ifanr"),
            (image.Url, image.AltText, image.Credit));
        Assert.Equal("![阿里雲發布會現場](image:{0})\n\n正文。\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_an_asset_img_tag_without_an_image_base_url_stays_as_written_with_a_warning()
    {
        var result = Parse("source/_posts/qwen3-max.md", ParseOptions.None, "{% asset_img cover.jpg 封面 %}");

        Assert.Empty(result.Document!.Images);
        Assert.Contains("{% asset_img cover.jpg 封面 %}", result.Document.BodyTemplate, StringComparison.Ordinal);
        Assert.Contains(result.Problems, problem => problem.Severity == ImportSeverity.Warning);
    }

    [Theory]
    [InlineData("{% youtube dQw4w9WgXcQ %}", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("{% youtube dQw4w9WgXcQ video false %}", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("{% vimeo 76979871 %}", "https://vimeo.com/76979871")]
    public void Parse_an_embed_tag_is_the_link_to_what_it_embeds(string tag, string url)
    {
        var result = Parse("post.md", ParseOptions.None, "影片如下：", "", tag);

        Assert.Empty(result.Problems);
        Assert.Equal($"影片如下：\n\n<{url}>\n", result.Document!.BodyTemplate);
    }

    [Theory]
    [InlineData("{% blockquote 吳泳銘 %}")]
    [InlineData("{% youtube PLxyz\"bad %}")]
    [InlineData("見 {% img https://cdn.example.com/tsmc.jpg 台積電 %} 一圖。")]
    public void Parse_other_tags_stay_as_written_with_the_warning(string line)
    {
        var result = Parse("post.md", ParseOptions.None, line);

        Assert.Empty(result.Document!.Images);
        Assert.Contains(line, result.Document.BodyTemplate, StringComparison.Ordinal);
        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("Liquid tags", StringComparison.Ordinal));
    }

    /// <summary>A line opening a tag, then a long run of spaces, took time in the square of its length (80,000 spaces: 16 s).</summary>
    [Fact]
    public void Parse_a_long_line_that_is_no_tag_is_read_in_linear_time() =>
        // In the square of its length before, this line took minutes; tests assert no wall-clock time, so a return at all is the check.
        Assert.Null(HexoTag.Parse("{% img a" + new string(' ', 50_000) + "b"));
}
