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
        var joined = JoinedAtCjkPunctuation(Units);
        Forms = RegionalWords.WithEquivalents(joined is null ? Spellings(Units) : [.. Spellings(Units), joined]);
        ExcludedTokens = joined is null ? [Tokens] : [Tokens, SearchAnalyzer.PhraseTokens(joined)];
    }

    public string Text { get; }

    public bool IsExcluded { get; }

    /// <summary>The index tokens the term must match in this order (an FTS5 phrase when there are several).</summary>
    public IReadOnlyList<string> Tokens { get; }

    internal IReadOnlyList<TextUnit> Units { get; }

    /// <summary>
    /// The units of each way of writing the term that it finds: as typed, and for a name with its version and variant
    /// (runs of letters and of digits, in turn, as in "GPT5", "GPT-5", "iPhone 15", "GPT4o", "GPT-4o", "Qwen3-Max") with
    /// each boundary between its first three runs joined or apart, in every combination the user did not type. Writers
    /// and readers join them or not at will, and the index holds "GPT-5" as two words but "GPT5" as one word's runs
    /// (<see cref="SearchAnalyzer.AnalyzeForIndex"/>), so neither spelling found the other.
    /// </summary>
    /// <remarks>
    /// A term that keeps punctuation between two Chinese, Japanese or Korean characters (quoted, excluded, or pasted
    /// with more parts than a query has terms: "阿里雲-發布") is also found with them joined, as written without it or
    /// with a space: its words in a row, however they are parted (<see cref="QueryTermParts.PartsCjk"/>). A term holding a
    /// word that another Chinese-writing region writes otherwise is also found written so (<see cref="RegionalWords"/>:
    /// 人工智能 finds 人工智慧).
    /// </remarks>
    internal IReadOnlyList<IReadOnlyList<TextUnit>> Forms { get; }

    /// <summary>
    /// What an excluded term excludes: its tokens as typed and, when punctuation parts two of its Chinese, Japanese or
    /// Korean characters, those of its words joined (-阿里雲-發布 excludes 阿里雲發布 too), but not a name's other
    /// spellings (-gpt5 does not exclude GPT-5).
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<string>> ExcludedTokens { get; }

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

    /// <summary>The units with every two Chinese, Japanese or Korean characters that punctuation parts joined, or null when none are.</summary>
    private static List<TextUnit>? JoinedAtCjkPunctuation(IReadOnlyList<TextUnit> units)
    {
        List<TextUnit>? joined = null;
        for (var i = 1; i < units.Count; i++)
        {
            if (QueryTermParts.PartsCjk(units[i - 1], units[i]))
            {
                joined ??= [.. units];
                joined[i] = units[i] with { JoinsPrevious = true };
            }
        }
        return joined;
    }

    /// <summary>The most runs of a name whose boundaries are tried both ways: a name, its version and a variant (qwen3max).</summary>
    private const int MaxRunsSpelledEitherWay = 3;

    /// <summary>
    /// The term as typed, then with the boundaries between its first runs (<see cref="NameRuns"/>) joined where typed apart
    /// and apart where typed joined (but <see cref="KeptJoined"/>), in every other combination. What follows those runs stays as typed: a version's
    /// further parts and a name after it ("Llama3.1", "Qwen2.5-Max").
    /// </summary>
    private static List<IReadOnlyList<TextUnit>> Spellings(IReadOnlyList<TextUnit> units)
    {
        var runs = NameRuns(units);
        List<IReadOnlyList<TextUnit>> spellings = [units];
        if (runs < 2)
        {
            return spellings;
        }
        var keptJoined = KeptJoined(units, runs);
        for (var toggled = 1; toggled < 1 << (runs - 1); toggled++)
        {
            if ((toggled & keptJoined) != 0)
            {
                continue;
            }
            List<TextUnit> other = [.. units];
            for (var boundary = 1; boundary < runs; boundary++)
            {
                if ((toggled & 1 << (boundary - 1)) != 0)
                {
                    other[boundary] = other[boundary] with { JoinsPrevious = !other[boundary].JoinsPrevious };
                }
            }
            spellings.Add(other);
        }
        return spellings;
    }

    /// <summary>
    /// The boundaries between the name's runs (bit 0 the first) not tried apart: a one-letter variant typed joined to its
    /// version ("gpt4o"), which apart is a word of its own: "GPT 4 o Claude 3" is Spanish for GPT 4 or Claude 3.
    /// </summary>
    private static int KeptJoined(IReadOnlyList<TextUnit> units, int runs)
    {
        var kept = 0;
        for (var boundary = 1; boundary < runs; boundary++)
        {
            if (units[boundary] is { JoinsPrevious: true, Text: [var letter] } && char.IsAsciiLetter(letter) && char.IsAsciiDigit(units[boundary - 1].Text[^1]))
            {
                kept |= 1 << (boundary - 1);
            }
        }
        return kept;
    }

    /// <summary>
    /// How many of the term's first units (two or three; none when fewer) are runs of letters and of digits in turn that
    /// the index holds as one word's runs when written joined (<see cref="TextUnits.LetterDigitParts"/>): "GPT5", "GPT-5",
    /// "iPhone 15" quoted, "GPT4o", "Qwen3-Max". Joined, the runs are split into these units again only if each is one
    /// run, of the other kind than the one before ("Llama3.1" has two: 3 and 1 joined are 31).
    /// </summary>
    private static int NameRuns(IReadOnlyList<TextUnit> units)
    {
        for (var runs = Math.Min(units.Count, MaxRunsSpelledEitherWay); runs >= 2; runs--)
        {
            var word = units.Take(runs).ToList();
            if (!word.Any(unit => unit.IsCjk) && TextUnits.LetterDigitParts(string.Concat(word.Select(unit => unit.Text))) is { } parts && parts.Count == runs)
            {
                return runs;
            }
        }
        return 0;
    }
}
