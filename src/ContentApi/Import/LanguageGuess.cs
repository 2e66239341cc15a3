using System.Globalization;
using System.Text;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The language of a file that has no <c>language</c> key: the suffix of its name as Hugo writes it
/// (<c>post.ja.md</c>, <c>post.zh-hant.md</c>) when that is a BCP 47 tag of a known language; else its script:
/// the script most of the text is written in (<see cref="FromScript"/>).
/// </summary>
internal static class LanguageGuess
{
    public static string For(string file, string text) => FromFileName(file) ?? FromScript(text);

    public static string? FromFileName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var dot = stem.LastIndexOf('.');
        var suffix = dot < 0 ? "" : stem[(dot + 1)..];
        if (!LanguageTags.IsWellFormed(suffix))
        {
            return null;
        }
        try
        {
            // Only a language the platform knows, so that 'old' in 'notes.old.md' is not taken for a tag.
            var culture = CultureInfo.GetCultureInfo(suffix, predefinedOnly: true);
            return LanguageTags.IsWellFormed(culture.Name) ? culture.Name : null;
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
            if (Cjk.IsKana(rune))
            {
                kana++;
            }
            else if (Cjk.IsHangul(rune))
            {
                hangul++;
            }
            else if (Cjk.IsLetter(rune))
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
}
