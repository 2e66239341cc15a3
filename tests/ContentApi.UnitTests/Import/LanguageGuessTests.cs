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
    [InlineData("新晶片由兩家公司共同設計。", "zh")]
    [InlineData("한국어 문장입니다", "ko")]
    [InlineData("Plain English.", "en")]
    [InlineData("瑪麗・居禮", "zh")]
    // The script most of the text is written in, not the first kana or Hangul seen (review).
    [InlineData("任天堂今天宣布《ゼルダの伝説》新作將於明年春季在全球同步發售，售價與前作相同。", "zh")]
    [InlineData("韓國電子大廠三星（삼성）今天公布第三季財報，營收創下新高。", "zh")]
    [InlineData("We flew to Tokyo (東京) last spring and stayed for a week.", "en")]
    [InlineData("I ate ラーメン at a small shop near the station.", "en")]
    [InlineData("삼성전자는 오늘 三星 반도체 실적을 발표했다.", "ko")]
    [InlineData("このAPIはKubernetesの上で動きます。", "ja")]
    public void Script_of_the_text_guesses_the_language(string text, string expected) =>
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

    [Fact]
    public void File_name_wins_over_the_script() =>
        Assert.Equal("zh-Hant", LanguageGuess.For("a.zh-hant.md", "カタカナ"));
}
