using System.Text;

namespace ContentApi.Search;

/// <summary>Turns text into the space-separated tokens that the full-text index stores.</summary>
public static class SearchAnalyzer
{
    /// <summary>
    /// The FTS5 tokenizer for columns holding <see cref="AnalyzeForIndex"/> output. The analyzer has already folded
    /// and split the text, so the index must only split on the spaces: <c>ascii</c> does exactly that (every
    /// non-ASCII character is a token character), whereas <c>unicode61</c> would also split words at combining marks
    /// (as in Devanagari) and depends on SQLite's Unicode 6.1 tables.
    /// </summary>
    public const string Fts5Tokenizer = "ascii";

    /// <summary>
    /// Words become folded tokens ("Café" → "cafe"). A run of CJK characters becomes each character's unigram, each
    /// followed by the bigram it starts: "通義千問" → "通 通义 义 义千 千 千问 问". Interleaving keeps every substring of
    /// a run a contiguous token sequence, so a query analyzed the same way is an FTS5 phrase: one character matches its
    /// unigram, two or more must match the bigram chain in order ("千問" matches, "問通" does not), and nothing matches
    /// across a gap between runs. Spaces within a line, quotation marks and brackets do not end a run
    /// (<see cref="TextUnit.JoinsPrevious"/>), but a tab does: it parts a table's cells in the plain text. At a line break or a tab (<see cref="TextUnit.AfterBreak"/>)
    /// stands <see cref="Gap"/>, so that no phrase of words runs across two blocks, lines or cells either.
    /// </summary>
    public static string AnalyzeForIndex(string text)
    {
        // Unigrams and bigrams, written straight into one buffer: indexing a long Chinese body would
        // otherwise allocate a string per bigram and a list to join them from.
        var units = TextUnits.Of(text);
        var index = new StringBuilder(text.Length * 3);
        for (var i = 0; i < units.Count; i++)
        {
            if (index.Length > 0)
            {
                index.Append(' ');
                if (units[i].AfterBreak)
                {
                    index.Append(Gap[0]).Append(' ');
                }
            }
            index.Append(units[i].Text);
            if (i + 1 < units.Count && units[i + 1].JoinsPrevious)
            {
                index.Append(' ').Append(units[i].Text).Append(units[i + 1].Text);
            }
        }
        return index.ToString();
    }

    /// <summary>
    /// A token no query analyses to (the analyzer reads the pilcrow as punctuation, and FTS5's ascii tokenizer keeps any
    /// non-ASCII character), so no phrase matches across it, as Elasticsearch leaves a gap between an array's values
    /// (position_increment_gap).
    /// </summary>
    internal const string Gap = "\u00B6";

    /// <summary>
    /// The tokens a term must match, in order: its index tokens without a leading unigram that its first bigram
    /// starts with, or a trailing one that its last bigram ends with ("模型" → "模型", "通義千問" → "通义 义 义千 千 千问").
    /// The index writes every bigram right after its first character's unigram and right before its second's, so the
    /// shorter phrase matches exactly the same places, while the unigrams of common characters are the longest
    /// position lists in the index and the costliest to check.
    /// </summary>
    internal static List<string> PhraseTokens(IReadOnlyList<TextUnit> units)
    {
        var tokens = new List<string>(units.Count * 2);
        for (var i = 0; i < units.Count; i++)
        {
            var startsRun = i == 0 && units.Count > 1 && units[1].JoinsPrevious;
            var endsRun = i == units.Count - 1 && i > 0 && units[i].JoinsPrevious;
            if (!startsRun && !endsRun)
            {
                tokens.Add(units[i].Text);
            }
            if (i + 1 < units.Count && units[i + 1].JoinsPrevious)
            {
                tokens.Add(units[i].Text + units[i + 1].Text);
            }
        }
        return tokens;
    }
}
