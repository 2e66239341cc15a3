using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Articles;

namespace ContentApi.Import;

/// <summary>
/// The language of a file that has no <c>language</c> key: the suffix of its name as Hugo writes it
/// (<c>post.ja.md</c>, <c>post.zh-hant.md</c>) when that is a BCP 47 tag of a known language; else its script:
/// kana is Japanese (ja), then Hangul Korean (ko), then Han characters Chinese (zh), anything else English (en).
/// </summary>
internal static partial class LanguageGuess
{
    public static string For(string file, string text) => FromFileName(file) ?? FromScript(text);

    public static string? FromFileName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var dot = stem.LastIndexOf('.');
        var suffix = dot < 0 ? "" : stem[(dot + 1)..];
        if (suffix.Length > ArticleRequestValidator.MaxLanguageTagLength || !LanguageTag().IsMatch(suffix))
        {
            return null;
        }
        try
        {
            // Only a language the platform knows, so that 'old' in 'notes.old.md' is not taken for a tag.
            var culture = CultureInfo.GetCultureInfo(suffix, predefinedOnly: true);
            return culture.Name.Length > 0 && LanguageTag().IsMatch(culture.Name) ? culture.Name : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    public static string FromScript(string text)
    {
        var han = false;
        var hangul = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsKana(rune))
            {
                return "ja";
            }
            han |= rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF;
            hangul |= rune.Value is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3131 and <= 0x318E;
        }
        // Korean may quote Han characters (hanja); Chinese hardly ever holds Hangul.
        return hangul ? "ko" : han ? "zh" : "en";
    }

    // Hiragana and katakana (halfwidth too), without the middle dot U+30FB that Chinese text uses as well.
    private static bool IsKana(Rune rune) =>
        rune.Value is >= 0x3041 and <= 0x309F or >= 0x30A1 and <= 0x30FA or >= 0x30FC and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D;

    [GeneratedRegex(ArticleRequestValidator.LanguageTagPattern)]
    private static partial Regex LanguageTag();
}
