using System.Globalization;
using System.Text;

namespace ContentApi.Search;

/// <summary>Han, kana and Hangul: scripts written without spaces between words, so search indexes them by character.</summary>
internal static class CjkScript
{
    private static readonly (int First, int Last)[] Blocks =
    [
        (0x1100, 0x11FF),   // Hangul Jamo
        (0x3000, 0x303F),   // CJK Symbols and Punctuation: only 々 〆 〇 and the Hangzhou numerals pass the letter test
        (0x3040, 0x30FF),   // Hiragana, Katakana
        (0x3100, 0x31BF),   // Bopomofo, Hangul Compatibility Jamo, Bopomofo Extended
        (0x31F0, 0x31FF),   // Katakana Phonetic Extensions
        (0x3400, 0x4DBF),   // CJK Unified Ideographs Extension A
        (0x4E00, 0x9FFF),   // CJK Unified Ideographs
        (0xA960, 0xA97F),   // Hangul Jamo Extended-A
        (0xAC00, 0xD7FF),   // Hangul Syllables, Hangul Jamo Extended-B
        (0xF900, 0xFAFF),   // CJK Compatibility Ideographs
        (0xFF66, 0xFFDC),   // half-width katakana and Hangul
        (0x1AFF0, 0x1B16F), // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
        (0x20000, 0x3FFFF), // Han extensions B and later, CJK Compatibility Ideographs Supplement
    ];

    public static bool IsCjk(Rune rune) =>
        InBlocks(rune.Value) &&
        (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.LetterNumber);

    private static bool InBlocks(int value)
    {
        foreach (var (first, last) in Blocks)
        {
            if (value < first)
            {
                return false;
            }
            if (value <= last)
            {
                return true;
            }
        }
        return false;
    }
}
