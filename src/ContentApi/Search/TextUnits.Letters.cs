using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// Letters written in more than one way for one word, beyond what case folding and Unicode decomposition unify, and the
/// marks that are part of a word rather than an accent on it.
/// </summary>
internal static partial class TextUnits
{
    /// <summary>
    /// What a lowercase letter is searched as, when Unicode gives it no decomposition: Latin letters with a stroke or of
    /// their own (<see cref="LatinLetters"/>), and the Arabic and Persian letters one word is written with in different places: alef
    /// wasla, alef maksura and Persian yeh as alef and yeh, teh marbuta and heh goal as heh, keheh as kaf (Lucene's
    /// Arabic and Persian normalisers fold the same). Null: the letter is searched as it is.
    /// </summary>
    private static string? SearchedAs(int lowercase) => LatinLetters.PlainSpelling(lowercase) ?? lowercase switch
    {
        '\u0671' => "\u0627",
        '\u0649' or '\u06CC' => "\u064A",
        '\u0629' or '\u06C1' => "\u0647",
        '\u06A9' => "\u0643",
        // Candrabindu is written for anusvara and the other way round (हाँ, हां).
        '\u0901' => "\u0902",
        '\u0981' => "\u0982",
        _ => null,
    };

    /// <summary>
    /// Whether a nonspacing mark is an accent or a point, dropped so that cafe finds café, Ёлка finds Елка and a word
    /// finds its pointed Hebrew or vowelled Arabic form: the combining diacritics, Cyrillic titlos, the points of Hebrew,
    /// Arabic and Syriac (<see cref="AbjadPoints"/>, which derived slugs leave out too), kana voicing marks, and the
    /// nukta of the Indic scripts, often left out (ज़िंदगी is जिंदगी). Other marks are part of their word: in the scripts
    /// of South and Southeast Asia they are vowels, nasals and viramas, so कुल is not कल. Variation selectors only
    /// choose a glyph.
    /// </summary>
    private static bool IsAccent(int mark) => AbjadPoints.IsPoint(mark) || mark is
        (>= 0x0300 and <= 0x036F) or (>= 0x0483 and <= 0x0489) or (>= 0x1AB0 and <= 0x1AFF)
        or (>= 0x1DC0 and <= 0x1DFF) or (>= 0x20D0 and <= 0x20FF) or (>= 0xFE20 and <= 0xFE2F) or 0x3099 or 0x309A
        or 0x093C or 0x09BC or 0x0A3C or 0x0ABC or 0x0B3C or 0x0CBC
        or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x180B and <= 0x180F); // variation selectors
}
