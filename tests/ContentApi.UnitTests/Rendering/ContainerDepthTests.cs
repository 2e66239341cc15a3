using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A line that opens thousands of containers ("- > - > …") is refused before Markdig parses it: Markdig refuses it
/// too, but only after a third of a second or more (found by a fuzz of repeated three-character shapes).
/// </summary>
public sealed class ContainerDepthTests
{
    [Theory]
    [InlineData("text", 0)]
    [InlineData("> quote", 1)]
    [InlineData(">>> quote", 3)]
    [InlineData("- item", 2)]
    [InlineData("- > - item", 5)]
    [InlineData("  + 1. 12) > x", 7)]
    [InlineData("-item", 0)]
    [InlineData("2026. 年", 2)]
    [InlineData("3.5 分", 0)]
    [InlineData("*強調*", 0)]
    public void Counts_quotes_one_level_and_list_items_two(string line, int depth) =>
        Assert.Equal(depth, MarkdownLines.ContainerDepth(line));

    [Theory]
    [InlineData("- > ")]
    [InlineData("+  ")]
    [InlineData(" > ")]
    [InlineData("1. ")]
    public void A_line_nesting_thousands_deep_is_refused_as_too_deep(string unit)
    {
        var body = "正文。\n\n" + string.Concat(Enumerable.Repeat(unit, 5_000));
        Assert.Equal(MarkdownTooComplexException.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.StartsWith("<pre>", MarkdownRenderer.Render(articleId: 1, body, new Dictionary<long, InlineImage>()).Html, StringComparison.Ordinal);
    }

    [Theory]
    // What the reading overstates renders as before (review: the first threshold, the nesting limit, refused them).
    [InlineData("前文。\n\n", "- ", 50, "<hr>")]
    [InlineData("前文。\n\n", "* ", 50, "<hr>")]
    [InlineData("```\n", ">", 100, "<pre><code>")]
    [InlineData("前文。\n\n    ", ">", 100, "<pre><code>")]
    public void Thematic_breaks_and_code_that_look_deep_render(string before, string unit, int count, string html)
    {
        var body = before + string.Concat(Enumerable.Repeat(unit, count)) + "\n";
        Assert.Null(ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.Contains(html, MarkdownRenderer.Render(articleId: 1, body, new Dictionary<long, InlineImage>()).Html, StringComparison.Ordinal);
    }
}
