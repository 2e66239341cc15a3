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
        Forms = OtherSpelling(Units) is { } other ? [Units, other] : [Units];
    }

    public string Text { get; }

    public bool IsExcluded { get; }

    /// <summary>The index tokens the term must match in this order (an FTS5 phrase when there are several).</summary>
    public IReadOnlyList<string> Tokens { get; }

    internal IReadOnlyList<TextUnit> Units { get; }

    /// <summary>
    /// The units of each way of writing the term that it finds: as typed, and for a name and its version (a run of
    /// letters and one of digits, as in "GPT5", "GPT-5", "iPhone15", "iPhone 15", "GPT4o", "GPT-4o") with the first
    /// two runs joined or apart, whichever the user did not type. Writers and readers join them or not at will, and the
    /// index holds "GPT-5" as two words but "GPT5" as one word's runs (<see cref="SearchAnalyzer.AnalyzeForIndex"/>),
    /// so neither spelling found the other.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<TextUnit>> Forms { get; }

    /// <summary>
    /// The tokens of each of <see cref="Forms"/>, each cut to its longest start that has at most <paramref name="max"/>
    /// of them (at least its first unit): every place the term matches, its start matches too.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<string>> FormTokensOfStart(int max) =>
        [.. Forms.Select((form, i) => TokensOfStart(form, i == 0 ? Tokens : SearchAnalyzer.PhraseTokens(form), max))];

    private static IReadOnlyList<string> TokensOfStart(IReadOnlyList<TextUnit> units, IReadOnlyList<string> tokens, int max)
    {
        var count = units.Count;
        while (tokens.Count > max && count > 1)
        {
            tokens = SearchAnalyzer.PhraseTokens([.. units.Take(--count)]);
        }
        return tokens;
    }

    /// <summary>
    /// The term with its first two units joined if typed apart, or apart if typed joined, when it is one word of runs
    /// of letters and of digits (<see cref="TextUnits.LetterDigitParts"/>) or such a word split once between its first
    /// two runs ("GPT-5", "iPhone 15" quoted); null for any other term.
    /// </summary>
    private static List<TextUnit>? OtherSpelling(IReadOnlyList<TextUnit> units)
    {
        if (units.Count < 2 || units.Any(unit => unit.IsCjk || KindOf(unit.Text) is null)
            || units.Skip(2).Any(unit => !unit.JoinsPrevious)
            || Enumerable.Range(1, units.Count - 1).Any(i => KindOf(units[i].Text) == KindOf(units[i - 1].Text))
            || TextUnits.LetterDigitParts(string.Concat(units.Select(unit => unit.Text))) is not { } parts || parts.Count != units.Count)
        {
            return null;
        }
        List<TextUnit> other = [.. units];
        other[1] = other[1] with { JoinsPrevious = !other[1].JoinsPrevious };
        return other;
    }

    /// <summary>Whether a word is all digits (true) or holds none (false); null for a mix.</summary>
    private static bool? KindOf(string word) =>
        !word.AsSpan().ContainsAnyExceptInRange('0', '9') ? true : word.AsSpan().ContainsAnyInRange('0', '9') ? null : false;
}
