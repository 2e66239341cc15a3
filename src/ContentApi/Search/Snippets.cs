using System.Text;
using ContentApi.Text;

namespace ContentApi.Search;

/// <summary>
/// HTML fragments for search results: the original text, HTML-escaped, with the query's matches wrapped in
/// <c>&lt;mark&gt;</c>. Matches are found with the analyzer's folding, so "cafe" marks "Café" and "通义" marks "通義".
/// </summary>
public static class Snippets
{
    public const int BodyLength = 160;

    private const string Ellipsis = "…";

    /// <summary>The whole text (a title), escaped, with every match marked.</summary>
    public static string Highlight(string text, SearchQuery query) =>
        Render(text, 0, text.Length, Matches(text, query), collapseWhitespace: false);

    /// <summary>
    /// The whole text (an image's caption and credit, which may run over lines), escaped, with every match marked, its
    /// whitespace runs read as <see cref="Build"/> reads them: one space, or none beside full-width punctuation. Each
    /// line is matched alone, as the index holds it (<see cref="IndexDocument.NamesApart"/>): joined, a Chinese word ran
    /// across a caption and its credit (台北101夜景⏎記者王小明攝 marked 景記).
    /// </summary>
    public static string HighlightLinesApart(string text, SearchQuery query)
    {
        var matches = new List<(int Start, int End)>();
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            matches.AddRange(Matches(line, query).Select(m => (lineStart + m.Start, lineStart + m.End)));
            lineStart += line.Length + 1;
        }
        return Render(text, 0, text.Length, matches, collapseWhitespace: true);
    }

    /// <summary>
    /// About <paramref name="maxLength"/> characters of <paramref name="text"/> around its best passage (<see cref="BestPassages"/>;
    /// with one term, its first match) or its start, cut at a sentence or word boundary where one is near, never inside a
    /// character; whitespace runs become one space.
    /// </summary>
    public static string Build(string text, SearchQuery query, int maxLength = BodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var units = TextUnits.Of(text);
        var best = BestPassages.Of(units, query);
        var cuts = new SnippetCuts(text);
        var anchor = Math.Max(best.At, 0);
        var start = cuts.ChooseStart(anchor, lead: maxLength / 3);
        var end = cuts.ChooseEnd(start, maxLength);
        if (end == text.Length)
        {
            start = cuts.Extend(start, earliest: Math.Max(0, text.Length - maxLength)); // a match near the end: fill the snippet
        }
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (!text.AsSpan(end).IsWhiteSpace() && Excerpts.EndWithoutTrailingSeparators(text, start, end) is var trimmed && trimmed > start)
        {
            end = trimmed; // cut short: no comma or opener ("…据报道（…") before the ellipsis, as an excerpt leaves none
        }
        // Only the matches the snippet shows: a repetitive body holds one at every character.
        var matches = best.At < 0 ? [] : Matches(units, query, FirstUnitFrom(units, start), until: end);
        var body = Render(text, start, end, matches, collapseWhitespace: true);
        var cutBefore = !text.AsSpan(0, start).IsWhiteSpace();
        var cutAfter = !text.AsSpan(end).IsWhiteSpace();
        return (cutBefore ? Ellipsis : "") + body + (cutAfter ? Ellipsis : "");
    }

    /// <summary>Spans of the original text that match an included term, sorted, overlapping and touching ones merged.</summary>
    internal static List<(int Start, int End)> Matches(string text, SearchQuery query) =>
        Matches(TextUnits.Of(text), query, fromUnit: 0, until: text.Length);

    /// <summary>Whether an included term matches somewhere in <paramref name="text"/> (it stops at the first match).</summary>
    internal static bool HasMatch(string text, SearchQuery query) => IndexOfMatch(text, query) >= 0;

    /// <summary>Where the first match in <paramref name="text"/> starts, or -1.</summary>
    internal static int IndexOfMatch(string text, SearchQuery query) => IndexOfMatch(TextUnits.Of(text), query, from: 0);

    /// <summary>Where the first match among <paramref name="units"/> starting at <paramref name="from"/> or later starts, or -1.</summary>
    internal static int IndexOfMatch(IReadOnlyList<TextUnit> units, SearchQuery query, int from)
    {
        var first = FirstMatch(units, query, fromUnit: FirstUnitFrom(units, from));
        return first < 0 ? -1 : units[first].Start;
    }

    private static int FirstUnitFrom(IReadOnlyList<TextUnit> units, int offset)
    {
        var (low, high) = (0, units.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = units[middle].Start < offset ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    /// <summary>The index of the first unit, from <paramref name="fromUnit"/> on, where an included term matches, or -1.</summary>
    internal static int FirstMatch(IReadOnlyList<TextUnit> units, SearchQuery query, int fromUnit = 0)
    {
        var terms = query.IncludedTerms.SelectMany(t => t.Forms).ToList();
        for (var i = fromUnit; i < units.Count; i++)
        {
            if (terms.Any(wanted => MatchedUnits(units, i, wanted) > 0))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The merged spans of <see cref="Matches(string, SearchQuery)"/> that start at unit <paramref name="fromUnit"/> or
    /// later and before the text offset <paramref name="until"/>: found in order of their start, so that merging as they
    /// come gives the same spans as merging them all, and the search stops at what the caller shows.
    /// </summary>
    internal static List<(int Start, int End)> Matches(IReadOnlyList<TextUnit> units, SearchQuery query, int fromUnit, int until)
    {
        var terms = query.IncludedTerms.SelectMany(t => t.Forms).ToList();
        var merged = new List<(int Start, int End)>();
        for (var i = fromUnit; i < units.Count && units[i].Start < until; i++)
        {
            foreach (var wanted in terms)
            {
                if (MatchedUnits(units, i, wanted) is not (> 0 and var count))
                {
                    continue;
                }
                var (start, end) = (units[i].Start, units[i + count - 1].End);
                if (merged.Count > 0 && start <= merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
                }
                else
                {
                    merged.Add((start, end));
                }
            }
        }
        return merged;
    }

    // The same rule as the FTS5 phrase over interleaved tokens: equal units, CJK characters that are adjacent in the
    // term adjacent in the text, and no line break or tab between two (SearchAnalyzer.Gap); a word may also be two
    // joined parts of the text, as the index's token for them is ("شرکتهای" typed for "شرکت‌های"). How many units of
    // the text match, or 0.
    internal static int MatchedUnits(IReadOnlyList<TextUnit> units, int at, IReadOnlyList<TextUnit> wanted)
    {
        var next = at;
        for (var k = 0; k < wanted.Count; k++)
        {
            if (next >= units.Count || units[next] is var unit && k > 0 && (unit.JoinsPrevious != wanted[k].JoinsPrevious || unit.AfterBreak))
            {
                return 0;
            }
            var step = unit.Text == wanted[k].Text ? 1 : !unit.IsCjk && IsJoinedPair(unit, units, next + 1, wanted[k].Text) ? 2 : 0;
            if (step == 0)
            {
                return 0;
            }
            next += step;
        }
        return next - at;
    }

    private static bool IsJoinedPair(TextUnit first, IReadOnlyList<TextUnit> units, int second, string word) =>
        word.Length > first.Text.Length && word.StartsWith(first.Text, StringComparison.Ordinal) && second < units.Count
        && units[second] is { JoinsPrevious: true, AfterBreak: false, IsCjk: false } next
        && word.Length == first.Text.Length + next.Text.Length && word.EndsWith(next.Text, StringComparison.Ordinal);

    /// <summary>
    /// Whether the characters just before <paramref name="start"/> and at <paramref name="end"/>, around a whitespace run,
    /// include CJK punctuation, or punctuation set full-width beside Chinese (<see cref="Cjk.CarriesItsOwnSpace"/>: "…努力。”⏎市场").
    /// </summary>
    private static bool BesideFullWidthPunctuation(string text, int start, int end)
    {
        var (beforePrevious, previous) = Cjk.LastTwo(text.AsSpan(0, start));
        Rune.DecodeFromUtf16(text.AsSpan(end), out var next, out _);
        return (previous is { } p && Cjk.IsPunctuation(p)) || (end < text.Length && Cjk.IsPunctuation(next))
            || (previous is { } q && end < text.Length && Cjk.CarriesItsOwnSpace(beforePrevious, q, next));
    }

    private static string Render(string text, int start, int end, List<(int Start, int End)> matches, bool collapseWhitespace)
    {
        var html = new StringBuilder(end - start + 32);
        var position = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            var from = Math.Max(matchStart, position);
            var to = Math.Min(matchEnd, end);
            if (from >= to)
            {
                continue;
            }
            AppendEscaped(html, text, position, from, collapseWhitespace);
            AppendMarked(html, text, from, to, collapseWhitespace);
            position = to;
        }
        AppendEscaped(html, text, position, end, collapseWhitespace);
        // Shown inline beside the other hits, a snippet must leave no override open (a body's paragraph may: its end closes
        // it), nor keep a closer whose opener the cut left out; the markup and escapes hold no such control.
        return TextRules.WithBalancedBidiControls(html.ToString());
    }

    /// <summary>
    /// Appends a match marked, but for the quotation marks and brackets inside a Chinese or Japanese run that it spans,
    /// which it matched across as the index reads them (<see cref="TextUnits.StandsInsideCjkRun"/>): "先進製程發表" marks
    /// 「<mark>先進製程</mark>」<mark>發表</mark>, not a closing bracket without its opener.
    /// </summary>
    private static void AppendMarked(StringBuilder html, string text, int from, int to, bool collapseWhitespace)
    {
        var pieceStart = from;
        for (var i = from; i < to;)
        {
            if (!TextUnits.IsQuoteOrBracketInRun(text[i]))
            {
                i++;
                continue;
            }
            // Each run of marks is looked at once: a match across 80,000 brackets between two words looked across the
            // whole run at each of them.
            var runEnd = i + 1;
            while (runEnd < to && TextUnits.IsQuoteOrBracketInRun(text[runEnd]))
            {
                runEnd++;
            }
            if (i > pieceStart && runEnd < to && TextUnits.IsBetweenCjk(text, i, runEnd))
            {
                AppendMark(html, text, pieceStart, i, collapseWhitespace);
                AppendEscaped(html, text, i, runEnd, collapseWhitespace);
                pieceStart = runEnd;
            }
            i = runEnd;
        }
        if (pieceStart < to)
        {
            AppendMark(html, text, pieceStart, to, collapseWhitespace);
        }
    }

    private static void AppendMark(StringBuilder html, string text, int from, int to, bool collapseWhitespace)
    {
        html.Append("<mark>");
        AppendEscaped(html, text, from, to, collapseWhitespace);
        html.Append("</mark>");
    }

    /// <summary>
    /// Appends <paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/>, escaped; collapsing, each
    /// whitespace run as one space, or as none beside full-width punctuation, which carries its own space (a line wrapped
    /// at "製程，⏎GPU" reads "製程，GPU", as the article's HTML and excerpt show it); a full-width space stays as written.
    /// </summary>
    private static void AppendEscaped(StringBuilder html, string text, int from, int to, bool collapseWhitespace)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (collapseWhitespace && Cjk.IsCollapsibleWhitespace(c))
            {
                var runEnd = i + 1;
                while (runEnd < to && Cjk.IsCollapsibleWhitespace(text[runEnd]))
                {
                    runEnd++;
                }
                if ((html.Length == 0 || html[^1] != ' ') && !BesideFullWidthPunctuation(text, i, runEnd))
                {
                    html.Append(' ');
                }
                i = runEnd - 1;
                continue;
            }
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
