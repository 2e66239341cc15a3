namespace ContentApi.Search;

/// <summary>Builds SQLite FTS5 MATCH expressions for a column indexed with <see cref="SearchAnalyzer.Fts5Tokenizer"/>.</summary>
public static class Fts5Match
{
    /// <summary>
    /// Every term becomes one double-quoted FTS5 string, so no user input is ever read as FTS5 syntax. Included terms
    /// are ANDed; excluded ones are subtracted with NOT. Null when the query is invalid.
    /// </summary>
    public static string? ToFts5Match(SearchQuery query)
    {
        if (!query.IsValid)
        {
            return null;
        }
        var included = string.Join(" AND ", query.IncludedTerms.Select(Quote));
        var excluded = query.ExcludedTerms.Select(Quote).ToList();
        return excluded.Count == 0 ? included : $"({included}) NOT ({string.Join(" OR ", excluded)})";
    }

    private static string Quote(SearchTerm term) => "\"" + string.Join(' ', term.Tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
