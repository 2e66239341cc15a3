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

    [Fact]
    public void FromText_keeps_combining_marks_with_their_letter() =>
        Assert.Equal("cafe\u0301", HeadingIds.FromText("Cafe\u0301"));

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
