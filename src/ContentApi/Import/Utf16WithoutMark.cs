using System.Globalization;
using System.Text;

namespace ContentApi.Import;

/// <summary>
/// Whether bytes that are not UTF-8 read as UTF-16 text, as a file saved as UTF-16 without its byte-order mark does when
/// all its characters are past U+00FF (CJK without a line break: no NUL byte betrays it). Only said, never read so: two
/// ASCII letters make one CJK ideograph ("ab" is U+6261 in little-endian), so Latin-1 of even length decodes as UTF-16
/// too; its spaces then pair into format characters and unassigned ones, and its punctuation into other scripts, which
/// this takes as not such text.
/// </summary>
internal static class Utf16WithoutMark
{
    public static bool ReadsAsCjkText(ReadOnlySpan<byte> bytes) =>
        bytes.Length % 2 == 0 && (ReadsAsCjkText(bytes, bigEndian: false) || ReadsAsCjkText(bytes, bigEndian: true));

    /// <summary>
    /// Strict UTF-16 of letters, marks, numbers, punctuation, symbols and spaces, four in five of them CJK (ideographs,
    /// kana, Hangul, CJK and full-width punctuation): a text with a Latin letter or a line break holds a NUL byte.
    /// </summary>
    private static bool ReadsAsCjkText(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        string text;
        try
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var (cjk, all) = (0, 0);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
            cjk += IsCjk(rune.Value) ? 1 : 0;
            all++;
        }
        return cjk * 5 >= all * 4;
    }

    private static bool IsCjk(int value) => value is (>= 0x3000 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or >= 0x20000;
}
