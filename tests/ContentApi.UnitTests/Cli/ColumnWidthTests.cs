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
    public void Wide_characters_take_two_cells_and_marks_none(string text, int cells) =>
        Assert.Equal(cells, ColumnWidth.Of(text));

    [Fact]
    public void Names_of_any_script_end_their_column_at_the_same_cell()
    {
        var padded = new[] { "editor", "編輯部", "김민수-ops" }.Select(name => ColumnWidth.PadRight(name, 12) + "|");
        Assert.All(padded, line => Assert.Equal(13, ColumnWidth.Of(line)));
    }
}
