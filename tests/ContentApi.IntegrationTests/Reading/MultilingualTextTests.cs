using System.Text;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>Excerpts, character counts and reading times for Chinese, English and mixed articles, as the API returns them.</summary>
public sealed class MultilingualTextTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] ChineseSentences =
    [
        "阿里巴巴旗下的通義千問團隊於本週正式發布旗艦模型 Qwen3-Max，參數規模超過一兆。",
        "官方表示，新模型在程式碼生成、數學推理與長文本理解等任務上均有顯著進步！",
        "在 SWE-Bench Verified 上的得分達到 69.6 分，與國際一線模型處於同一水準。",
        "這是否意味著開源模型已經追上閉源模型？",
        "研究人員提醒，基準測試分數並不完全等同於實際使用體驗，直接比較數字時需要格外謹慎。",
    ];

    private readonly TestContent _content = new(factory.Writer());

    private async Task<System.Text.Json.Nodes.JsonObject> ArticleAsync(string body, string language, string? excerpt = null, long[]? imageIds = null)
    {
        var extra = new Dictionary<string, object?> { ["body"] = body, ["language"] = language };
        if (imageIds is not null)
        {
            extra["imageIds"] = imageIds;
        }
        if (excerpt is not null)
        {
            extra["excerpt"] = excerpt;
        }
        var created = await factory.Writer().CreateArticleAsync([await _content.AuthorAsync()], extra);
        return await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{created.Id()}");
    }

    /// <summary>Characters as the excerpt counts them (conjuncts whole, unlike .NET's StringInfo).</summary>
    private static int Graphemes(string text) => ContentApi.Text.Graphemes.Split(text).Count;

    [Fact]
    public async Task Derived_excerpt_of_chinese_text_ends_at_a_sentence_end()
    {
        var body = string.Concat(Enumerable.Repeat(string.Concat(ChineseSentences), 3));
        var excerpt = (await ArticleAsync(body, "zh-Hant")).Text("excerpt");

        // A whole sentence: no ellipsis after its stop.
        Assert.Contains(excerpt[^1], "。！？");
        Assert.StartsWith(excerpt, body, StringComparison.Ordinal);
        Assert.InRange(Graphemes(excerpt), 100, 200);
    }

    [Theory]
    [InlineData("ar", "هل ستنجح الخطة الجديدة للطاقة في المملكة خلال السنوات القادمة؟ ")]
    [InlineData("ur", "یہ منصوبہ آنے والے برسوں میں کسانوں کے لیے فائدہ مند ہوگا۔ ")]
    [InlineData("hi", "क्या यह योजना किसानों को लाभ देगी। ")]
    public async Task Derived_excerpt_of_arabic_urdu_and_hindi_text_ends_at_a_sentence_end(string language, string sentence)
    {
        var excerpt = (await ArticleAsync(string.Concat(Enumerable.Repeat(sentence, 12)), language)).Text("excerpt");
        Assert.EndsWith(sentence.TrimEnd(), excerpt, StringComparison.Ordinal);
        Assert.InRange(Graphemes(excerpt), 100, 200);
    }

    [Fact]
    public async Task Derived_excerpt_keeps_a_closing_quote_after_the_full_stop()
    {
        var body = new string('甲', 120) + "，他說：「這是第一步。」" + new string('乙', 100);
        var excerpt = (await ArticleAsync(body, "zh-Hant")).Text("excerpt");
        Assert.Equal(new string('甲', 120) + "，他說：「這是第一步。」", excerpt);
    }

    [Fact]
    public async Task Derived_excerpt_of_english_text_ends_at_a_sentence_end_not_inside_a_number()
    {
        const string First = "The Qwen team released a new flagship model this week, and it is by a wide margin the largest model the team has trained so far. ";
        const string Second = "Its score of 69.6 on SWE-Bench Verified puts it next to the best closed models from abroad, according to the team, which said that more is to come";
        var excerpt = (await ArticleAsync(First + Second, "en")).Text("excerpt");
        Assert.Equal(First.TrimEnd(), excerpt);
    }

    [Fact]
    public async Task Short_body_is_its_own_excerpt_without_byline_heading_markup_or_ellipsis()
    {
        var article = await ArticleAsync("作者 | 林語晨\n\n## 前言\n\n通義千問發布 **Qwen3-Max**。\n\n![圖](https://cdn.example.com/a.jpg)", "zh-Hant");
        Assert.Equal("通義千問發布 Qwen3-Max。", article.Text("excerpt"));
    }

    /// <summary>
    /// A body pasted from WeChat or a CMS through an HTML-to-Markdown converter, its lines ended by &lt;br&gt;: the byline
    /// took the lead's first line out of the excerpt with it, and the further reading under its label ended it (review).
    /// </summary>
    [Fact]
    public async Task A_byline_and_a_label_of_further_reading_ended_by_br_read_as_lines_of_their_own()
    {
        var article = await ArticleAsync(
            "作者｜王小明<br>行政院今天宣布新政策，\n將送立法院審議。\n\n延伸閱讀<br>[台積電熊本廠開幕](https://example.com/a)", "zh-Hant");
        Assert.Equal("行政院今天宣布新政策，將送立法院審議。", article.Text("excerpt"));
    }

    /// <summary>
    /// Bylines, datelines and closing lines as papers write them, created over HTTP with no excerpt: each stayed in the
    /// derived excerpt (probe on a build that dropped `記者王小明／台北報導` and `WASHINGTON (AP) — ` already).
    /// </summary>
    [Theory]
    [InlineData("〔記者王小明、李大同／台北報導〕人工智慧正在改變新聞編輯室。", "zh-Hant", "人工智慧正在改變新聞編輯室。")]
    [InlineData("【大紀元2026年12月07日訊】人工智慧正在改變新聞編輯室。", "zh-Hant", "人工智慧正在改變新聞編輯室。")]
    [InlineData("ETtoday新聞雲記者王小明／台北報導\n\n人工智慧正在改變新聞編輯室。", "zh-Hant", "人工智慧正在改變新聞編輯室。")]
    [InlineData("(CNN) — Artificial intelligence is changing newsrooms.", "en", "Artificial intelligence is changing newsrooms.")]
    [InlineData("Par Jeanne Dupont\n\nL'intelligence artificielle change les rédactions.", "fr", "L'intelligence artificielle change les rédactions.")]
    [InlineData("人工智慧正在改變新聞編輯室。（完）\n\n▌延伸閱讀\n\n- [a](https://a.example/)", "zh-Hant", "人工智慧正在改變新聞編輯室。")]
    [InlineData("Artificial intelligence is changing newsrooms.\n\n© 2026 The Example Times. All rights reserved.", "en", "Artificial intelligence is changing newsrooms.")]
    public async Task Derived_excerpt_leaves_out_the_bylines_datelines_and_closing_lines_papers_write(string body, string language, string excerpt) =>
        Assert.Equal(excerpt, (await ArticleAsync(body, language)).Text("excerpt"));

    [Fact]
    public async Task Given_excerpt_wins_until_it_is_cleared_and_the_derived_one_follows_the_body()
    {
        var article = await ArticleAsync(ChineseSentences[0], "zh-Hant", excerpt: "編輯寫的摘要。");
        var url = $"/api/v1/articles/{article.Id()}";
        Assert.Equal("編輯寫的摘要。", article.Text("excerpt"));

        var writer = factory.Writer();
        await (await writer.PatchMergeAsync(url, new { body = ChineseSentences[3] })).AssertJsonAsync();
        Assert.Equal("編輯寫的摘要。", (await factory.Anonymous().GetJsonAsync(url)).Text("excerpt"));
        await (await writer.PatchAsync(url, HttpAssertions.RawJson("""{"excerpt":null}""", "application/merge-patch+json"))).AssertJsonAsync();
        Assert.Equal(ChineseSentences[3], (await factory.Anonymous().GetJsonAsync(url)).Text("excerpt"));
    }

    [Fact]
    public async Task Chinese_article_of_about_3000_characters_counts_them_and_takes_7_to_8_minutes()
    {
        // The reference article (byline, headings, Latin model names, image credits, disclaimer), lengthened with
        // more Chinese paragraphs to ~3,000 Han characters.
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "long-zh-hant-article.md"));
        // Images point at external files instead of placeholders (image:{0}, which name no image): they add no text.
        var body = new StringBuilder(System.Text.RegularExpressions.Regex.Replace(template, @"image:\{\{(\d+)\}\}", "https://images.example.com/$1.jpg"));
        while (HanCount(body.ToString()) < 3000)
        {
            body.Append("\n\n").Append(ChineseSentences[3]).Append(ChineseSentences[4]).Append(ChineseSentences[1]);
        }
        var markdown = body.ToString();
        var article = await ArticleAsync(markdown, "zh-Hant");

        Assert.InRange(HanCount(markdown), 3000, 3100);
        var characters = article["characterCount"]!.GetValue<long>();
        // The plain text: Han, punctuation and Latin letters, but not whitespace, Markdown markup or image alt text.
        Assert.InRange(characters, 3300, markdown.Count(c => !char.IsWhiteSpace(c)));
        Assert.InRange(article["readingTimeMinutes"]!.GetValue<long>(), 7, 8);

        static int HanCount(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');
    }

    [Fact]
    public async Task English_article_reads_at_word_speed_and_counts_graphemes_not_code_units()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 1000));
        var english = await ArticleAsync(words, "en");
        Assert.Equal(5, english["readingTimeMinutes"]!.GetValue<long>()); // 1000 words at 230 a minute, rounded up
        Assert.Equal(4000, english["characterCount"]!.GetValue<long>());

        var composed = await ArticleAsync("Cafe\u0301 👍🏽 𠀋", "en");
        Assert.Equal(6, composed["characterCount"]!.GetValue<long>());
        Assert.Equal(1, composed["readingTimeMinutes"]!.GetValue<long>());
    }
    /// <summary>A photo essay (a body of images only) and a body of punctuation only read in 0 minutes.</summary>
    [Fact]
    public async Task A_body_of_images_or_punctuation_only_reads_in_a_minute()
    {
        var first = await _content.ImageAsync();
        var second = await _content.ImageAsync();
        var photoEssay = await ArticleAsync($"![](image:{first})\n\n![](image:{second})", "zh-Hant", imageIds: [first, second]);
        Assert.Equal(1, photoEssay["readingTimeMinutes"]!.GetValue<long>());

        var punctuation = await ArticleAsync("……！？", "zh-Hant");
        Assert.Equal(1, punctuation["readingTimeMinutes"]!.GetValue<long>());
    }
}
