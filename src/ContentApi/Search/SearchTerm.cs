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
    /// The term with its first two units joined if typed apart, or apart if typed joined, when they are a run of
    /// letters and one of digits (either first) that the index holds as one word's runs when joined (<see
    /// cref="TextUnits.LetterDigitParts"/>): "GPT5", "GPT-5", "iPhone 15" quoted, "GPT4o". What follows that word stays
    /// as typed: a version's further parts and a name after it ("Llama3.1", "Qwen2.5-Max"). Null for any other term.
    /// </summary>
    private static List<TextUnit>? OtherSpelling(IReadOnlyList<TextUnit> units)
    {
        var wordEnd = 2;
        while (wordEnd < units.Count && units[wordEnd].JoinsPrevious)
        {
            wordEnd++;
        }
        var word = units.Take(wordEnd).ToList();
        // Joined, the word is split into its units again only if each is one run, of the other kind than the one before.
        if (units.Count < 2 || word.Any(unit => unit.IsCjk)
            || TextUnits.LetterDigitParts(string.Concat(word.Select(unit => unit.Text))) is not { } parts || parts.Count != word.Count)
        {
            return null;
        }
        List<TextUnit> other = [.. units];
        other[1] = other[1] with { JoinsPrevious = !other[1].JoinsPrevious };
        return other;
    }
}
