namespace ContentApi.Text;

/// <summary>
/// Slugs are lowercase, and none is looked up in another case: a path or filter in capitals is refused naming the
/// spelling that finds it, rather than being another URL for caches (a path) or an empty answer (a filter).
/// </summary>
public static class SlugCase
{
    /// <summary>
    /// The text lowercased as invariant culture lowers it, and the Turkish capital İ, which that leaves as it is, as i,
    /// as slugs and heading ids write it (İstanbul is istanbul). The same instance when there is nothing to lower.
    /// </summary>
    public static string Lowercase(string text)
    {
        var lowercased = text.ToLowerInvariant();
        return lowercased.Contains('İ', StringComparison.Ordinal) ? lowercased.Replace('İ', 'i') : lowercased;
    }

    /// <summary>
    /// The lowercase <paramref name="lowercase"/> of <paramref name="text"/> as slugs lower a word-ending Σ (ΟΔΟΣ is
    /// οδος), so that it is the spelling that finds it; a σ the text already had in lowercase stays as sent (οδοσ is a
    /// slug of its own).
    /// </summary>
    public static string Lowered(string text, string lowercase)
    {
        var final = FinalSigmas.In(lowercase);
        if (ReferenceEquals(final, lowercase) || final.Length != text.Length)
        {
            return final;
        }
        var characters = final.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (characters[i] == 'ς' && text[i] == 'σ')
            {
                characters[i] = 'σ';
            }
        }
        return new string(characters);
    }

    /// <summary>
    /// The lowercase spelling of a slug given with capitals (<c>AI</c> is <c>ai</c>); null when it has none, is a slug
    /// as it is, or is no slug lowercased either (<c>x'); DROP TABLE</c>: absent like any slug nobody has). Read in the
    /// spelling lookups read (<see cref="Slugs.ForLookup"/>), so full-width <c>ＡＩ</c> is <c>ai</c>, as <c>ａｉ</c> finds it.
    /// </summary>
    public static string? LowercaseOf(string slug) =>
        !Slugs.IsValid(slug) && Slugs.ForLookup(slug) is var spelled && Lowercase(spelled) is var lowercase &&
        !string.Equals(lowercase, spelled, StringComparison.Ordinal) && Lowered(spelled, lowercase) is var lowered && Slugs.IsValid(lowered)
            ? lowered
            : null;

    /// <summary>What the OpenAPI document says of a slug filter's case and escapes.</summary>
    public const string FilterRule =
        "A slug in capitals is a 400 naming its lowercase spelling (no slug is matched in another case), and so are percent-escapes that are not UTF-8.";

    /// <summary>What the OpenAPI document says of a slug path's case and escapes, which a filter's answer as it does (<see cref="FilterRule"/>).</summary>
    public const string PathRule =
        "Lowercase: a path in capitals is a 404 naming the lowercase URL (no slug is matched in another case); escapes are written in uppercase hex (`%E4%BA%BA`, as browsers send them; `%e4%ba%ba` is a 404 naming that URL); percent-escapes that are not UTF-8, or a `%` not followed by two hex digits, are a 400 naming `slug`.";

    /// <summary>The refusal of a slug in capitals, naming its lowercase spelling.</summary>
    public static string Refusal(string lowercase) => $"Slugs are lowercase, and none is found in another case: write {lowercase}.";
}
