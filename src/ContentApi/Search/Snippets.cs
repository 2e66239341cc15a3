using System.Text;

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
    /// About <paramref name="maxLength"/> characters of <paramref name="text"/> around its first match (or its start),
    /// cut at a sentence or word boundary where one is near, never inside a character; whitespace runs become one space.
    /// </summary>
    public static string Build(string text, SearchQuery query, int maxLength = BodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var matches = Matches(text, query);
        var cuts = new SnippetCuts(text);
        var anchor = matches.Count > 0 ? matches[0].Start : 0;
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
        var body = Render(text, start, end, matches, collapseWhitespace: true);
        var cutBefore = !text.AsSpan(0, start).IsWhiteSpace();
        var cutAfter = !text.AsSpan(end).IsWhiteSpace();
        return (cutBefore ? Ellipsis : "") + body + (cutAfter ? Ellipsis : "");
    }

    /// <summary>Spans of the original text that match an included term, sorted, overlapping and touching ones merged.</summary>
    internal static List<(int Start, int End)> Matches(string text, SearchQuery query)
    {
        var units = TextUnits.Of(text);
        var spans = new List<(int Start, int End)>();
        foreach (var term in query.IncludedTerms)
        {
            var wanted = term.Units;
            for (var i = 0; i + wanted.Count <= units.Count; i++)
            {
                if (MatchesAt(units, i, wanted))
                {
                    spans.Add((units[i].Start, units[i + wanted.Count - 1].End));
                }
            }
        }
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    // The same rule as the FTS5 phrase over interleaved tokens: equal units, and CJK characters that are adjacent in
    // the term adjacent in the text.
    private static bool MatchesAt(List<TextUnit> units, int at, IReadOnlyList<TextUnit> wanted)
    {
        for (var k = 0; k < wanted.Count; k++)
        {
            var unit = units[at + k];
            if (unit.Text != wanted[k].Text || (k > 0 && unit.JoinsPrevious != wanted[k].JoinsPrevious))
            {
                return false;
            }
        }
        return wanted.Count > 0;
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
            AppendEscaped(html, text.AsSpan(position, from - position), collapseWhitespace);
            html.Append("<mark>");
            AppendEscaped(html, text.AsSpan(from, to - from), collapseWhitespace);
            html.Append("</mark>");
            position = to;
        }
        AppendEscaped(html, text.AsSpan(position, end - position), collapseWhitespace);
        return html.ToString();
    }

    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text, bool collapseWhitespace)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (collapseWhitespace && char.IsWhiteSpace(c))
            {
                if (html.Length == 0 || html[^1] != ' ')
                {
                    html.Append(' ');
                }
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
