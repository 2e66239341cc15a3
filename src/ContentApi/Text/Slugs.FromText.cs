using System.Globalization;
using System.Text;

namespace ContentApi.Text;

/// <summary>
/// Slugs derived from titles and names, as this build derives them and as earlier builds did.
/// </summary>
public static partial class Slugs
{
    /// <summary>Derives a readable slug from a title or name; never empty (falls back to <paramref name="fallback"/>).</summary>
    /// <param name="asEarlierBuilds">
    /// As builds before 2026-12-02 derived it, for finding what they stored: C# as "c" (not "csharp":
    /// <see cref="SymbolNamedTerms"/>), צה״ל as "צה-ל", Straße as "straße", don't as "don-t", Сергей as "сергеи", and the
    /// points of Hebrew and Arabic and the tatweel kept (שָׁלוֹם as "שָׁלוֹם", not "שלום": <see cref="AbjadPoints"/>),
    /// and, as builds before 2026-12-05 derived it, 〇 as a break between words (二〇二五年 as "二-二五年"), and a
    /// title with no space in reach of the limit cut wherever the limit fell ("…後でマイクロソフトコー"), and, as builds
    /// before 2026-12-06 derived it, a format character such as a zero-width space as a break ("台北\u200B市" as "台北-市"),
    /// and, as builds before 2026-12-08 derived it, a ruby with its tags and reading ("ruby-谷中-rt-やなか-rt-ruby").
    /// </param>
    public static string FromText(string text, string fallback, bool asEarlierBuilds = false)
    {
        // Compatibility-decompose so "Café" gives "cafe" and full-width "Ｑｗｅｎ" gives "qwen". Only the accents of
        // alphabets that read fine without them go, and the points of Hebrew and Arabic, which their texts mostly leave
        // out (a reader types שלום and محمد); in Devanagari, Tamil or Thai the marks are part of the word ("हिन्दी"
        // without them reads "हनद").
        var decomposed = NormalizedText.Of(asEarlierBuilds ? text : WithSymbolNamedTerms(RubyBaseText.Of(text)), NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        var lastLetter = default(Rune);
        // The whole text, cut only once recomposed: decomposed, a Hangul syllable is two or three runes.
        var next = 0;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var index = next;
            next += rune.Utf16SequenceLength;
            if (IsInvisible(rune) || (asEarlierBuilds ? IsInvisibleInWordAsEarlierBuilds(rune) : IsLeftOutOfWords(decomposed, index, rune)) || !asEarlierBuilds && (HebrewWordMarks.At(decomposed, index)
                || IsApostropheInWord(decomposed, index) || AbjadPoints.IsLeftOutOfNames(rune.Value)))
            {
                // A variation selector picks a glyph (渡邉󠄐), a gershayim marks an acronym (צה״ל), a point a vowel (שָׁלוֹם),
                // a tatweel stretches a letter (مـحـمـد): the slug is the same word without it, not the fallback or two words.
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            // Enclosing marks (a keycap's U+20E3) are decoration: they separate, like symbols.
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isMark && (builder.Length == 0 || pendingHyphen || DropsAccent(lastLetter, rune, asEarlierBuilds)))
            {
                continue;
            }
            if (isMark)
            {
                builder.Append(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune) || !asEarlierBuilds && category == UnicodeCategory.LetterNumber)
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                var lowercase = Rune.ToLowerInvariant(rune);
                builder.Append((asEarlierBuilds ? null : LatinLetters.PlainSpelling(lowercase.Value)) ?? lowercase.ToString());
                lastLetter = rune;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = InStoredSpelling(builder.ToString().Normalize(NormalizationForm.FormC));
        slug = FinalSigmas.In(TrimToLength(slug, MaxLength, DerivedMaxBytes, asEarlierBuilds));
        return IsValid(slug) ? slug : fallback;
    }

    /// <summary>C#, C++ and .NET as the words csharp, cplusplus and dotnet: a slug kept only their letters ("c", "c-2", "net").</summary>
    private static string WithSymbolNamedTerms(string text)
    {
        StringBuilder? named = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (SymbolNamedTerms.At(text, i) is var (term, length))
            {
                named ??= new StringBuilder(text.Length + 16);
                named.Append(text, copied, i - copied).Append(' ').Append(term).Append(' ');
                copied = i + length;
                i = copied - 1;
            }
        }
        return named is null ? text : named.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Format characters that show nothing inside a word, as builds before 2026-12-06 left them out: a soft hyphen
    /// ("Bundes&#173;tag"), the zero-width joiner (in Sinhala "ශ්‍රී"), the word joiner, a byte order mark, direction marks,
    /// embeddings and isolates; any other, such as a zero-width space, was a break between words.
    /// </summary>
    private static bool IsInvisibleInWordAsEarlierBuilds(Rune rune) =>
        rune.Value is 0x00AD or 0x061C or 0x200D or 0x200E or 0x200F or 0x2060 or 0xFEFF
            or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>
    /// Format characters (Unicode category Cf), which show nothing: a slug or an id leaves them out as if absent, as
    /// search reads them ("台北\u200B市" is "台北市", "Bundes&#173;tag" "bundestag"), rather than putting a hyphen there.
    /// Not a zero-width space beside Thai, Lao, Khmer or Myanmar, where it separates words
    /// (<see cref="UnspacedScripts.ZeroWidthSpaceBreaksWordAt"/>), nor the zero-width non-joiner, which Persian writes
    /// between the parts of most compound words (a slug derived before keeps its hyphen there, so re-importing such
    /// titles finds the same articles).
    /// </summary>
    internal static bool IsLeftOutOfWords(string text, int index, Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value != 0x200C
            && !(rune.Value == 0x200B && UnspacedScripts.ZeroWidthSpaceBreaksWordAt(text, index));

    /// <summary>Latin, Greek and Cyrillic letters, whose accents a slug drops ("é" → "e", "ё" → "е").</summary>
    private static bool HasDroppableAccents(Rune letter) => letter.Value is < 0x0530 or (>= 0x1E00 and < 0x2000);

    /// <summary>
    /// Whether a slug drops this mark after this letter: Latin and Greek accents, and Cyrillic ones but the breve and
    /// diaeresis that make the letters й, ў, ё and ї (dropped, Сергей read "сергеи"), which earlier builds dropped too.
    /// </summary>
    private static bool DropsAccent(Rune letter, Rune mark, bool asEarlierBuilds) =>
        HasDroppableAccents(letter) && (asEarlierBuilds || letter.Value is < 0x0400 or > 0x052F || mark.Value is not (0x0306 or 0x0308));

    /// <summary>
    /// An apostrophe between two letters (don't, o'clock, İstanbul’da): part of the word, which a slug writes without it
    /// (dont, istanbulda), as WordPress's do, rather than as two words.
    /// </summary>
    private static bool IsApostropheInWord(string text, int index) =>
        text[index] is '\'' or '\u2019' or '\u02BC' && index > 0 && index + 1 < text.Length
            && (char.IsLetter(text[index - 1]) || CharUnicodeInfo.GetUnicodeCategory(text[index - 1]) == UnicodeCategory.NonSpacingMark)
            && char.IsLetter(text[index + 1]);
}
