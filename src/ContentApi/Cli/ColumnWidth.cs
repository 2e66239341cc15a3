using System.Text;
using ContentApi.Text;

namespace ContentApi.Cli;

/// <summary>
/// Text padded to a column of a terminal, which shows Chinese, Japanese and Korean characters, full-width forms and
/// emoji two cells wide: padded by its length, a name such as 編輯部 pushed the columns after it out of line.
/// </summary>
public static class ColumnWidth
{
    /// <summary>The cells a terminal gives the text: two for a wide character, none for a mark or format character.</summary>
    public static int Of(string text)
    {
        var cells = 0;
        foreach (var (start, _) in Graphemes.Ranges(text))
        {
            var rune = Rune.GetRuneAt(text, start);
            cells += IsWide(rune) ? 2 : Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format ? 0 : 1;
        }
        return cells;
    }

    /// <summary>The text and the spaces that fill its column to <paramref name="cells"/> wide (none when it is wider).</summary>
    public static string PadRight(string text, int cells) => text + new string(' ', Math.Max(0, cells - Of(text)));

    /// <summary>East Asian Wide and Fullwidth (Unicode's EastAsianWidth.txt, W and F), by block; half-width forms are narrow.</summary>
    private static bool IsWide(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
        or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7A3)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE10 and <= 0xFE19) or (>= 0xFE30 and <= 0xFE6F) or (>= 0xFF00 and <= 0xFF60)
        or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F680 and <= 0x1F6FF)
        or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x1FA70 and <= 0x1FAFF)
        or (>= 0x20000 and <= 0x2FFFD) or (>= 0x30000 and <= 0x3FFFD);
}
