using ContentApi.Import;

namespace ContentApi.UnitTests.Import;

public sealed class LanguageGuessTests
{
    [Theory]
    [InlineData("posts/hello.ja.md", "ja")]
    [InlineData("posts/hello.zh-hant.md", "zh-Hant")]
    [InlineData("posts/hello.en-us.markdown", "en-US")]
    [InlineData("posts/hello.en-x-internal.md", "en-x-internal")] // was 'en': the culture's name (review)
    [InlineData("posts/hello.de-DE-u-co-phonebk.md", "de-DE-u-co-phonebk")]
    [InlineData("posts/hello.md", null)]
    [InlineData("posts/notes.old.md", null)]
    [InlineData("posts/release.v2.md", null)]
    [InlineData("posts/my.post.md", null)]
    public void File_name_suffix_that_is_a_language_tag_is_the_language(string file, string? expected) =>
        Assert.Equal(expected, LanguageGuess.FromFileName(file));

    [Theory]
    [InlineData("新しいチップは共同で設計された。", "ja")]
    [InlineData("日本語の文章です", "ja")]
    [InlineData("カタカナ", "ja")]
    [InlineData("新晶片由兩家公司共同設計。", "zh-Hant")]
    [InlineData("한국어 문장입니다", "ko")]
    [InlineData("Plain English.", "en")]
    [InlineData("瑪麗・居禮", "zh-Hant")]
    // The script most of the text is written in, not the first kana or Hangul seen (review).
    [InlineData("任天堂今天宣布《ゼルダの伝説》新作將於明年春季在全球同步發售，售價與前作相同。", "zh-Hant")]
    [InlineData("韓國電子大廠三星（삼성）今天公布第三季財報，營收創下新高。", "zh-Hant")]
    [InlineData("We flew to Tokyo (東京) last spring and stayed for a week.", "en")]
    [InlineData("I ate ラーメン at a small shop near the station.", "en")]
    [InlineData("삼성전자는 오늘 三星 반도체 실적을 발표했다.", "ko")]
    [InlineData("このAPIはKubernetesの上で動きます。", "ja")]
    public void Script_of_the_text_guesses_the_language(string text, string expected) =>
        Assert.Equal(expected, LanguageGuess.FromScript(text));

    /// <summary>
    /// Chinese was guessed as plain <c>zh</c>, though its characters tell Traditional from Simplified: a reader's font and
    /// a screen reader's voice differ between the two, and <c>language=zh-Hant</c> did not find the imports (CJK review).
    /// </summary>
    [Theory]
    [InlineData("台積電今天宣布，將在高雄興建兩座先進製程晶圓廠，預計後年量產。", "zh-Hant")]
    [InlineData("台积电今天宣布，将在高雄兴建两座先进制程晶圆厂，预计后年量产。", "zh-Hans")]
    [InlineData("國務院發布新規，對網絡平台加強監管。", "zh-Hant")]
    [InlineData("国务院发布新规，对网络平台加强监管。", "zh-Hans")]
    // Simplified text quoting a Traditional name, and the reverse: the script most of the text is in.
    [InlineData("记者从国家发展改革委了解到，《臺灣關係法》相关条款引发讨论，专家认为这将影响两岸经贸往来。", "zh-Hans")]
    [InlineData("中國大陸國家發展改革委員會公布的「一带一路」計畫，預計在東南亞興建鐵路與港口。", "zh-Hant")]
    // Characters both forms write alike tell neither.
    [InlineData("中文", "zh")]
    [InlineData("我们在上海", "zh")]
    [InlineData("我们在上海的网站发布了这条消息", "zh-Hans")]
    // A Simplified form Traditional text writes too (台 for 臺, 只 for 隻) is no sign of Simplified alone: a Taiwanese
    // place name was guessed zh-Hans (CJK review); short text with one or two such forms tells neither.
    [InlineData("台北市", "zh")]
    [InlineData("台北市台中市台南市", "zh")]
    [InlineData("只有台中", "zh")]
    public void Chinese_is_taken_for_traditional_or_simplified_by_its_characters(string text, string expected) =>
        Assert.Equal(expected, LanguageGuess.FromScript(text));

