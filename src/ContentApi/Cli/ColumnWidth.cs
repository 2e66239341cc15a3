using System.Globalization;
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
        foreach (var (start, length) in Graphemes.Ranges(text))
        {
            var rune = Rune.GetRuneAt(text, start);
            var grapheme = text.AsSpan(start, length);
            cells += Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                || IsTrailingJamo(rune) ? 0
                : IsRegionalIndicator(rune) ? grapheme.Length > rune.Utf16SequenceLength ? 2 : 1
                : IsWide(rune) || grapheme.Contains(EmojiPresentation) ? 2
                : 1;
        }
        return cells;
    }

    /// <summary>VARIATION SELECTOR-16: the character before it shown as emoji, two cells (❤️).</summary>
    private const char EmojiPresentation = '\uFE0F';

    /// <summary>The text and the spaces that fill its column to <paramref name="cells"/> wide (none when it is wider).</summary>
    public static string PadRight(string text, int cells) => text + new string(' ', Math.Max(0, cells - Of(text)));

    /// <summary>
    /// East Asian Wide and Fullwidth (Unicode's EastAsianWidth.txt, W and F), by block; half-width forms are narrow, and
    /// so are the ambiguous (A) circled numbers on black squares U+3248-324F, as terminals show them outside CJK locales.
    /// </summary>
    private static bool IsWide(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x115F) or 0x2329 or 0x232A or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x3247)
        or (>= 0x3250 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
        or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7A3)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE10 and <= 0xFE19) or (>= 0xFE30 and <= 0xFE6F) or (>= 0xFF00 and <= 0xFF60)
        or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x16FE0 and <= 0x16FE4) or 0x16FF0 or 0x16FF1 or (>= 0x17000 and <= 0x187F7)
        or (>= 0x18800 and <= 0x18CD5) or (>= 0x18D00 and <= 0x18D08) or (>= 0x1AFF0 and <= 0x1AFF3) or (>= 0x1AFF5 and <= 0x1AFFB)
        or 0x1AFFD or 0x1AFFE or (>= 0x1B000 and <= 0x1B122) or 0x1B132 or (>= 0x1B150 and <= 0x1B152) or 0x1B155
        or (>= 0x1B164 and <= 0x1B167) or (>= 0x1B170 and <= 0x1B2FB) or (>= 0x1FA70 and <= 0x1FAFF)
        or (>= 0x20000 and <= 0x2FFFD) or (>= 0x30000 and <= 0x3FFFD)
        || IsWideEmoji(rune.Value);

    /// <summary>
    /// A Hangul vowel or final consonant jamo (Jungseong, Jongseong): joined to the leading consonant before it, it is
    /// part of that syllable's two cells; alone, terminals give it none, as wcwidth does.
    /// </summary>
    private static bool IsTrailingJamo(Rune rune) => rune.Value is (>= 0x1160 and <= 0x11FF) or (>= 0xD7B0 and <= 0xD7FF);

    /// <summary>A flag's half: two make a flag, two cells; one alone is a letter in a box, one cell (EastAsianWidth N).</summary>
    private static bool IsRegionalIndicator(Rune rune) => rune.Value is >= 0x1F1E6 and <= 0x1F1FF;

    /// <summary>
    /// Emoji that EastAsianWidth.txt makes wide (W) outside the blocks above. The pictograph blocks are not wide whole:
    /// those shown as text unless VS16 follows (🌡 U+1F321, 🖥 U+1F5A5, 🛋 U+1F6CB) are N, one cell.
    /// </summary>
    private static bool IsWideEmoji(int value) => value is
        0x231A or 0x231B or (>= 0x23E9 and <= 0x23EC) or 0x23F0 or 0x23F3 or 0x25FD or 0x25FE or 0x2614 or 0x2615
        or (>= 0x2648 and <= 0x2653) or 0x267F or 0x2693 or 0x26A1 or 0x26AA or 0x26AB or 0x26BD or 0x26BE or 0x26C4 or 0x26C5
        or 0x26CE or 0x26D4 or 0x26EA or 0x26F2 or 0x26F3 or 0x26F5 or 0x26FA or 0x26FD or 0x2705 or 0x270A or 0x270B
        or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757 or (>= 0x2795 and <= 0x2797) or 0x27B0
        or 0x27BF or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55 or 0x1F004 or 0x1F0CF or 0x1F18E or (>= 0x1F191 and <= 0x1F19A)
        or (>= 0x1F200 and <= 0x1F202) or (>= 0x1F210 and <= 0x1F23B)
        or (>= 0x1F240 and <= 0x1F248) or 0x1F250 or 0x1F251 or (>= 0x1F260 and <= 0x1F265)
        or (>= 0x1F300 and <= 0x1F320) or (>= 0x1F32D and <= 0x1F335) or (>= 0x1F337 and <= 0x1F37C)
        or (>= 0x1F37E and <= 0x1F393) or (>= 0x1F3A0 and <= 0x1F3CA) or (>= 0x1F3CF and <= 0x1F3D3)
        or (>= 0x1F3E0 and <= 0x1F3F0) or 0x1F3F4 or (>= 0x1F3F8 and <= 0x1F43E) or 0x1F440 or (>= 0x1F442 and <= 0x1F4FC)
        or (>= 0x1F4FF and <= 0x1F53D) or (>= 0x1F54B and <= 0x1F54E) or (>= 0x1F550 and <= 0x1F567) or 0x1F57A
        or 0x1F595 or 0x1F596 or 0x1F5A4 or (>= 0x1F5FB and <= 0x1F64F)
        or (>= 0x1F680 and <= 0x1F6C5) or 0x1F6CC or (>= 0x1F6D0 and <= 0x1F6D2) or (>= 0x1F6D5 and <= 0x1F6D7)
        or (>= 0x1F6DC and <= 0x1F6DF) or 0x1F6EB or 0x1F6EC or (>= 0x1F6F4 and <= 0x1F6FC)
        or (>= 0x1F7E0 and <= 0x1F7EB) or 0x1F7F0
        or (>= 0x1F90C and <= 0x1F93A) or (>= 0x1F93C and <= 0x1F945) or (>= 0x1F947 and <= 0x1F9FF);
}
