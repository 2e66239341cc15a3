using AngleSharp.Dom;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>Footnotes, as long-form writing uses them: "正文[^1]" and, anywhere, "[^1]: 註".</summary>
public sealed class MarkdownRendererFootnoteTests
{
    private const string Body = "阿里巴巴發布新模型[^1]，表現出色。\n\n[^1]: 數據來自[官方部落格](https://qwenlm.github.io)。";

    private static IElement Render(string markdown) => SafeHtml.Parse(MarkdownRenderer.Render(markdown, new Dictionary<long, InlineImage>()).Html);

    [Fact]
    public void A_footnote_is_a_numbered_link_to_its_note_in_a_list_at_the_end()
    {
        var body = Render(Body);
        var reference = body.QuerySelector("p a.footnote-ref")!;
        Assert.Equal("#fn:1", reference.GetAttribute("href"));
        Assert.Equal("1", reference.TextContent);
        var note = body.QuerySelector("div.footnotes ol li#fn\\:1")!;
        Assert.Equal("數據來自官方部落格。↩", note.TextContent.Trim());
        Assert.Equal("#fnref:1", note.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
        Assert.Equal(ArticleHtmlSanitizer.ExternalLinkRel, note.QuerySelector("a[href^=https]")!.GetAttribute("rel"));
    }

    [Fact]
    public void The_note_is_text_of_the_article_but_not_of_its_excerpt()
    {
        var measured = ArticleText.Measure(Body);
        Assert.Equal("阿里巴巴發布新模型，表現出色。\n數據來自官方部落格。", measured.PlainText);
        Assert.Equal("阿里巴巴發布新模型，表現出色。", measured.DerivedExcerpt);
    }

    [Fact]
    public void A_reference_without_a_note_stays_the_text_it_is() =>
        Assert.Equal("<p>正文[^9]。</p>", Render("正文[^9]。").InnerHtml);
}
