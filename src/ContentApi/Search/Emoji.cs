using System.Globalization;
using System.Text;

namespace ContentApi.Search;

/// <summary>
/// Emoji and other pictographs, which search reads as words of their own, one per user-perceived character, as Lucene's
/// standard tokenizer does: a reader searches a post by the 🎉 it was tagged with.
/// </summary>
internal static class Emoji
{
    private static readonly (int First, int Last)[] Blocks =
    [
        (0x2300, 0x23FF),   // Miscellaneous Technical: ⌚ ⏰ ⏳
        (0x2600, 0x27BF),   // Miscellaneous Symbols, Dingbats: ☀ ❤ ✅
        (0x2B00, 0x2BFF),   // Miscellaneous Symbols and Arrows: ⭐ ⭕
        (0x1F000, 0x1FAFF), // the emoji blocks, regional indicators (flags) included
    ];

    /// <summary>
    /// Whether a grapheme cluster is an emoji or another pictograph: it starts with one, or with a symbol or punctuation
    /// mark that the emoji presentation selector after it draws as an emoji (▶️, ‼️, ©️). The keycaps of ASCII signs
    /// (#️⃣, *️⃣) stay none, as the index holds no ASCII punctuation, and a digit's (1️⃣) is its digit. The one letter
    /// with an emoji form, ℹ (a lowercase letter to Unicode, i to NFKC), is the emoji ℹ️ with the selector.
    /// </summary>
    public static bool Is(ReadOnlySpan<char> cluster)
    {
        Rune.DecodeFromUtf16(cluster, out var first, out _);
        var drawable = first.Value == InformationSource || (!first.IsAscii && !Rune.IsLetterOrDigit(first) && !Rune.IsWhiteSpace(first));
        return Starts(first) || (drawable && cluster.IndexOf(EmojiPresentation) > 0);
    }

    private const char EmojiPresentation = '\uFE0F';

    private const int InformationSource = 0x2139;

    private static bool Starts(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && Blocks.Any(block => rune.Value >= block.First && rune.Value <= block.Last);

    /// <summary>
    /// The pictograph as searched: without what only chooses how it is drawn, its skin tone (👍🏽 is 👍), a variation
    /// selector (❤️ is ❤) or the zero-width joiner between a sequence's pictographs.
    /// </summary>
    public static string Folded(ReadOnlySpan<char> cluster)
    {
        var folded = new StringBuilder(cluster.Length);
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (rune.Value is not ((>= 0x1F3FB and <= 0x1F3FF) or 0xFE0E or 0xFE0F or 0x200D))
            {
                folded.Append(rune.ToString());
            }
        }
        return folded.ToString();
    }
}