    /// <summary>An Arabic article was imported as English (editor): screen readers would read it with an English voice.</summary>
    [Theory]
    [InlineData("أعلنت الحكومة اليوم عن خطة جديدة للطاقة.", "und-Arab")]
    [InlineData("دولت امروز برنامه‌ای تازه اعلام کرد.", "und-Arab")] // Persian: the same alphabet
    [InlineData("Правительство объявило о новом плане.", "und-Cyrl")]
    [InlineData("Η κυβέρνηση ανακοίνωσε νέο σχέδιο.", "el")]
    [InlineData("הממשלה הודיעה היום על תוכנית חדשה.", "he")]
    [InlineData("รัฐบาลประกาศแผนใหม่วันนี้", "th")]
    [InlineData("सरकार ने आज नई योजना की घोषणा की।", "und-Deva")]
    [InlineData("The Kremlin (Кремль) said on Monday that talks would go on.", "en")]
    [InlineData("Министр посетил Google и Apple в Калифорнии.", "und-Cyrl")]
    public void Text_in_another_alphabet_is_taken_for_its_language_or_script(string text, string expected) =>
        Assert.Equal(expected, LanguageGuess.FromScript(text));

    [Theory]
    [InlineData("und-Arab")]
    [InlineData("und-Cyrl")]
    public void A_guess_of_the_script_alone_is_a_language_tag_the_api_takes(string guess) =>
        Assert.True(ContentApi.Text.LanguageTags.IsWellFormed(guess));
    /// <summary>
    /// A Chinese post was imported as <c>en</c> when its body held more Latin letters in URLs, HTML and code than Chinese
    /// characters in its text (migration of a blog): a link roundup, a WordPress export with its <c>&lt;img&gt;</c> and
    /// <c>[caption]</c> markup, a tutorial with its code. The language is guessed from what readers read.
    /// </summary>
    [Theory]
    [InlineData(
        "- [OpenAI 發布 GPT-4o](https://openai.com/index/hello-gpt-4o/)",
        "- [Google I/O 重點](https://blog.google/technology/developers/google-io-2024-collection/)",
        "- [Anthropic 推出 Claude 3.5](https://www.anthropic.com/news/claude-3-5-sonnet)",
        "- [Meta 開源 Llama 3](https://ai.meta.com/blog/meta-llama-3/)",
        "",
        "以上是本週重點。")]
    [InlineData(
        "1980 年，新竹科學園區正式成立。",
        "",
        "[caption id=\"attachment_123\" align=\"aligncenter\" width=\"640\"]<img src=\"https://old.example.com/wp-content/uploads/2022/05/fab.jpg\" alt=\"晶圓廠\" width=\"640\" height=\"480\" /> 晶圓廠內部[/caption]",
        "",
        "<img src=\"https://old.example.com/wp-content/uploads/2022/05/logo.png\" alt=\"Logo\">",
        "",
        "今天園區年營業額超過兩兆新台幣。")]
    [InlineData(
        "用 Go 寫一個最簡單的伺服器：",
        "",
        "```go",
        "func main() {",
        "\thttp.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, \"hello\") })",
        "\tlog.Fatal(http.ListenAndServe(\":8080\", nil))",
        "}",
        "```",
        "",
        "執行後打開瀏覽器就能看到結果。")]
    public void Chinese_post_full_of_urls_markup_or_code_is_guessed_chinese(params string[] body)
    {
        var document = Import.Succeeds(Import.Lines(["---", "title: 文章", "authors: [王小明]", "---", "", .. body]));
        Assert.Equal("zh-Hant", ArticleDraft.Of(Import.File, document, "post", null).Language);
    }

    [Fact]
    public void English_post_linking_to_chinese_pages_is_guessed_english()
    {
        var document = Import.Succeeds(Import.Lines(
            "---", "title: Reading list", "authors: [Jane]", "---", "",
            "I read [a long piece](https://zh.wikipedia.org/wiki/台灣積體電路製造公司) about the company this week."));
        Assert.Equal("en", ArticleDraft.Of(Import.File, document, "post", null).Language);
    }
}

/// <summary>
/// The readable text's template tags were matched lazily to the end of the body: a body of unclosed "{{" or "{%" (half a
/// million characters, within the body's limit) took seconds of processor time to guess a language from.
/// </summary>
public sealed class ReadableBodyTextCostTests
{
    [Theory]
    [InlineData("{{")]
    [InlineData("{%")]
    [InlineData("{{<")]
    public void Unclosed_template_tags_are_read_in_linear_time(string opening)
    {
        var body = "文章 " + string.Concat(Enumerable.Repeat(opening, 490_000 / opening.Length));
        ContentApi.Rendering.ArticleMarkdown.Parse(body); // warm up and leave the parse out of the measure
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ReadableBodyText.Of(body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }
}
