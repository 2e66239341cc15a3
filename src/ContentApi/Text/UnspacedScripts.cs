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
}
