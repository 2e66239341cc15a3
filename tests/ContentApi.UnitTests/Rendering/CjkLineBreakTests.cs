using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A line wrapped inside Chinese or Japanese text is one run of text in the HTML, as in the plain text, excerpt and
/// search: Chromium drew the newline between 這裡 and 換行 as a space (found by a probe in a browser).
/// </summary>
public sealed class CjkLineBreakTests
{
    private static string Html(string markdown) => MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage>()).Html;

    [Theory]
    [InlineData("編輯在這裡\n換行了。", "<p>編輯在這裡換行了。</p>")]
    [InlineData("日本語の文章も\n途中で改行される。", "<p>日本語の文章も途中で改行される。</p>")]
    [InlineData("他說：\n「好。」", "<p>他說：「好。」</p>")]
    [InlineData("**粗體**\n之後", "<p><strong>粗體</strong>之後</p>")]
    [InlineData("[連結](https://example.com/)\n之後", "<p><a href=\"https://example.com/\" rel=\"noopener noreferrer nofollow\">連結</a>之後</p>")]
    public void A_soft_break_between_chinese_or_japanese_characters_writes_nothing(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    /// <summary>
    /// Full-width punctuation carries its own space: a line wrapped after "，" before a Latin word or a “ quote was
    /// drawn as a space after the comma ("製程， GPU"), where the excerpt, which reads the same lines, shows none.
    /// </summary>
    [Theory]
    [InlineData("採3奈米製程，\nGPU效能提升20%。", "<p>採3奈米製程，GPU效能提升20%。</p>")]
    [InlineData("市府表示，\n“目前已有三萬戶停電”。", "<p>市府表示，“目前已有三萬戶停電”。</p>")]
    [InlineData("新款 iPhone 15 Pro\n（蘋果）今天開賣。", "<p>新款 iPhone 15 Pro（蘋果）今天開賣。</p>")]
    [InlineData("**蘋果表示，**\nGPU 更快。", "<p><strong>蘋果表示，</strong>GPU 更快。</p>")]
    public void A_soft_break_beside_full_width_punctuation_writes_nothing(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    /// <summary>
    /// Full-width letters and digits are as wide as the characters around them, as Japanese papers write numbers and
    /// abbreviations (１２月, ＦＲＢ): a line wrapped beside one was drawn as a space ("会合は １２月"), where CSS Text 3
    /// removes a break between full-width characters.
    /// </summary>
    [Theory]
    [InlineData("次回の会合は\n１２月に予定されている。", "<p>次回の会合は１２月に予定されている。</p>")]
    [InlineData("米連邦準備制度理事会（ＦＲＢ）は３日\n、政策金利を引き下げた。", "<p>米連邦準備制度理事会（ＦＲＢ）は３日、政策金利を引き下げた。</p>")]
    [InlineData("ＦＲＢ\nは利下げした。", "<p>ＦＲＢは利下げした。</p>")]
    [InlineData("利下げは２\n会合連続。", "<p>利下げは２会合連続。</p>")]
    public void A_soft_break_beside_full_width_letters_or_digits_writes_nothing(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    /// <summary>
    /// The plain text (and so the excerpt and search snippets) read those breaks as a space where the HTML shows none:
    /// "会合は １２月", "製程， GPU" (CJK review).
    /// </summary>
    [Theory]
    [InlineData("次回の会合は\n１２月に予定されている。", "次回の会合は１２月に予定されている。")]
    [InlineData("ＦＲＢ\nは利下げした。", "ＦＲＢは利下げした。")]
    [InlineData("採3奈米製程，\nGPU效能提升20%。", "採3奈米製程，GPU效能提升20%。")]
    [InlineData("市府表示，\n“目前已有三萬戶停電”。", "市府表示，“目前已有三萬戶停電”。")]
    [InlineData("１２\nApples", "１２ Apples")]
    [InlineData("中文\nEnglish", "中文 English")]
    public void The_plain_text_joins_the_lines_as_the_html_shows_them(string markdown, string text) =>
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown).Trim());

    [Theory]
    [InlineData("１２\nApples", "<p>１２\nApples</p>")] // a full-width digit beside a Latin word: as CSS keeps it
    [InlineData("中文\nEnglish", "<p>中文\nEnglish</p>")]
    [InlineData("English\n中文", "<p>English\n中文</p>")]
    [InlineData("한국어\n문장", "<p>한국어\n문장</p>")] // Hangul is spaced
    [InlineData("正式發  \n佈了", "<p>正式發<br>\n佈了</p>")] // a hard break stays one
    public void Other_line_breaks_stay(string markdown, string html) => Assert.Equal(html, Html(markdown));

    /// <summary>
    /// Curly quotes, the ellipsis and the dash beside Chinese are set as full-width there: a line wrapped after a closing
    /// quote ("…增多”⏎他同时…") or before an opening one was read as a space, in the HTML and in the plain text, the
    /// excerpt and search snippets (CJK review).
    /// </summary>
    [Theory]
    [InlineData("他说，今年的订单明显增多”\n他同时表示", "他说，今年的订单明显增多”他同时表示")]
    [InlineData("业者指出\n“供应仍然吃紧”。", "业者指出“供应仍然吃紧”。")]
    [InlineData("他說「這是‘試點’\n計畫」。", "他說「這是‘試點’計畫」。")]
    [InlineData("他停了一下……\n然后说", "他停了一下……然后说")]
    [InlineData("台積電——\n全球最大的晶圓代工廠", "台積電——全球最大的晶圓代工廠")]
    // A name's dot, Japanese (・), Chinese (·) or Taiwanese (‧), set full-width between its parts.
    [InlineData("東京・\n大阪", "東京・大阪")]
    [InlineData("瑪麗·\n居禮", "瑪麗·居禮")]
    [InlineData("瑪麗‧\n居禮", "瑪麗‧居禮")]
    public void A_soft_break_beside_a_quote_or_dash_next_to_chinese_writes_nothing(string markdown, string text)
    {
        Assert.Equal($"<p>{text}</p>", Html(markdown));
        Assert.Equal(text, MarkdownRenderer.ToPlainText(markdown).Trim());
    }

    [Theory]
    [InlineData("He said “yes”\nand left.")]
    [InlineData("the word\n“hello” again")]
    [InlineData("삼성전자는 “공급이 부족하다”\n고 말했다")]
    // A quote or an ellipsis closing English text is set as English sets it, whatever follows the break (session 49's
    // final read: "He said “yes”⏎他同意了。" read "“yes”他同意了。").
    [InlineData("He said “yes”\n他同意了。")]
    [InlineData("He paused…\n然后说")]
    public void A_soft_break_beside_a_quote_among_spaced_words_stays(string markdown)
    {
        Assert.Equal($"<p>{markdown}</p>", Html(markdown));
        Assert.Equal(markdown.Replace('\n', ' '), MarkdownRenderer.ToPlainText(markdown).Trim()); // a space, as a browser shows it
    }
}
