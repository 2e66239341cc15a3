using ContentApi.Cli;

namespace ContentApi.UnitTests.Cli;

/// <summary>`keys list` padded names by their length, so 編輯部 pushed the columns after it out of line (operator).</summary>
public sealed class ColumnWidthTests
{
    [Theory]
    [InlineData("editor", 6)]
    [InlineData("編輯部", 6)]
    [InlineData("編輯 部", 5 + 2)]
    [InlineData("김민수", 6)]
    [InlineData("ＡＢ", 4)]
    [InlineData("Café", 4)]
    [InlineData("Cafe\u0301", 4)]
    [InlineData("🚀ops", 5)]
    [InlineData("ｱｲｳ", 3)] // half-width katakana (review)
    [InlineData("｢｣", 2)]
    [InlineData("a\u200Bb", 2)]
    // Emoji shown wide outside the blocks counted (EastAsianWidth W): they pushed the columns after them one cell left (review).
    [InlineData("⭐ops", 5)]
    [InlineData("✅", 2)]
    [InlineData("☕", 2)]
    [InlineData("🀄", 2)]
    [InlineData("🈚", 2)]
    [InlineData("🇹🇼", 2)] // a flag: two regional indicators, one grapheme
    [InlineData("❤\uFE0F", 2)] // a text-style character asked for as emoji
    [InlineData("❤", 1)]
    [InlineData("\u0301a", 1)] // a mark at the start, alone: no cell
    [InlineData("\uFE0Fops", 3)] // VS16 alone, a mark: no cell (review)
    [InlineData("🇹🇼🇯", 3)] // a flag, then a lone regional indicator: one cell (review)
    // Pictographs shown as text unless VS16 follows (EastAsianWidth N), inside the blocks once counted two cells whole.
    [InlineData("🖥", 1)]
    [InlineData("🌡", 1)]
    [InlineData("🕯", 1)]
    [InlineData("🗺", 1)]
    [InlineData("🛋", 1)]
    [InlineData("🕊", 1)]
    [InlineData("🛠", 1)]
    [InlineData("🏳", 1)]
    [InlineData("\U0001F900", 1)] // CIRCLED CROSS FORMEE
    [InlineData("\U0001F946", 1)] // RIFLE
    [InlineData("🖥\uFE0F", 2)]
    // Their wide neighbours (EastAsianWidth W) stay two cells.
    [InlineData("🌀", 2)]
    [InlineData("🌭", 2)]
    [InlineData("🕋", 2)]
    [InlineData("🖤", 2)]
    [InlineData("🗻", 2)]
    [InlineData("🛌", 2)]
    [InlineData("🛐", 2)]
    [InlineData("🛫", 2)]
    [InlineData("🏴", 2)]
    [InlineData("🤌", 2)]
    [InlineData("🥇", 2)]
    // A Hangul vowel or final consonant jamo not joined to a leading consonant: terminals give it no cell (wcwidth 0).
    [InlineData("\u1161", 0)]
    [InlineData("\u11A8ab", 2)]
    [InlineData("\uD7B0", 0)]
    [InlineData("\u1100\u1161", 2)] // a leading consonant and its vowel, one syllable
    [InlineData("가\u11A8", 2)]
    // Outside the pictographs: wide characters counted one cell, and ambiguous ones (EastAsianWidth A) counted two.
    [InlineData("\u2329x\u232A", 5)] // LEFT- and RIGHT-POINTING ANGLE BRACKET, W
    [InlineData("\u3248", 1)] // CIRCLED NUMBER TEN ON BLACK SQUARE, A
    [InlineData("\u3250", 2)] // PARTNERSHIP SIGN, W
    [InlineData("\U0001B001", 2)] // HIRAGANA LETTER ARCHAIC YE
    [InlineData("\U0001B150", 2)] // HIRAGANA LETTER SMALL WI
    [InlineData("\U00017000", 2)] // a Tangut ideograph
    [InlineData("\U0001B170", 2)] // a Nushu character
    public void Wide_characters_take_two_cells_and_marks_none(string text, int cells) =>
        Assert.Equal(cells, ColumnWidth.Of(text));

    [Fact]
    public void Names_of_any_script_end_their_column_at_the_same_cell()
    {
        var padded = new[] { "editor", "編輯部", "김민수-ops" }.Select(name => ColumnWidth.PadRight(name, 12) + "|");
        Assert.All(padded, line => Assert.Equal(13, ColumnWidth.Of(line)));
    }
}
