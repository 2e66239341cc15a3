using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Thai, Lao, Khmer and Myanmar: alphabets written without spaces between words (spaces end phrases and sentences), and
/// .NET has no dictionary to find their word breaks. Block ranges, as for <see cref="Cjk"/>.
/// </summary>
internal static class UnspacedScripts
{
    /// <summary>A letter of one of these scripts (their vowel signs and tone marks are marks, their digits digits).</summary>
    public static bool IsLetter(Rune rune) =>
        rune.Value is (>= 0x0E00 and <= 0x0EFF) or (>= 0x1000 and <= 0x109F) or (>= 0x1780 and <= 0x17FF) or (>= 0xA9E0 and <= 0xA9FF) or (>= 0xAA60 and <= 0xAA7F)
        && Rune.IsLetter(rune);

    /// <summary>
    /// Thai, Lao, Khmer and Myanmar, written without spaces: a zero-width space there marks where a word ends. Elsewhere
    /// it only says where a line may break (a long word, a URL, Chinese text from a web editor), and the reader sees one word.
    /// </summary>
    private static bool IsSpacelessScript(char c) => c is (>= '\u0E00' and <= '\u0EFF') // Thai, Lao
        or (>= '\u1000' and <= '\u109F') or (>= '\uA9E0' and <= '\uA9FF') or (>= '\uAA60' and <= '\uAA7F') // Myanmar and its extensions
        or (>= '\u1780' and <= '\u17FF') or (>= '\u19E0' and <= '\u19FF') // Khmer and its symbols
        or (>= '\u1980' and <= '\u19DF') or (>= '\u1A20' and <= '\u1AAF') or (>= '\uAA80' and <= '\uAADF'); // New Tai Lue, Tai Tham, Tai Viet

    /// <summary>Whether the zero-width space at <paramref name="index"/> stands beside a character of a script written without spaces: a word break there (search, derived slugs and heading ids read it so).</summary>
    public static bool ZeroWidthSpaceBreaksWordAt(string text, int index) =>
        index > 0 && IsSpacelessScript(text[index - 1]) || index + 1 < text.Length && IsSpacelessScript(text[index + 1]);
}
