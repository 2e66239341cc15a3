using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hugo's built-in figure shortcode (<c>{{&lt; figure src=… caption=… attr=… &gt;}}</c>), how Hugo sites place a picture
/// with its caption and credit, was left in the body as written with a warning: every imported article showed the
/// shortcode as text and had no image.
/// </summary>
public sealed class HugoFigureTests
{
    private static ImportResult Parse(params string[] bodyLines) => Import.Body(bodyLines);

    [Theory]
    [InlineData("{{< figure src=\"https://images.example.com/a.jpg\" alt=\"台北101\" caption=\"台北101跨年煙火\" attr=\"中央社\" >}}")]
    [InlineData("{{% figure src=\"https://images.example.com/a.jpg\" alt=\"台北101\" caption=\"台北101跨年煙火\" attr=\"中央社\" %}}")]
    [InlineData("  {{<figure src=`https://images.example.com/a.jpg` caption=\"台北101跨年煙火\" alt=\"台北101\" attr=中央社 />}}")]
    public void Parse_a_figure_shortcode_is_the_image_with_its_caption_and_credit(string shortcode)
    {
        var result = Parse("Lead.", "", shortcode, "", "Next.");

        Assert.Empty(result.Problems);
        var image = Assert.Single(result.Document!.Images);
        Assert.Equal(("https://images.example.com/a.jpg", "台北101", "台北101跨年煙火", "中央社"), (image.Url, image.AltText, image.Caption, image.Credit));
        Assert.Equal($"Lead.\n\n{(shortcode.StartsWith(' ') ? "  " : "")}![台北101](image:{{0}})\n\nNext.\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_figures_and_markdown_images_keep_the_bodys_order()
    {
        var document = Parse(
            "![first](https://images.example.com/1.jpg)", "", "{{< figure src=\"https://images.example.com/2.jpg\" >}}", "",
            "![third](https://images.example.com/3.jpg)").Document!;
        Assert.Equal(["1.jpg", "2.jpg", "3.jpg"], document.Images.Select(image => image.Url[^5..]));
        Assert.Equal("![first](image:{0})\n\n![](image:{1})\n\n![third](image:{2})\n", document.BodyTemplate);
    }

    [Theory]
    [InlineData("alt=\"a [b] \\\\ c\"", "![a \\[b\\] \\\\ c](image:{0})\n", "a [b] \\ c", null)]
    [InlineData("caption=\"He said \\\"hi\\\"\\u00e9\"", "![](image:{0})\n", "", "He said \"hi\"é")]
    public void Parse_a_figures_text_is_read_as_hugo_reads_it(string attribute, string body, string alt, string? caption)
    {
        var document = Parse($"{{{{< figure src=\"https://images.example.com/a.jpg\" {attribute} >}}}}").Document!;
        Assert.Equal((alt, caption), (document.Images[0].AltText, document.Images[0].Caption));
        Assert.Equal(body, document.BodyTemplate);
    }

    [Fact]
    public void Parse_a_figure_of_a_picture_relative_to_the_site_stays_as_written_with_a_warning()
    {
        var result = Parse("{{< figure src=\"/images/a.png\" caption=\"C\" >}}");
        Assert.Empty(result.Document!.Images);
        Assert.Equal("{{< figure src=\"/images/a.png\" caption=\"C\" >}}\n", result.Document.BodyTemplate);
        Assert.Contains(result.Problems, problem => problem.Severity == ImportSeverity.Warning && problem.Message.Contains("/images/a.png", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("```", "{{< figure src=\"https://images.example.com/a.jpg\" >}}", "```")]
    [InlineData("See {{< figure src=\"https://images.example.com/a.jpg\" >}} here.")]
    [InlineData("{{< figure caption=\"no source\" >}}")]
    [InlineData("{{< highlight go >}}")]
    public void Parse_other_shortcodes_and_figures_not_alone_on_their_line_stay_as_written(params string[] body)
    {
        var result = Parse(body);
        Assert.Empty(result.Document!.Images);
        Assert.Equal(string.Join("\n", body) + "\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_warns_of_other_shortcodes_but_not_of_the_figures_it_reads()
    {
        var figureOnly = Parse("{{< figure src=\"https://images.example.com/a.jpg\" >}}");
        Assert.Empty(figureOnly.Problems);
        var both = Parse("{{< figure src=\"https://images.example.com/a.jpg\" >}}", "", "{{< highlight go >}}");
        Assert.Equal(8, Assert.Single(both.Problems).Line);
    }
}
