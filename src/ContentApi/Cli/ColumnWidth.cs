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
            cells += IsWide(Rune.GetRuneAt(text, start)) ? 2 : 1;
        }
        return cells;
    }

    /// <summary>The text and the spaces that fill its column to <paramref name="cells"/> wide (none when it is wider).</summary>
    public static string PadRight(string text, int cells) => text + new string(' ', Math.Max(0, cells - Of(text)));

    private static bool IsWide(Rune rune) =>
        Cjk.IsLetter(rune) || Cjk.IsPunctuation(rune) || rune.Value is (>= 0xFF01 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1FAFF);
}
