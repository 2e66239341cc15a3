namespace ContentApi.Search;

/// <summary>Builds SQLite FTS5 MATCH expressions for a column indexed with <see cref="SearchAnalyzer.Fts5Tokenizer"/>.</summary>
public static class Fts5Match
{
    /// <summary>
    /// Most index tokens one expression holds. FTS5 checks a phrase token by token at every place its first token
    /// occurs, and ranking walks every match of every phrase: against a body of one character repeated 250,000 times, a
    /// phrase of the 507 tokens of 255 such characters took 2.5 s to match and 32 terms of 7 characters 6 s. 64 tokens
    /// are a phrase of 33 Chinese characters (2 per character but the ends, which are implied), or 64 words.
    /// </summary>
    public const int MaxTokens = 64;

    /// <summary>
    /// Every term becomes one double-quoted FTS5 string (an included name and its version one for each spelling,
    /// ORed: <see cref="SearchTerm.Forms"/>), so no user input is ever read as FTS5 syntax. Included terms are ANDed;
    /// excluded ones, as typed or with their Chinese words joined (<see cref="SearchTerm.ExcludedTokens"/>, bounded by
    /// <see cref="SearchQuery.MaxExcludedTokens"/>), are subtracted with NOT. Null when the query is invalid.
    /// When the terms have more than <see cref="MaxTokens"/> tokens in all, the longest included ones are matched by
    /// their start only (the start that fits the longest terms' equal share of what the excluded ones leave): a pasted
    /// sentence still finds its articles, perhaps with others that begin it the same way, and snippets mark only the
    /// whole term. Excluded terms are matched whole (<see cref="SearchQuery.MaxExcludedTokens"/>): by their start they
    /// would also drop articles that only begin the same way. The same term twice is one string.
    /// </summary>
    public static string? ToFts5Match(SearchQuery query)
    {
        if (!query.IsValid)
        {
            return null;
        }
        var share = TokensPerTerm([.. query.IncludedTerms], MaxTokens - query.ExcludedTerms.Sum(t => t.ExcludedTokens.Sum(tokens => tokens.Count)));
        var included = string.Join(" AND ", query.IncludedTerms.Select(term => AnyOf(term.FormTokensOfStart(share))).Distinct());
        var excluded = query.ExcludedTerms.Select(term => AnyOf(term.ExcludedTokens)).Distinct().ToList();
        return excluded.Count == 0 ? included : $"({included}) NOT ({string.Join(" OR ", excluded)})";
    }

    /// <summary>The most tokens each term keeps so that all of them have at most <paramref name="budget"/>.</summary>
    internal static int TokensPerTerm(IReadOnlyList<SearchTerm> terms, int budget = MaxTokens)
    {
        var counts = terms.SelectMany(t => t.FormTokensOfStart(int.MaxValue)).Select(tokens => tokens.Count).ToList();
        var share = budget;
        while (share > 1 && counts.Sum(count => Math.Min(count, share)) > budget)
        {
            share--;
        }
        return share;
    }

    /// <summary>
    /// A term's one quoted string, or its spellings' (<see cref="SearchTerm.Forms"/>) ORed in parentheses, each once: cut
    /// to one token, as a share of 1 cuts sixteen terms of five spellings, they are all the same, and 80 strings passed
    /// <see cref="MaxTokens"/>.
    /// </summary>
    private static string AnyOf(IReadOnlyList<IReadOnlyList<string>> forms)
    {
        var quoted = forms.Select(Quote).Distinct().ToList();
        return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" OR ", quoted) + ")";
    }

    private static string Quote(IReadOnlyList<string> tokens) => "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
