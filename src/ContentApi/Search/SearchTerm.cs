namespace ContentApi.Search;

/// <summary>One term of a query: a word, a hyphenated or CJK word, or a quoted phrase, as the user typed it.</summary>
public sealed class SearchTerm
{
    public SearchTerm(string text, bool isExcluded)
    {
        Text = text;
        IsExcluded = isExcluded;
        Units = TextUnits.Of(text);
        Tokens = SearchAnalyzer.PhraseTokens(Units);
    }

    public string Text { get; }

    public bool IsExcluded { get; }

    /// <summary>The index tokens the term must match in this order (an FTS5 phrase when there are several).</summary>
    public IReadOnlyList<string> Tokens { get; }

    internal IReadOnlyList<TextUnit> Units { get; }

    /// <summary>
    /// The tokens of the term's longest start that has at most <paramref name="max"/> of them (at least its first unit):
    /// every place the term matches, its start matches too.
    /// </summary>
    internal IReadOnlyList<string> TokensOfStart(int max)
    {
        var count = Units.Count;
        var tokens = Tokens;
        while (tokens.Count > max && count > 1)
        {
            tokens = SearchAnalyzer.PhraseTokens([.. Units.Take(--count)]);
        }
        return tokens;
    }
}
