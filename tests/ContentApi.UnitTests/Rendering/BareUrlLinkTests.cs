using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Bare URLs in Chinese and Japanese sentences. GFM's rules end a URL at white space and ASCII punctuation only, so
/// full-width punctuation right after it (no space is written there) became part of the link, or made the domain
/// invalid so nothing was linked, and a URL in full-width brackets was not linked at all.
/// </summary>
public sealed class BareUrlLinkTests
{
    private static string Render(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("請見 https://example.com/a。", "<p>請見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>。</p>")]
    [InlineData("請見 https://example.com/a，了解", "<p>請見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>，了解</p>")]
    [InlineData("請見 https://example.com。", "<p>請見 <a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\">https://example.com</a>。</p>")]
    [InlineData("網址（https://example.com/a）內", "<p>網址（<a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>）內</p>")]
    [InlineData("「www.example.com/路徑」後面", "<p>「<a href=\"http://www.example.com/%E8%B7%AF%E5%BE%91\" rel=\"noopener noreferrer nofollow\">www.example.com/路徑</a>」後面</p>")]
    [InlineData("出處：https://example.com/x?a=1、https://example.org", "<p>出處：<a href=\"https://example.com/x?a=1\" rel=\"noopener noreferrer nofollow\">https://example.com/x?a=1</a>、<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">https://example.org</a></p>")]
    [InlineData("詳見 https://example.com/a”結束", "<p>詳見 <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>”結束</p>")]
    public void A_bare_URL_ends_at_full_width_punctuation(string markdown, string html) => Assert.Equal(html, Render(markdown));

    /// <summary>
    /// Review: Chinese and Japanese writers type no space before a URL, and GFM links a bare one only after white space
    /// or a few ASCII marks, so "請見https://…" stayed plain text. One right after a Han, kana, Hangul or full-width
    /// character is linked as after a space; one glued to a Latin letter or digit is still not.
    /// </summary>
    [Theory]
    [InlineData("請見https://zh.wikipedia.org/wiki/台灣，謝謝。", "<p>請見<a href=\"https://zh.wikipedia.org/wiki/%E5%8F%B0%E7%81%A3\" rel=\"noopener noreferrer nofollow\">https://zh.wikipedia.org/wiki/台灣</a>，謝謝。</p>")]
    [InlineData("详见www.example.com。", "<p>详见<a href=\"http://www.example.com\" rel=\"noopener noreferrer nofollow\">www.example.com</a>。</p>")]
    [InlineData("詳しくはhttps://example.jp/a", "<p>詳しくは<a href=\"https://example.jp/a\" rel=\"noopener noreferrer nofollow\">https://example.jp/a</a></p>")]
    [InlineData("ソースhttps://example.jp/a", "<p>ソース<a href=\"https://example.jp/a\" rel=\"noopener noreferrer nofollow\">https://example.jp/a</a></p>")]
    [InlineData("출처https://example.kr/a", "<p>출처<a href=\"https://example.kr/a\" rel=\"noopener noreferrer nofollow\">https://example.kr/a</a></p>")]
    [InlineData("ＵＲＬhttps://example.com/a", "<p>ＵＲＬ<a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a></p>")]
    [InlineData("𠮷野家https://example.jp/a", "<p>𠮷野家<a href=\"https://example.jp/a\" rel=\"noopener noreferrer nofollow\">https://example.jp/a</a></p>")]
    [InlineData("𠮷https://example.jp/a", "<p>𠮷<a href=\"https://example.jp/a\" rel=\"noopener noreferrer nofollow\">https://example.jp/a</a></p>")]
    public void A_bare_URL_right_after_CJK_text_is_linked(string markdown, string html) => Assert.Equal(html, Render(markdown));

    /// <summary>
    /// Review: a domain typed right before Chinese text ("請至www.gov.tw查詢") took the words into its top-level domain, so
    /// the link went to http://www.gov.xn--tw-328di57j, a host that cannot exist: no top-level domain mixes ASCII letters
    /// with ideographs (nor a port: example.com:8080查詢). The link ends where the ASCII domain or port does, before a Korean
    /// particle too (www.naver.com에서); a domain all in Chinese (例子.测试) keeps its letters, a path its ideographs.
    /// </summary>
    [Theory]
    [InlineData("請至www.gov.tw查詢。", "<p>請至<a href=\"http://www.gov.tw\" rel=\"noopener noreferrer nofollow\">www.gov.tw</a>查詢。</p>")]
    [InlineData("官網https://qwen.ai了解更多", "<p>官網<a href=\"https://qwen.ai\" rel=\"noopener noreferrer nofollow\">https://qwen.ai</a>了解更多</p>")]
    [InlineData("請見 https://www.gov.tw查詢", "<p>請見 <a href=\"https://www.gov.tw\" rel=\"noopener noreferrer nofollow\">https://www.gov.tw</a>查詢</p>")]
    [InlineData("公式サイトhttps://example.jpをご覧ください", "<p>公式サイト<a href=\"https://example.jp\" rel=\"noopener noreferrer nofollow\">https://example.jp</a>をご覧ください</p>")]
    [InlineData("자세한 내용은 www.naver.com에서 확인하세요.", "<p>자세한 내용은 <a href=\"http://www.naver.com\" rel=\"noopener noreferrer nofollow\">www.naver.com</a>에서 확인하세요.</p>")]
    [InlineData("請見https://example.com:8080查詢", "<p>請見<a href=\"https://example.com:8080\" rel=\"noopener noreferrer nofollow\">https://example.com:8080</a>查詢</p>")]
    [InlineData("請見https://www.gov.tw/查詢", "<p>請見<a href=\"https://www.gov.tw/%E6%9F%A5%E8%A9%A2\" rel=\"noopener noreferrer nofollow\">https://www.gov.tw/查詢</a></p>")]
    [InlineData("請見 https://例子.测试/路径 一文", "<p>請見 <a href=\"https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84\" rel=\"noopener noreferrer nofollow\">https://例子.测试/路径</a> 一文</p>")]
    public void A_bare_URL_s_domain_ends_before_the_Chinese_text_after_it(string markdown, string html) => Assert.Equal(html, Render(markdown));

    [Fact]
    public void The_plain_text_of_a_domain_run_into_Chinese_text_is_as_written() =>
        Assert.Equal("請至www.gov.tw查詢。", MarkdownRenderer.ToPlainText("請至www.gov.tw查詢。"));

    [Theory]
    [InlineData("abchttps://example.com/a")]
    [InlineData("123https://example.com/a")]
    [InlineData("abcwww.example.com")]
    [InlineData("😀https://example.com/a")]
    public void A_bare_URL_glued_to_a_Latin_letter_digit_or_emoji_stays_text(string markdown) =>
        Assert.Equal($"<p>{markdown}</p>", Render(markdown));

    [Fact]
    public void The_plain_text_of_a_URL_after_CJK_text_is_as_written() =>
        Assert.Equal("請見https://zh.wikipedia.org/wiki/台灣，謝謝。", MarkdownRenderer.ToPlainText("請見https://zh.wikipedia.org/wiki/台灣，謝謝。"));

    [Theory]
    [InlineData("Visit https://example.com/a.", "<p>Visit <a href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\">https://example.com/a</a>.</p>")]
    [InlineData("(see https://example.com/a_(b))", "<p>(see <a href=\"https://example.com/a_(b)\" rel=\"noopener noreferrer nofollow\">https://example.com/a_(b)</a>)</p>")]
    [InlineData("維基 https://zh.wikipedia.org/wiki/模型 一文", "<p>維基 <a href=\"https://zh.wikipedia.org/wiki/%E6%A8%A1%E5%9E%8B\" rel=\"noopener noreferrer nofollow\">https://zh.wikipedia.org/wiki/模型</a> 一文</p>")]
    [InlineData("xhttps://example.com", "<p>xhttps://example.com</p>")]
    [InlineData("https://en.wikipedia.org/wiki/Israel–Hamas_war", "<p><a href=\"https://en.wikipedia.org/wiki/Israel%E2%80%93Hamas_war\" rel=\"noopener noreferrer nofollow\">https://en.wikipedia.org/wiki/Israel–Hamas_war</a></p>")]
    [InlineData("https://example.com/ｶﾀｶﾅ", "<p><a href=\"https://example.com/%EF%BD%B6%EF%BE%80%EF%BD%B6%EF%BE%85\" rel=\"noopener noreferrer nofollow\">https://example.com/ｶﾀｶﾅ</a></p>")]
    public void Other_bare_URLs_link_as_before(string markdown, string html) => Assert.Equal(html, Render(markdown));

    /// <summary>
    /// Every letter that could start a URL read the paragraph to its end looking for full-width punctuation: a
    /// 30,000-character English article of short lines took a second to parse and was refused. Now only text that
    /// starts as a URL is scanned, and only to the first white space.
    /// </summary>
    [Theory]
    [InlineData("https://example.com/a b。", 21)]
    [InlineData("https://example.com/a\nb。", 21)]
    [InlineData("https://example.com/a。 b", 21)]
    [InlineData("https://example.com/a", -1)]
    public void The_scan_for_a_URL_s_end_stops_at_white_space(string text, int end) =>
        Assert.Equal(end, FullWidthAwareAutoLinks.ScanEnd(text));

    [Theory]
    [InlineData("the weather was fine with white hats", false)]
    [InlineData("wwwx", false)]
    [InlineData("www.example.com", true)]
    [InlineData("HTTPS://example.com", true)]
    [InlineData("mailto:a@example.com", true)]
    public void Only_text_that_starts_as_a_URL_is_scanned(string text, bool scanned) =>
        Assert.Equal(scanned, FullWidthAwareAutoLinks.StartsUrl(text));

    [Fact]
    public void A_long_paragraph_of_short_lines_is_stored_and_renders()
    {
        var paragraph = string.Concat(Enumerable.Repeat("the weather was fine with white hats, though few wore them\n", 600));
        Assert.Null(ContentApi.Text.ArticleText.Measure(paragraph, ParseLimits.Unhurried).TooComplex);
        Assert.StartsWith("<p>the weather", Render(paragraph), StringComparison.Ordinal);
    }
}
