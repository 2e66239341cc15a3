using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A body pasted from a Windows editor can start with U+FEFF. It is stored as written, but Markdown reads past it, as
/// CommonMark's reference implementation does: the first line was a paragraph "\uFEFF# 標題", and an opening fence was
/// not seen, so its closing fence opened a code block holding the rest of the article.
/// </summary>
public sealed class MarkdownByteOrderMarkTests
{
    private static RenderedArticle Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>());

    [Fact]
    public void A_heading_after_a_byte_order_mark_is_a_heading()
    {
        var rendered = Render("\uFEFF# 標題\n\n正文。");
        Assert.Equal("<h1 id=\"user-content-1-標題\">標題</h1>\n<p>正文。</p>", rendered.Html);
        Assert.Equal("user-content-1-標題", Assert.Single(rendered.Toc).Id);
    }

    [Fact]
    public void A_fence_after_a_byte_order_mark_opens_and_closes_its_code_block() =>
        Assert.Equal("<pre><code>code\n</code></pre>\n<p>正文。</p>", Render("\uFEFF```\ncode\n```\n\n正文。").Html);

    [Fact]
    public void The_plain_text_and_excerpt_leave_out_the_mark_and_the_heading_syntax()
    {
        var plain = MarkdownRenderer.ToPlainText("\uFEFF# 標題\n\n正文。");
        Assert.DoesNotContain('\uFEFF', plain);
        Assert.DoesNotContain("#", plain, StringComparison.Ordinal);
        var stored = MarkdownRenderer.ToPlainTextForStorage("\uFEFF# 標題\n\n正文。", TimeSpan.FromSeconds(10));
        Assert.Equal("正文。", Excerpts.Derive(stored.ExcerptSource, 200));
        var byline = MarkdownRenderer.ToPlainTextForStorage("\uFEFF作者 | 王小明\n\n正文。", TimeSpan.FromSeconds(10));
        Assert.Equal("正文。", Excerpts.Derive(byline.ExcerptSource, 200));
    }
}
