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
public static class Slugs
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

    /// <summary>
    /// The spelling slugs are stored in: NFKC, but for Thai ำ (U+0E33) and Lao ຳ (U+0EB3), which NFKC splits into a
    /// nikhahit and a sara aa (ํา, ໍາ) that keyboards never type and that a cut could part. Lookups read a slug through
    /// it, so a URL made with either spelling finds the slug; a slug written with the pair is taken as written with
    /// the one character.
    /// </summary>
    public static string InStoredSpelling(string slug) =>
        slug.AsSpan().IndexOfAny('\u0E4D', '\u0ECD') < 0
            ? slug
            : slug.Replace("\u0E4D\u0E32", "\u0E33", StringComparison.Ordinal).Replace("\u0ECD\u0EB2", "\u0EB3", StringComparison.Ordinal);

    /// <summary>
    /// The stored spelling of a slug as a URL or a filter writes it: a slug in another spelling that NFKC reads as the
    /// same (a decomposed é, as macOS and some editors pass links on; full-width letters) finds it, as its ำ or ຳ does.
    /// Text Unicode cannot normalise (a noncharacter) is looked up as it is, and finds nothing.
    /// </summary>
    public static string ForLookup(string slug)
    {
        try
        {
            return StoredForm(slug);
        }
        catch (ArgumentException)
        {
            return slug;
        }
    }

    /// <summary>NFKC but for ำ and ຳ (<see cref="InStoredSpelling"/>). Throws on noncharacters (U+FFFE).</summary>
    private static string StoredForm(string slug) =>
        InStoredSpelling(slug.IsNormalized(NormalizationForm.FormKC) ? slug : slug.Normalize(NormalizationForm.FormKC));

    /// <summary>
    /// The <see cref="ForLookup"/> spelling without the points of Hebrew and Arabic and the tatweel, which derived slugs
    /// leave out (<see cref="AbjadPoints.IsLeftOutOfNames"/>): a reader who copies a pointed title (שָׁלוֹם) into a URL
    /// finds the slug derived from it (שלום).
    /// </summary>
    public static string Unpointed(string slug) => ForLookup(AbjadPoints.LeftOutOfNames(ForLookup(slug)));

    /// <summary>
    /// What <paramref name="find"/> finds under the first of <paramref name="spellings"/> (<see cref="Spellings"/>, or
    /// <see cref="WrittenSpellings"/> for a slug taken as written) that finds anything: a slug stored before slugs had to
    /// be NFKC, or one derived with points before slugs left them out, is found as it is stored.
    /// </summary>
    public static async Task<T?> FindBySpellingAsync<T>(IEnumerable<string> spellings, Func<string, Task<T?>> find) where T : class
    {
        foreach (var spelling in spellings)
        {
            if (await find(spelling) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>
    /// The spellings a list's slug filter looks for, each slug read as <see cref="FindBySpellingAsync"/> reads one: as
    /// written and its <see cref="ForLookup"/> spelling, and its <see cref="Unpointed"/> one only where none of those is
    /// stored (<paramref name="storedAmong"/>: which of these spellings a row has). Taken whole, a slug stored with its
    /// points listed beside it the resource whose slug is its unpointed spelling. Asks the store nothing when no slug has
    /// points to leave out.
    /// </summary>
    public static async Task<string[]> ListSpellingsAsync(IEnumerable<string> slugs, Func<string[], Task<IEnumerable<string>>> storedAmong)
    {
        var lookups = slugs.Select(slug => (Written: WrittenSpellings(slug).ToArray(), Unpointed: Unpointed(slug))).ToList();
        var written = lookups.SelectMany(lookup => lookup.Written).Distinct(StringComparer.Ordinal).ToArray();
        var pointed = lookups.Where(lookup => !lookup.Written.Contains(lookup.Unpointed, StringComparer.Ordinal)).ToList();
        if (pointed.Count == 0)
        {
            return written;
        }
        var stored = (await storedAmong([.. pointed.SelectMany(lookup => lookup.Written).Distinct(StringComparer.Ordinal)])).ToHashSet(StringComparer.Ordinal);
        return [.. written.Concat(pointed.Where(lookup => !lookup.Written.Any(stored.Contains)).Select(lookup => lookup.Unpointed)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The slug as written, its <see cref="ForLookup"/> spelling and its <see cref="Unpointed"/> one, in that order, each
    /// once.
    /// </summary>
    public static IEnumerable<string> Spellings(string slug) => WrittenSpellings(slug).Append(Unpointed(slug)).Distinct(StringComparer.Ordinal);

    /// <summary>The slug as written and its <see cref="ForLookup"/> spelling, each once: a slug a file gives, read as it is written.</summary>
    public static IEnumerable<string> WrittenSpellings(string slug) => new[] { slug, ForLookup(slug) }.Distinct(StringComparer.Ordinal);

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

    /// <summary>Derives a readable slug from a title or name; never empty (falls back to <paramref name="fallback"/>).</summary>
    /// <param name="asEarlierBuilds">
    /// As builds before 2026-12-02 derived it, for finding what they stored: C# as "c" (not "csharp":
    /// <see cref="SymbolNamedTerms"/>), צה״ל as "צה-ל", Straße as "straße", don't as "don-t", Сергей as "сергеи", and the
    /// points of Hebrew and Arabic and the tatweel kept (שָׁלוֹם as "שָׁלוֹם", not "שלום": <see cref="AbjadPoints"/>),
    /// and, as builds before 2026-12-05 derived it, 〇 as a break between words (二〇二五年 as "二-二五年"), and a
    /// title with no space in reach of the limit cut wherever the limit fell ("…後でマイクロソフトコー"), and, as builds
    /// before 2026-12-06 derived it, a format character such as a zero-width space as a break ("台北\u200B市" as "台北-市").
    /// </param>
    public static string FromText(string text, string fallback, bool asEarlierBuilds = false)
    {
        // Compatibility-decompose so "Café" gives "cafe" and full-width "Ｑｗｅｎ" gives "qwen". Only the accents of
        // alphabets that read fine without them go, and the points of Hebrew and Arabic, which their texts mostly leave
        // out (a reader types שלום and محمد); in Devanagari, Tamil or Thai the marks are part of the word ("हिन्दी"
        // without them reads "हनद").
        var decomposed = NormalizedText.Of(asEarlierBuilds ? text : WithSymbolNamedTerms(text), NormalizationForm.FormKD);
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

    /// <summary>"title", "title-2", "title-3", ... for a derived slug that is already taken.</summary>
    public static string WithSuffix(string slug, int attempt)
    {
        if (attempt <= 1)
        {
            return slug;
        }
        var suffix = "-" + attempt.ToString(CultureInfo.InvariantCulture);
        return TrimToLength(slug, MaxLength - suffix.Length, DerivedMaxBytes - suffix.Length) + suffix;
    }

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

    /// <summary>
    /// The longest start of at most <paramref name="maxCharacters"/> characters (Unicode scalar values) and
    /// <paramref name="maxBytes"/> UTF-8 bytes, ending between words when a cut falls inside one late enough, and
    /// without a hyphen at either end. Words end where an excerpt's cut takes them to (<see cref="Excerpts"/>): at a
    /// hyphen, or beside Chinese or Japanese, not inside a katakana word, and in Japanese preferably where a phrase ends;
    /// <paramref name="asEarlierBuilds"/>, at a hyphen only.
    /// </summary>
    private static string TrimToLength(string slug, int maxCharacters, int maxBytes, bool asEarlierBuilds = false)
    {
        // Whole user-perceived characters only: a cut inside one would leave a letter without its mark or a conjunct
        // ending in a virama ("क्ष" cut to "क्").
        var (end, characters, bytes) = (0, 0, 0);
        foreach (var (start, length) in Graphemes.Ranges(slug))
        {
            var cluster = slug.AsSpan(start, length);
            var (clusterCharacters, clusterBytes) = (0, 0);
            foreach (var rune in cluster.EnumerateRunes())
            {
                clusterCharacters++;
                clusterBytes += rune.Utf8SequenceLength;
            }
            if (characters + clusterCharacters > maxCharacters || bytes + clusterBytes > maxBytes)
            {
                break;
            }
            (end, characters, bytes) = (start + length, characters + clusterCharacters, bytes + clusterBytes);
        }
        if (end > 0 && end < slug.Length && slug[end] != '-')
        {
            end = asEarlierBuilds ? EndAtHyphen(slug, end) : EndBetweenWords(slug, end); // "a-long-title-that-was-cu" → "a-long-title-that-was"
        }
        return slug[..end].Trim('-');
    }

    private static int EndAtHyphen(string slug, int end) => slug.LastIndexOf('-', end - 1) is var hyphen && hyphen > end * 2 / 3 ? hyphen : end;

    /// <summary>Where the slug's start up to <paramref name="end"/> ends between words in its last third, as an excerpt is cut; else <paramref name="end"/>.</summary>
    private static int EndBetweenWords(string slug, int end)
    {
        // The hyphens as the spaces they stand for, so that the excerpt's rule reads the slug as text; one more cluster
        // than is kept, to see what a cut at the end would part.
        var elements = Graphemes.Split(slug[..(end + Graphemes.LengthAt(slug, end))]).ConvertAll(element => element == "-" ? " " : element);
        var kept = elements.Count - 1;
        return Excerpts.LastWordBoundary(elements, kept * 2 / 3 + 1, kept) is { } length ? string.Concat(elements.Take(length)).Length : end;
    }
}
