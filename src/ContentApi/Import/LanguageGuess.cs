using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContentApi.Articles;

namespace ContentApi.Import;

/// <summary>
/// The language of a file that has no <c>language</c> key: the suffix of its name as Hugo writes it
/// (<c>post.ja.md</c>, <c>post.zh-hant.md</c>) when that is a BCP 47 tag of a known language; else its script:
/// the script most of the text is written in (<see cref="FromScript"/>).
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

    /// <summary>
    /// The script most of the text is written in: a Chinese article quoting a Japanese title (《ゼルダの伝説》) or a
    /// Korean name (삼성), or an English post naming 東京, keeps its own language. CJK characters count three letters of
    /// other scripts each (a word's worth); among them, kana at one in five is Japanese (Japanese prose is a third or
    /// more), Hangul outnumbering the rest is Korean.
    /// </summary>
    public static string FromScript(string text)
    {
        int kana = 0, hangul = 0, han = 0, others = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsKana(rune))
            {
                kana++;
            }
            else if (rune.Value is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3131 and <= 0x318E)
            {
                hangul++;
            }
            else if (rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF)
            {
                han++;
            }
            else if (Rune.IsLetter(rune))
            {
                others++;
            }
        }
        var cjk = kana + hangul + han;
        if (cjk == 0 || cjk * 3 < others)
        {
            return "en";
        }
        return hangul * 2 > cjk ? "ko" : kana * 5 >= cjk ? "ja" : "zh";
    }

    // Hiragana and katakana (halfwidth too), without the middle dot U+30FB that Chinese text uses as well.
    private static bool IsKana(Rune rune) =>
        rune.Value is >= 0x3041 and <= 0x309F or >= 0x30A1 and <= 0x30FA or >= 0x30FC and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D;

    [GeneratedRegex(ArticleRequestValidator.LanguageTagPattern)]
    private static partial Regex LanguageTag();
}
