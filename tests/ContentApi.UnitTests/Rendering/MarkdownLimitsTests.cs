using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

public sealed class MarkdownLimitsTests
{
    [Theory]
    [InlineData("```", "")]
    [InlineData("Before\n\n~~~\n", "Before")]
    public void An_empty_code_block_adds_no_text(string body, string text) =>
        Assert.Equal(text, ArticleText.Measure(body, ParseLimits.Unhurried).PlainText);

    [Fact]
    public void Nesting_at_the_limit_is_stored_and_renders()
    {
        var body = new string('[', ArticleMarkdown.MaxDepth - 10) + "x";
        Assert.Null(ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.StartsWith("<p>[[[", MarkdownRenderer.Render(articleId: 1, body, new Dictionary<long, InlineImage>()).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- ", 48)]
    [InlineData("> ", 96)]
    public void Lists_and_quotes_nest_as_deep_as_the_refusal_says(string marker, int deepest)
    {
        Assert.Null(ArticleText.Measure(string.Concat(Enumerable.Repeat(marker, deepest)) + "x", ParseLimits.Unhurried).TooComplex);
        var refusal = ArticleText.Measure(string.Concat(Enumerable.Repeat(marker, deepest + 1)) + "x", ParseLimits.Unhurried).TooComplex;
        Assert.Equal(MarkdownTooComplexException.Explanation, refusal);
        if (marker == "- ")
        {
            Assert.Contains($"at most {deepest} deep", refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(128, MarkdownTooComplexException.Explanation)]
    [InlineData(20_000, MarkdownScanCost.Explanation)] // so many brackets are refused before they are parsed
    public void Nesting_the_renderer_cannot_follow_is_refused_for_storage_but_read_as_source(int brackets, string refusal)
    {
        var body = new string('[', brackets);
        Assert.Equal(refusal, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
        Assert.Equal($"<pre>{body}</pre>", MarkdownRenderer.Render(articleId: 1, body, new Dictionary<long, InlineImage>()).Html);
        _ = MarkdownRenderer.ToPlainText(body);
    }
}
