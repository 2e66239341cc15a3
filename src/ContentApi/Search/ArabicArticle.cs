namespace ContentApi.Search;

/// <summary>
/// The Arabic definite article, written joined to its word alone or after a joined preposition or conjunction (ال، وال،
/// بال، كال، فال، لل): a reader searches for شمسية and القاهرة alike, and finds the word with it or without it
/// (الشمسية, قاهرة), as Lucene's and Elasticsearch's light Arabic stemmers strip it. Taken off only before three letters
/// or more, so that short words which begin so (الله، والد) stay as they are.
/// </summary>
internal static class ArabicArticle
{
    /// <summary>Longest first, as folded (alef forms are ا by then).</summary>
    private static readonly string[] Prefixes = ["وال", "بال", "كال", "فال", "ال", "لل"];

    private const int ShortestWordLeft = 3;

    public static string Without(string word)
    {
        if (word.Length <= ShortestWordLeft + 1 || word[0] is not ('\u0627' or '\u0648' or '\u0628' or '\u0643' or '\u0641' or '\u0644'))
        {
            return word;
        }
        foreach (var prefix in Prefixes)
        {
            if (word.Length - prefix.Length >= ShortestWordLeft && word.StartsWith(prefix, StringComparison.Ordinal) && IsArabicLetters(word.AsSpan(prefix.Length)))
            {
                return word[prefix.Length..];
            }
        }
        return word;
    }

    private static bool IsArabicLetters(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (c is < '\u0620' or > '\u06FF' || !char.IsLetter(c))
            {
                return false;
            }
        }
        return true;
    }
}
