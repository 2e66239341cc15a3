using System.Text;

namespace ContentApi.Text;

/// <summary>
/// The spellings a slug is stored and looked up in: a URL in another spelling of a slug finds it.
/// </summary>
public static partial class Slugs
{
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
}
