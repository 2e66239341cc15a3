namespace ContentApi.Search;

/// <summary>
/// How well a stretch of text matches a whole query: how many of its included terms it holds (<see cref="Terms"/>),
/// and how far apart, in units, the first and the last of the starts of one match of each are at their closest
/// (<see cref="Length"/>: 0 for one term, so that only the earliest wins; a phrase's the least; not the matches' own
/// lengths, which differ between a name's spellings), the passage starting at the text offset <see cref="At"/> (-1 when nothing matches).
/// </summary>
internal readonly record struct Passage(int Terms, int Length, int At)
{
    public static readonly Passage None = new(0, 0, -1);

    /// <summary>More of the query's terms, or as many closer together; a tie is no better, so the earliest stays best.</summary>
    public bool IsBetterThan(Passage other) =>
        Terms > other.Terms || (Terms == other.Terms && Terms > 0 && Length < other.Length);
}

/// <summary>
/// The passage a snippet shows, as search engines choose the passage they highlight: the stretch holding the most
/// distinct query terms, then the shortest such, then the earliest, not merely the first match, which in a long article
/// may be a word mentioned in passing.
/// </summary>
internal static class BestPassages
{
    /// <summary>
    /// One pass over the units, keeping where each term last matched: the closest matches of every term seen so far that
    /// end with one here start at the earliest of those, so no list of matches is kept (a repetitive text holds one per
    /// term at every unit).
    /// </summary>
    public static Passage Of(IReadOnlyList<TextUnit> units, SearchQuery query)
    {
        var terms = query.IncludedTerms.Select(term => term.Forms).ToArray();
        var latest = new int[terms.Length];
        var seen = new bool[terms.Length];
        var best = Passage.None;
        for (var i = 0; i < units.Count; i++)
        {
            var matchedHere = false;
            for (var term = 0; term < terms.Length; term++)
            {
                var count = MatchedUnits(units, i, terms[term]);
                if (count > 0)
                {
                    (latest[term], seen[term], matchedHere) = (i, true, true);
                }
            }
            if (!matchedHere)
            {
                continue;
            }
            var (held, start) = (0, int.MaxValue);
            for (var term = 0; term < terms.Length; term++)
            {
                if (seen[term])
                {
                    (held, start) = (held + 1, Math.Min(start, latest[term]));
                }
            }
            var passage = new Passage(held, i - start, start);
            best = passage.IsBetterThan(best) ? passage : best;
        }
        return best.At < 0 ? best : best with { At = units[best.At].Start };
    }

    /// <summary>How many units the first of a term's spellings that matches at <paramref name="at"/> spans, or 0.</summary>
    private static int MatchedUnits(IReadOnlyList<TextUnit> units, int at, IReadOnlyList<IReadOnlyList<TextUnit>> forms)
    {
        for (var i = 0; i < forms.Count; i++) // no enumerator: this runs for every unit and term
        {
            var count = Snippets.MatchedUnits(units, at, forms[i]);
            if (count > 0)
            {
                return count;
            }
        }
        return 0;
    }
}
