using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// The characters the unit reader tells apart before it normalizes: plain CJK, spaces, breaks, and formatting inside words.
/// </summary>
internal static partial class TextUnits
{
    private static bool IsPlainCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');

    /// <summary>
    /// Characters inside a word that change how it is drawn or broken, not what it says: the Arabic tatweel (ـ, which
    /// stretches a joined letter), the soft hyphen, the zero-width (non-)joiner (Persian and Indic words are written
    /// with and without it), the word joiner and its older form, the byte order mark (U+FEFF) found pasted mid-text.
    /// </summary>
    private static bool IsInWordFormatting(int codePoint) => codePoint is AbjadPoints.Tatweel or 0x00AD or 0x200C or 0x200D or 0x2060 or 0xFEFF;

    private static bool IsSpaceWithinLine(char c) => char.IsWhiteSpace(c) && !TextRules.IsLineBreak(c);

    /// <summary>
    /// What parts the plain text's blocks, hard line breaks (<see cref="TextRules.IsLineBreak"/>) and table cells (a tab):
    /// no phrase runs across it.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\t\n\r\v\f\u0085\u2028\u2029");

    /// <summary>The text cut before each letter, a mark staying with the letter before it.</summary>
    private static IEnumerable<string> LettersWithTheirMarks(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (i > start && Rune.IsLetter(Rune.GetRuneAt(text, i)))
            {
                yield return text[start..i];
                start = i;
            }
        }
        yield return text[start..];
    }
}
