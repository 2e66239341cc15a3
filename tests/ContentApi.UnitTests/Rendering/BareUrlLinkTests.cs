using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Bare URLs in Chinese and Japanese sentences. GFM's rules end a URL at white space and ASCII punctuation only, so
/// full-width punctuation right after it (no space is written there) became part of the link, or made the domain
/// invalid so nothing was linked, and a URL in full-width brackets was not linked at all.
/// </summary>
public sealed class BareUrlLinkTests
{
    private static string Render(string markdown) => MarkdownRenderer.Render(markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("請見 https://example.com/a。", "<p>請見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>。</p>")]
    [InlineData("請見 https://example.com/a，了解", "<p>請見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>，了解</p>")]
    [InlineData("請見 https://example.com。", "<p>請見 <a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\">https://example.com</a>。</p>")]
    [InlineData("網址（https://example.com/a）內", "<p>網址（<a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>）內</p>")]
    [InlineData("「www.example.com/路徑」後面", "<p>「<a href=\"http://www.example.com/%E8%B7%AF%E5%BE%91\" rel=\"noopener noreferrer nofollow\">www.example.com/路徑</a>」後面</p>")]
    [InlineData("出處：https://example.com/x?a=1、https://example.org", "<p>出處：<a href=\"https://example.com/x?a=1\" rel=\"noopener noreferrer nofollow\">https://example.com/x?a=1</a>、<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">https://example.org</a></p>")]
    [InlineData("詳見 https://example.com/a”結束", "<p>詳見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>”結束</p>")]
    public void A_bare_URL_ends_at_full_width_punctuation(string markdown, string html) => Assert.Equal(html, Render(markdown));

    [Theory]
    [InlineData("Visit https://example.com/a.", "<p>Visit <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>.</p>")]
    [InlineData("(see https://example.com/a_(b))", "<p>(see <a href=\"https://example.com/a_(b)\" rel=\"noopener noreferrer nofollow\">https://example.com/a_(b)</a>)</p>")]
    [InlineData("維基 https://zh.wikipedia.org/wiki/模型 一文", "<p>維基 <a href=\"https://zh.wikipedia.org/wiki/%E6%A8%A1%E5%9E%8B\" rel=\"noopener noreferrer nofollow\">https://zh.wikipedia.org/wiki/模型</a> 一文</p>")]
    [InlineData("xhttps://example.com", "<p>xhttps://example.com</p>")]
    public void Other_bare_URLs_link_as_before(string markdown, string html) => Assert.Equal(html, Render(markdown));
}
