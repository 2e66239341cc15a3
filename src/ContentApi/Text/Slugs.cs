using System.Buffers;
using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// URL slugs: lowercase letters of any script (CJK kept as-is, percent-encoded by clients in URLs),
/// digits, and single hyphens between them; at most <see cref="MaxLength"/> characters (Unicode scalar values).
/// Read by character, not with a regular expression: .NET's <c>\p{Lo}</c> sees the two UTF-16 halves of 𠮷 (a CJK
/// extension ideograph, as in names), not a letter, so such slugs were refused and titles using them fell back.
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    /// <summary>
    /// Longest derived slug in UTF-8 bytes (60 Chinese characters): static-site builds and exports name files and folders
    /// by slug, and file names end at 255 bytes, which 120 Chinese characters (360 bytes) passed.
    /// </summary>
    public const int DerivedMaxBytes = 180;

    /// <summary>
    /// What a pattern can say of a slug in every client's regular expressions, so that the OpenAPI document states it:
    /// ASCII only as lowercase letters and digits, no space, words joined by single hyphens. Letters and marks of other
    /// scripts need Unicode property classes, which ECMA-262 knows only under the <c>u</c> flag, which not every client
    /// sets; <see cref="IsValid"/> judges them. Every slug matches it; not every match is a slug.
    /// </summary>
    public const string Shape = @"^(?:[a-z0-9]|[^\x00-\x7F\s])+(?:-(?:[a-z0-9]|[^\x00-\x7F\s])+)*\z";

    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return false;
        }
        var (characters, consumed, afterHyphen) = (0, 0, true);
        for (var i = 0; i < slug.Length; i += consumed)
        {
            if (Rune.DecodeFromUtf16(slug.AsSpan(i), out var rune, out consumed) != OperationStatus.Done || ++characters > MaxLength)
            {
                return false;
            }
            var isHyphen = rune.Value == '-';
            // A word starts with a letter or digit: an accent alone (U+0301) is no word.
            if (isHyphen ? afterHyphen : !IsSlugCharacter(rune) || (afterHyphen && IsMark(rune)))
            {
                return false;
            }
            afterHyphen = isHyphen;
        }
        // One spelling per slug: fullwidth, styled and ligature letters (ａ, 𝐚, ﬁ) and decomposed accents are other
        // spellings of slugs a derived one would write plainly, and look the same. Checked last: Normalize throws
        // on noncharacters (U+FFFE), which the loop has refused.
        return !afterHyphen && string.Equals(StoredForm(slug), slug, StringComparison.Ordinal);
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>
    /// A letter in lowercase or of a script without case, a digit, a mark, or a letter number: 〇, the zero Chinese and
    /// Japanese write numbers with ("二〇二五年"), and the Hangzhou numerals (Roman numerals are letters once in NFKC).
    /// </summary>
    private static bool IsSlugCharacter(Rune rune) => !IsInvisible(rune) && Rune.GetUnicodeCategory(rune) is UnicodeCategory.LowercaseLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>
    /// Letters and marks that show nothing (Hangul fillers, variation selectors, the grapheme joiner, Khmer's deprecated
    /// inherent vowels): slugs that differ only by them look the same.
    /// </summary>
    private static bool IsInvisible(Rune rune) => rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
}
