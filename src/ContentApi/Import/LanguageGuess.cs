using System.Globalization;
using System.Text;
using ContentApi.Search;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The language of a file that has no <c>language</c> key: the suffix of its name as Hugo writes it
/// (<c>post.ja.md</c>, <c>post.zh-hant.md</c>) when that is a BCP 47 tag of a known language; else its script:
/// the script most of the text is written in (<see cref="FromScript"/>).
/// </summary>
internal static class LanguageGuess
{
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
            // Only a language the platform knows, so that 'old' in 'notes.old.md' is not taken for a tag; the tag as the
            // file gives it, not the culture's name, which drops what it does not know ('en-x-internal' would be 'en').
            var culture = CultureInfo.GetCultureInfo(suffix, predefinedOnly: true);
            return culture.Name.Length > 0 ? LanguageTags.Canonical(suffix) : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The script most of the text is written in: a Chinese article quoting a Japanese title (《ゼルダの伝説》) or a
    /// Korean name (삼성), or an English post naming 東京, keeps its own language. CJK characters count three letters of
    /// other scripts each (a word's worth); among them, kana at one in five is Japanese
    /// (<see cref="JapaneseCuts.IsJapaneseShare"/>), Hangul outnumbering the rest is Korean, and Chinese is Traditional
    /// or Simplified as its characters tell
    /// (<see cref="Chinese"/>). Other text is taken for the language of the alphabet most of its
    /// letters are in (<see cref="Alphabets"/>), and for English when that is Latin.
    /// </summary>
    public static string FromScript(string text)
    {
        int kana = 0, hangul = 0, han = 0, others = 0, traditional = 0, simplified = 0;
        var alphabets = new Dictionary<string, int>();
        var simplifiedForms = new HashSet<int>();
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
                traditional += HanVariants.IsTraditionalForm(rune) ? 1 : 0;
                if (HanVariants.IsSimplifiedForm(rune))
                {
                    simplified++;
                    simplifiedForms.Add(rune.Value);
                }
            }
            else if (Rune.IsLetter(rune))
            {
                others++;
                if (AlphabetOf(rune) is { } language)
                {
                    alphabets[language] = alphabets.GetValueOrDefault(language) + 1;
                }
            }
        }
        var cjk = kana + hangul + han;
        if (cjk == 0 || cjk * 3 < others)
        {
            return alphabets.Count > 0 && alphabets.MaxBy(a => a.Value) is var (language, letters) && letters * 2 > others ? language : "en";
        }
        return hangul * 2 > cjk ? "ko" : JapaneseCuts.IsJapaneseShare(kana, cjk) ? "ja" : Chinese(traditional, simplified, simplifiedForms.Count);
    }

    /// <summary>
    /// Whether <paramref name="tag"/> names a language written in the script that <paramref name="guessed"/>, a guess of
    /// <see cref="FromScript"/> that tells a script and no language, stands for: <c>und-Arab</c> for <c>fa</c>, <c>ar-EG</c>
    /// or <c>ur</c>, <c>und-Cyrl</c> for <c>ru</c>, and <c>en</c>, the guess for any text in Latin letters, for <c>fr</c>
    /// or <c>vi</c>. Read from the language's name for itself, which is written in its script (فارسی, русский,
    /// français; <c>sr-Latn</c>'s srpski); a language the platform does not know tells nothing.
    /// </summary>
    public static bool IsWrittenInScriptOf(string tag, string guessed)
    {
        if (!guessed.StartsWith("und-", StringComparison.Ordinal) && guessed != "en")
        {
            return false;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return culture.Name.Length > 0 && FromScript(culture.NativeName) == guessed;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Traditional (<c>zh-Hant</c>) or Simplified (<c>zh-Hans</c>) Chinese, by the characters the two write differently
    /// (<see cref="HanVariants"/>). A Traditional form is a strong sign (Simplified text writes few: 著名), a Simplified
    /// one a weak sign, since Traditional text writes many of them too (台, 家, 同, 表: forms of rarer variants); so
    /// Traditional when its forms are more than half as many, Simplified when they are fewer than a quarter (a title
    /// quoted from the other, 《臺灣關係法》, stays in the minority), and plain <c>zh</c> when the text tells neither.
    /// Being weak, Simplified forms tell Simplified only when the text writes at least <see cref="SimplifiedFormsNeeded"/>
    /// different ones: '台北市' (台, Traditional text's own form of 臺) or '只有台中' is too short to tell, and plain
    /// <c>zh</c> is less precise but not wrong, where <c>zh-Hans</c> would have a reader's font draw Taiwanese text as mainland's.
    /// </summary>
    private static string Chinese(int traditional, int simplified, int differentSimplified) =>
        traditional * 2 > simplified ? "zh-Hant"
        : simplified > traditional * 4 && differentSimplified >= SimplifiedFormsNeeded ? "zh-Hans"
        : "zh";

    /// <summary>The different Simplified forms a text must write to be taken for Simplified Chinese by them.</summary>
    private const int SimplifiedFormsNeeded = 3;

    /// <summary>
    /// Alphabets other than Latin, by Unicode block, and the language their text is taken for: the one nearly all of
    /// it is written in, or, for an alphabet several languages share (Arabic for Arabic, Persian and Urdu; Cyrillic;
    /// Devanagari; Bengali), the script alone (<c>und-Arab</c>: language undetermined), which still tells a browser and a
    /// screen reader how to read it, where <c>en</c> would have them read Arabic as English.
    /// </summary>
    private static readonly (int First, int Last, string Language)[] Alphabets =
    [
        (0x0370, 0x03FF, "el"), (0x1F00, 0x1FFF, "el"),
        (0x0400, 0x052F, "und-Cyrl"),
        (0x0530, 0x058F, "hy"),
        (0x0590, 0x05FF, "he"),
        (0x0600, 0x06FF, "und-Arab"), (0x0750, 0x077F, "und-Arab"), (0x08A0, 0x08FF, "und-Arab"), (0xFB50, 0xFDFF, "und-Arab"), (0xFE70, 0xFEFC, "und-Arab"),
        (0x0900, 0x097F, "und-Deva"),
        (0x0980, 0x09FF, "und-Beng"),
        (0x0B80, 0x0BFF, "ta"),
        (0x0C00, 0x0C7F, "te"),
        (0x0E00, 0x0E7F, "th"),
        (0x0E80, 0x0EFF, "lo"),
        (0x1000, 0x109F, "my"),
        (0x10A0, 0x10FF, "ka"),
        (0x1780, 0x17FF, "km"),
    ];

    private static string? AlphabetOf(Rune rune)
    {
        foreach (var (first, last, language) in Alphabets)
        {
            if (rune.Value >= first && rune.Value <= last)
            {
                return language;
            }
        }
        return null;
    }
}
