using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// The points of the abjads, Hebrew, Arabic and Syriac: the vowel points and reading signs their texts mostly leave out
/// (Hebrew niqqud and cantillation, Arabic tashkeel and Quranic signs, Syriac vowels), so that שָׁלוֹם is also written
/// שלום and مُحَمَّد محمد; and the Arabic tatweel (ـ), which only stretches a joined letter (مـحـمـد). Search drops
/// them all, so that a word finds its pointed form; derived slugs and heading ids leave them out too
/// (<see cref="IsLeftOutOfNames"/>), but for the hamza and madda that make the letters أ إ آ ؤ ئ.
/// The marks of the scripts of South and Southeast Asia are not among them: there they are vowels of the word (कुल is
/// not कल).
/// </summary>
public static class AbjadPoints
{
    /// <summary>The Arabic tatweel (kashida), a letter by its Unicode category.</summary>
    public const int Tatweel = 0x0640;

    /// <summary>
    /// Whether this is a point: a nonspacing mark of the Hebrew points and accents (U+0591-U+05C7), the Arabic honorific
    /// and Quranic signs (U+0610-U+061A, U+06D6-U+06ED), the Arabic harakat (U+064B-U+065F) and superscript alef
    /// (U+0670), or the Syriac points (U+0730-U+074A). The punctuation and letters in those ranges (the maqaf ־, the
    /// sof pasuq ׃, the small waw ۥ) are not points.
    /// </summary>
    public static bool IsPoint(int codePoint) =>
        codePoint is (>= 0x0591 and <= 0x05C7) or (>= 0x0610 and <= 0x061A) or (>= 0x064B and <= 0x065F) or 0x0670
            or (>= 0x06D6 and <= 0x06ED) or (>= 0x0730 and <= 0x074A)
        && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.NonSpacingMark;

    /// <summary>
    /// Whether a derived slug or heading id leaves this out of its word: a point or the tatweel, but not the madda and
    /// hamza above and below (U+0653-U+0655), which Unicode composes with a letter into another (ا with a hamza is أ):
    /// search reads أحمد as احمد, a slug writes it as it is.
    /// </summary>
    public static bool IsLeftOutOfNames(int codePoint) =>
        codePoint == Tatweel || codePoint is not (>= 0x0653 and <= 0x0655) && IsPoint(codePoint);

    /// <summary>The text without what <see cref="IsLeftOutOfNames"/>; the same string when it has none.</summary>
    public static string LeftOutOfNames(string text)
    {
        var first = 0;
        while (first < text.Length && !IsLeftOutOfNames(text[first]))
        {
            first++; // every code point in question is in the BMP: a surrogate is none of them
        }
        if (first == text.Length)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!IsLeftOutOfNames(text[i]))
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }
}
