namespace ContentApi.Search;

/// <summary>
/// The Arabic definite article, written joined to its word alone or after a joined preposition or conjunction (ال، وال،
/// بال، كال، فال، لل): a reader searches for شمسية and القاهرة alike, and finds the word with it or without it
/// (الشمسية, قاهرة), as Lucene's and Elasticsearch's light Arabic stemmers strip it. Taken off ال only before three
/// letters or more, and the longer forms only before four, so that words which only begin so stay as they are (الله،
/// والد، والدين، بالاتر); never from a word holding a letter only Persian and Urdu write (پ چ ژ گ: الگو), whose words
/// have no such article.
/// </summary>
internal static class ArabicArticle
{
    /// <summary>Longest first, as folded (alef forms are ا by then), each with the fewest letters it leaves.</summary>
    private static readonly (string Prefix, int ShortestWordLeft)[] Prefixes = [("وال", 4), ("بال", 4), ("كال", 4), ("فال", 4), ("ال", 3), ("لل", 4)];

    public static string Without(string word)
    {
        if (word.Length < 5 || word[0] is not ('\u0627' or '\u0648' or '\u0628' or '\u0643' or '\u0641' or '\u0644')
            || word.AsSpan().IndexOfAny('\u067E', '\u0686', '\u0698') >= 0 || word.Contains('\u06AF', StringComparison.Ordinal))
        {
            return word;
        }
        foreach (var (prefix, shortestWordLeft) in Prefixes)
        {
            if (word.Length - prefix.Length >= shortestWordLeft && word.StartsWith(prefix, StringComparison.Ordinal) && IsArabicLetters(word.AsSpan(prefix.Length)))
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
