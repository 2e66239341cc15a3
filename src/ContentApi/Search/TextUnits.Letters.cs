namespace ContentApi.Search;

/// <summary>
/// Letters written in more than one way for one word, beyond what case folding and Unicode decomposition unify, and the
/// marks that are part of a word rather than an accent on it.
/// </summary>
internal static partial class TextUnits
{
    /// <summary>
    /// What a lowercase letter is searched as, when Unicode gives it no decomposition: Latin letters with a stroke or of
    /// their own, as their readers type them without a national keyboard (Łódź as lodz, Đà Nẵng as da nang, ılık as
    /// ilik, Œuvre as oeuvre), and the Arabic and Persian letters one word is written with in different places: alef
    /// wasla, alef maksura and Persian yeh as alef and yeh, teh marbuta and heh goal as heh, keheh as kaf (Lucene's
    /// Arabic and Persian normalisers fold the same). Null: the letter is searched as it is.
    /// </summary>
    private static string? SearchedAs(int lowercase) => Text.LatinLetters.Plain(lowercase) ?? lowercase switch
    {
        '\u0671' => "\u0627",
        '\u0649' or '\u06CC' => "\u064A",
        '\u0629' or '\u06C1' => "\u0647",
        '\u06A9' => "\u0643",
        _ => null,
    };

    /// <summary>
    /// Whether a nonspacing mark is part of its word: in the scripts of South and Southeast Asia (Devanagari to
    /// Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer) marks are vowels, nasals and consonant joins, so कुल is not कल.
    /// Elsewhere they are accents and points, dropped so that cafe finds café and Hebrew finds its pointed form.
    /// </summary>
    private static bool IsPartOfWord(int mark) =>
        mark is (>= 0x0900 and <= 0x0DFF) or (>= 0x0E00 and <= 0x0FFF) or (>= 0x1000 and <= 0x109F) or (>= 0x1780 and <= 0x17FF) or (>= 0xA8E0 and <= 0xA8FF);
}
