using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Minimal Mistakes, the most used Jekyll theme, places a picture with its caption by an include,
/// <c>{% include figure image_path="…" alt="…" caption="…" %}</c>: import left it as written, with a warning, so readers
/// saw the tag and the article had no image.
/// </summary>
public sealed class JekyllFigureTests
{
    private static ImportResult Parse(params string[] bodyLines) => Import.Body(bodyLines);

    [Theory]
    [InlineData("{% include figure image_path=\"https://images.example.com/a.jpg\" alt=\"台北101\" caption=\"台北101跨年煙火\" %}")]
    [InlineData("{% include figure.html popup=true image_path='https://images.example.com/a.jpg' alt='台北101' caption='台北101跨年煙火' %}")]
    [InlineData("  {%- include figure image_path=\"https://images.example.com/a.jpg\" caption=\"台北101跨年煙火\" alt=\"台北101\" -%}")]
    public void Parse_a_figure_include_is_the_image_with_its_caption(string include)
    {
        var result = Parse("Lead.", "", include, "", "Next.");

        Assert.Empty(result.Problems);
        var image = Assert.Single(result.Document!.Images);
        Assert.Equal(("https://images.example.com/a.jpg", "台北101", "台北101跨年煙火", (string?)null), (image.Url, image.AltText, image.Caption, image.Credit));
        Assert.Equal($"Lead.\n\n{(include.StartsWith(' ') ? "  " : "")}![台北101](image:{{0}})\n\nNext.\n", result.Document.BodyTemplate);
    }

    [Theory]
    [InlineData("{% include figure caption=\"no picture\" %}")]
    [InlineData("{% include gallery caption=\"A gallery\" %}")]
    [InlineData("See {% include figure image_path=\"https://images.example.com/a.jpg\" %} here.")]
    public void Parse_other_includes_stay_as_written_with_the_warning(string line)
    {
        var result = Parse(line);
        Assert.Empty(result.Document!.Images);
        Assert.Contains(result.Problems, problem => problem.Message.StartsWith("Liquid tags", StringComparison.Ordinal));
    }
}
