using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class ReadingTimeTests
{
    // 30 CJK characters and 3 punctuation marks.
    private const string ChineseSentence = "阿里巴巴今天發布了新一代大型語言模型，在多項基準測試中表現出色。";

    [Fact]
    public void Minutes_for_a_3000_character_chinese_article_is_7_to_8()
    {
        var article = string.Concat(Enumerable.Repeat(ChineseSentence + "\n", 100));
        Assert.Equal((3000, 0), ReadingTime.Count(article));
        Assert.InRange(ReadingTime.Minutes(article), 7, 8);
    }

    [Fact]
    public void Minutes_for_a_1000_word_english_article_is_5()
    {
        var article = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog again. ", 100));
        Assert.Equal((0, 1000), ReadingTime.Count(article));
        Assert.Equal(5, ReadingTime.Minutes(article));
    }

    /// <summary>A body of 250 emoji read in 0 minutes, while "內文。" read in 1: emoji and other symbols were counted as nothing.</summary>
    [Theory]
    [InlineData("😀", 1)]
    [InlineData("👨‍👩‍👧‍👦 ✔ → €", 1)]
    public void Minutes_counts_emoji_and_symbols(string text, int expected) =>
        Assert.Equal(expected, ReadingTime.Minutes(text));

    /// <summary>
    /// Review: each pictograph was a word, so a family emoji joined with ZWJ counted 3 and a flag 2; one grapheme (one
    /// user-perceived character) is one word.
    /// </summary>
    [Theory]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("🇹🇼", 1)]
    [InlineData("🇹🇼🇯🇵", 2)]
    [InlineData("👍🏽", 1)]
    [InlineData("👨‍👩‍👧 🇹🇼", 2)]
    [InlineData("❤️", 1)]
    public void Count_takes_an_emoji_sequence_as_one_word(string text, int words) =>
        Assert.Equal((0, words), ReadingTime.Count(text));

    /// <summary>A body that shows something, only punctuation or only images (a photo essay), read in 0 minutes.</summary>
    [Theory]
    [InlineData("— … !!!", 0, 1)]
    [InlineData("", 3, 1)]
    [InlineData("", 1, 1)]
    [InlineData("", 0, 0)]
    [InlineData(" \u200B ", 0, 0)]
    [InlineData("內文。", 0, 1)]
    public void A_body_that_shows_something_reads_in_a_minute_at_least(string plainText, int images, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(plainText, images));

    [Fact]
    public void Minutes_for_250_emoji_is_not_0()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 250));
        Assert.Equal((0, 250), ReadingTime.Count(emoji));
        Assert.Equal(2, ReadingTime.Minutes(emoji));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(400, 0, 1)]
    [InlineData(401, 0, 2)]
    [InlineData(0, 230, 1)]
    [InlineData(0, 231, 2)]
    [InlineData(200, 115, 1)]
    [InlineData(2000, 1150, 10)]
    public void Minutes_adds_cjk_and_word_minutes_and_rounds_up(int cjkCharacters, int words, int expected)
    {
        var text = new string('字', cjkCharacters) + string.Concat(Enumerable.Repeat(" word", words));
        Assert.Equal(expected, ReadingTime.Minutes(text));
    }

    [Theory]
    [InlineData("通義千問 Qwen3-Max 在 SWE-Bench Verified 上取得 69.6 分", 9, 4)]
    [InlineData("ひらがなとカタカナ", 9, 0)]
    [InlineData("한국어 문장", 0, 2)]
    [InlineData("삼성전자가 AI 반도체를 공개했다", 0, 4)]
    [InlineData("don't stop-believing, ok?", 0, 3)]
    [InlineData("Apple，Google。Meta", 0, 3)]
    [InlineData("— … !!!", 0, 0)]
    [InlineData("— … !!! 🎉", 0, 1)]
    [InlineData("𠀀𠀁 Ünïcödé", 2, 1)]
    public void Count_splits_cjk_characters_from_words(string text, int cjkCharacters, int words) =>
        Assert.Equal((cjkCharacters, words), ReadingTime.Count(text));

    [Theory]
    [InlineData("กรุงเทพมหานคร", 0, 3)] // 12 letters with their marks: three words, not one
    [InlineData("ไทย English ไทย", 0, 3)]
    [InlineData("ພາສາລາວ ខ្មែរ", 0, 3)]
    public void Count_takes_unspaced_alphabets_as_four_letters_a_word(string text, int cjkCharacters, int words) =>
        Assert.Equal((cjkCharacters, words), ReadingTime.Count(text));

    [Fact]
    public void A_long_thai_article_takes_minutes_not_one()
    {
        // The probe's five paragraphs of 1,620 Thai characters without a space each: one minute, as five "words".
        var paragraph = string.Concat(Enumerable.Repeat("กรุงเทพมหานครเปิดให้บริการรถไฟฟ้า", 50));
        var article = string.Join("\n\n", Enumerable.Repeat(paragraph, 5));
        Assert.InRange(ReadingTime.Minutes(article), 6, 10);
    }

    [Fact]
    public void A_korean_article_is_read_by_its_words()
    {
        // 1,600 spaced words (eojeol) of about three syllables: 7 minutes, as 1,600 English words are, not 12.
        var article = string.Concat(Enumerable.Repeat("삼성전자가 새로운 반도체를 공개했다. ", 400));
        Assert.Equal((0, 1600), ReadingTime.Count(article));
        Assert.Equal(7, ReadingTime.Minutes(article));
    }

    [Fact]
    public void Rates_are_published_for_clients() =>
        Assert.Equal((400, 230), (ReadingTime.CjkCharactersPerMinute, ReadingTime.WordsPerMinute));

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("— · —")]
    public void Minutes_of_a_text_with_nothing_to_read_is_zero(string text) =>
        // Found by a frontend probe: an empty body read "1 min", which a page showed above nothing.
        Assert.Equal(0, ReadingTime.Minutes(text));
}
