using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class HeadingIdsTests
{
    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("發布會現場", "發布會現場")]
    [InlineData("一、背景", "一-背景")]
    [InlineData("Don't Panic", "dont-panic")]
    [InlineData("Café Crème", "café-crème")]
    [InlineData("İstanbul ve IĞDIR", "istanbul-ve-iğdir")] // .NET's invariant lowercasing leaves İ as it is
    [InlineData("ＡＩ 模型", "ａｉ-模型")]
    [InlineData("がんばれ", "がんばれ")]
    [InlineData("한국어 제목", "한국어-제목")]
    [InlineData("  -- 前後 --  ", "前後")]
    [InlineData("Bundes\u00ADtag", "bundestag")] // a soft hyphen is no break between words
    [InlineData("🎉", "")]
    public void FromText_keeps_letters_and_digits_of_any_script(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>A zero-width space inside a Chinese word made "台北\u200B市" the id "台北-市", where search reads it as nothing.</summary>
    [Theory]
    [InlineData("台北\u200B市", "台北市")]
    [InlineData("Zero\u200Bwidth", "zerowidth")]
    [InlineData("a\u2061b", "ab")]
    [InlineData("ภาษา\u200Bไทย", "ภาษา-ไทย")]
    public void FromText_reads_format_characters_as_absent(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>
    /// Numbers written with 〇, Roman numerals or circled digits are part of a heading's words, as in a slug (dc4ff55) and
    /// in GitHub's ids: "二〇二五年" was "二-二五年", and "第Ⅰ章"/"第Ⅱ章" were "第-章" and "第-章-2" (CJK review).
    /// </summary>
    [Theory]
    [InlineData("二〇二五年施政報告", "二〇二五年施政報告")]
    [InlineData("令和〇年度", "令和〇年度")]
    [InlineData("第Ⅱ章　今後の展望", "第ⅱ章-今後の展望")]
    [InlineData("①市場の動向", "①市場の動向")]
    public void FromText_keeps_numbers_written_without_digits(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>A capital Σ ending a word is ς in lowercase, as GitHub's ids (JavaScript's toLowerCase) write it (editor probe).</summary>
    [Theory]
    [InlineData("ΟΔΟΣ", "οδος")]
    [InlineData("ΏΡΕΣ", "ώρες")]
    [InlineData("Ώρες", "ώρες")]
    [InlineData("ΟΔΟΣ ΑΘΗΝΑΣ 2", "οδος-αθηνας-2")]
    [InlineData("ΣΊΣΥΦΟΣ", "σίσυφος")]
    [InlineData("ΑΣ\u0301", "ας\u0301")] // an accent after it, written apart
    [InlineData("Σ", "σ")]
    public void FromText_writes_a_word_ending_sigma_as_final(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>
    /// A gershayim or geresh between Hebrew letters, or the " and ' typed for them, is part of the word, as in slugs and
    /// search: "צה״ל" was the id "צה-ל" where its slug is "צהל". A quotation mark beside a word is still no part of it.
    /// </summary>
    [Theory]
    [InlineData("צה״ל", "צהל")]
    [InlineData("צה\"ל", "צהל")]
    [InlineData("דובר צה״ל", "דובר-צהל")]
    [InlineData("ג׳ירפה", "גירפה")]
    [InlineData("צָה״ל", "צהל")] // pointed
    [InlineData("אמר \"שלום\" היום", "אמר-שלום-היום")]
    [InlineData("\"שלום\"", "שלום")]
    [InlineData("שלום\" \"עולם", "שלום-עולם")]
    [InlineData("He said \"hi\"", "he-said-hi")]
    [InlineData("a\"b", "a-b")]
    [InlineData("\"צה״ל\"", "צהל")]
    public void FromText_keeps_a_hebrew_word_whole_around_its_gershayim_or_geresh(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>
    /// The points of Hebrew and Arabic and the tatweel are left out, as in slugs: "שָׁלוֹם" and "مُحَمَّد" were ids of their
    /// own. Hamza and madda stay with their letters, and the vowel signs of other scripts in their words.
    /// </summary>
    [Theory]
    [InlineData("שָׁלוֹם עֲלֵיכֶם", "שלום-עליכם")]
    // Presentation forms (שׁ U+FB2A, וֹ U+FB4B) kept their points, where a slug, which decomposes them, drops them (review).
    [InlineData("\uFB2Aָלוֹם", "שלום")]
    [InlineData("של\uFB4Bם", "שלום")]
    [InlineData("בְּרֵאשִׁ֖ית", "בראשית")] // with a cantillation mark
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("مـحـمـد", "محمد")]
    [InlineData("القُرْآن", "القرآن")] // madda: آ is a letter
    [InlineData("أَحْمَد", "أحمد")]
    [InlineData("هٰذا", "هذا")] // superscript alef
    [InlineData("ܫܠܳܡܳܐ", "ܫܠܡܐ")] // Syriac
    [InlineData("מַה־שֶּׁלּוֹמְךָ", "מה-שלומך")] // the maqaf is punctuation, not a point
    [InlineData("हिन्दी समाचार", "हिन्दी-समाचार")]
    [InlineData("ข่าวไทย", "ข่าวไทย")]
    public void FromText_leaves_out_hebrew_and_arabic_points_and_the_tatweel(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    /// <summary>A combining mark stays with its letter, composed with it where Unicode composes the two (NFC), as a link typed either way finds it.</summary>
    [Theory]
    [InlineData("Cafe\u0301", "caf\u00E9")]
    [InlineData("Q\u0301", "q\u0301")]
    public void FromText_keeps_combining_marks_with_their_letter(string text, string expected) =>
        Assert.Equal(expected, HeadingIds.FromText(text));

    [Fact]
    public void FromText_cuts_long_text_to_max_length_on_a_character_boundary()
    {
        var id = HeadingIds.FromText(string.Concat(Enumerable.Repeat("𠀀", 100)));
        Assert.Equal(HeadingIds.MaxLength, new System.Globalization.StringInfo(id).LengthInTextElements);
        Assert.Equal(string.Concat(Enumerable.Repeat("𠀀", HeadingIds.MaxLength)), id);
    }

    [Fact]
    public void Next_numbers_repeats_and_never_reuses_an_id()
    {
        var ids = new HeadingIds();
        Assert.Equal(["a", "a-2", "a-2-2", "a-3", "section-5"], new[] { "A", "A", "A 2", "A", "?" }.Select(ids.Next));
    }

    [Fact]
    public void Repeats_of_one_heading_each_try_only_the_ids_not_yet_known_to_be_taken()
    {
        var ids = new HeadingIds();
        var handedOut = Enumerable.Range(0, 10_000).Select(_ => ids.Next("h")).ToList();
        Assert.Equal(10_000, handedOut.Distinct().Count());
        Assert.Equal("h-10000", handedOut[^1]);
        Assert.Equal(9_999, ids.Collisions);
    }
}
