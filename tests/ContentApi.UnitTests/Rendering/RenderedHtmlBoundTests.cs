using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A body whose HTML would be many times its length comes back as its escaped source, like a body too complex to
/// parse: 100,000 references to one footnote rendered 14 MB of HTML at every read (found by a probe), too large for
/// the rendered-body cache, so every read took seconds.
/// </summary>
public sealed class RenderedHtmlBoundTests
{
    private static readonly Dictionary<long, InlineImage> NoImages = [];

    public static TheoryData<string> Expanding => new()
    {
        string.Concat(Enumerable.Repeat("[^a]\n", 10_000)) + "\n[^a]: 註\n",
        "[a]: https://example.com/" + new string('x', 2_000) + "\n\n" + string.Concat(Enumerable.Repeat("[a] ", 1_000)),
        // A long title, and a URL whose characters are percent-escaped, slipped past the write-time estimate (review).
        "[a]: https://example.com \"" + new string('t', 2_000) + "\"\n\n" + string.Concat(Enumerable.Repeat("[a] ", 1_000)),
        "[a]: https://example.com/" + new string('中', 1_000) + "\n\n" + string.Concat(Enumerable.Repeat("[a] ", 400)),
    };

    [Theory]
    [MemberData(nameof(Expanding))]
    public void A_body_rendering_to_more_than_its_bound_is_shown_as_its_source(string markdown)
    {
        var html = MarkdownRenderer.Render(articleId: 1, markdown, NoImages).Html;

        Assert.StartsWith("<pre>", html, StringComparison.Ordinal);
        Assert.True(html.Length <= MarkdownRenderer.MaxHtmlCharacters(markdown), $"{html.Length} characters");
    }

    [Theory]
    [MemberData(nameof(Expanding))]
    public void A_body_rendering_past_its_bound_is_refused_when_written(string markdown) =>
        // So its author hears it at once, not every reader later (review: it was stored with a 201).
        Assert.True(ArticleText.Measure(markdown, ParseLimits.Unhurried).Html!.RendersPastBound(NoImages));

    [Fact]
    public void A_long_article_with_many_links_footnotes_and_images_renders_as_html()
    {
        var image = new InlineImage(1, "https://cdn.example.com/" + new string('p', 2_000) + ".jpg", "圖", "發布會現場", "圖源:ifanr", 1200, 800);
        var body = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"第 {i} 段，據[報導](https://example.com/news/{i})指出[^{i}]，詳見 https://example.org/{i}。\n\n![](image:1)\n圖源:ifanr\n\n[^{i}]: 註 {i}\n\n"));

        var html = MarkdownRenderer.Render(articleId: 1, body, new Dictionary<long, InlineImage> { [1] = image }).Html;

        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        Assert.Equal(300, html.Split("<figure>").Length - 1);
    }

    [Fact]
    public void A_long_article_with_many_links_and_footnotes_is_stored()
    {
        var body = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"第 {i} 段，據[報導](https://example.com/news/{i})指出[^{i}]。\n\n[^{i}]: 註 {i}\n\n"));
        var stats = ArticleText.Measure(body, ParseLimits.Unhurried);
        Assert.Null(stats.TooComplex);
        Assert.False(stats.Html!.RendersPastBound(NoImages));
    }
}
