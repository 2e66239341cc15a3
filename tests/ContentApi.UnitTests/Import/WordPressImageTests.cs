using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A post exported from WordPress (wordpress-export-to-markdown) keeps the pictures it placed as HTML, an <c>&lt;img&gt;</c>
/// alone on its line or inside WordPress's <c>[caption]</c> shortcode: the API renders no raw HTML, so readers saw the
/// tags as text and the article had none of those pictures.
/// </summary>
public sealed class WordPressImageTests
{
    private static ImportResult Parse(params string[] bodyLines) => Import.Body(bodyLines);

    [Theory]
    [InlineData("<img src=\"https://old.example.com/wp-content/uploads/2022/05/logo.png\" alt=\"園區 Logo\">", "園區 Logo", null)]
    [InlineData("<img class=\"aligncenter size-full\" src='https://old.example.com/wp-content/uploads/2022/05/logo.png' alt=\"園區 &amp; Logo\" width=\"640\" height=\"480\" />", "園區 & Logo", null)]
    [InlineData("<a href=\"https://old.example.com/wp-content/uploads/2022/05/logo-full.png\"><img src=\"https://old.example.com/wp-content/uploads/2022/05/logo.png\" /></a>", "", null)]
    [InlineData("[caption id=\"attachment_123\" align=\"aligncenter\" width=\"640\"]<img src=\"https://old.example.com/wp-content/uploads/2022/05/logo.png\" alt=\"晶圓廠\" width=\"640\" height=\"480\" /> 晶圓廠內部[/caption]", "晶圓廠", "晶圓廠內部")]
    public void Parse_an_img_tag_alone_on_its_line_is_the_image_it_places(string line, string alt, string? caption)
    {
        var result = Parse("1980 年，新竹科學園區正式成立。", "", line, "", "今天園區年營業額超過兩兆新台幣。");

        Assert.Empty(result.Problems);
        var image = Assert.Single(result.Document!.Images);
        Assert.Equal(("https://old.example.com/wp-content/uploads/2022/05/logo.png", alt, caption), (image.Url, image.AltText, image.Caption));
        Assert.Equal(
            $"1980 年，新竹科學園區正式成立。\n\n{HugoFigure.ImageOpening(alt)}image:{{0}})\n\n今天園區年營業額超過兩兆新台幣。\n", result.Document.BodyTemplate);
    }

    [Fact]
    public void Parse_the_credit_under_an_img_tag_is_its_credit()
    {
        var result = Parse("<img src=\"https://old.example.com/a.jpg\" alt=\"園區\">", "圖源：科管局");

        var image = Assert.Single(result.Document!.Images);
        Assert.Equal("圖源：科管局", image.Credit);
    }

    [Theory]
    [InlineData("園區一景 <img src=\"https://old.example.com/a.jpg\" alt=\"園區\"> 如圖。")]
    [InlineData("<img alt=\"no source\">")]
    [InlineData("<img src=\"https://old.example.com/a.jpg\" onerror=\"alert(1)\"><img src=\"https://old.example.com/b.jpg\">")]
    public void Parse_other_html_stays_as_written_with_the_warning(string line)
    {
        var result = Parse(line);

        Assert.Empty(result.Document!.Images);
        Assert.Contains(line, result.Document.BodyTemplate, StringComparison.Ordinal);
        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("HTML tags", StringComparison.Ordinal));
    }
}
