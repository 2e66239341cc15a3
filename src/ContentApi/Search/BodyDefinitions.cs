using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Search;

/// <summary>
/// The link reference definitions (<c>[y]: https://…</c>) and footnote definitions (<c>[^x]: …</c>) of a body, found
/// by one scan of its lines (outside fenced code), so that a part of it rendered alone for a snippet reads its
/// references as the whole body does: a link shows its text, a footnote reference shows nothing (as in the plain text),
/// and a footnote's own text is rendered when the part holds it.
/// </summary>
internal sealed partial class BodyDefinitions
{
    private readonly List<(int At, string Label, string Line)> _links = [];
    private readonly List<(int At, string Label)> _notes = [];

    private BodyDefinitions()
    {
    }

    public static BodyDefinitions Of(string markdown)
    {
        var definitions = new BodyDefinitions();
        var fence = "";
        for (var at = 0; at < markdown.Length;)
        {
            var end = markdown.IndexOf('\n', at);
            end = end < 0 ? markdown.Length : end;
            var line = markdown.AsSpan(at, end - at).TrimEnd('\r');
            var trimmed = line.TrimStart(' ');
            var indent = line.Length - trimmed.Length;
            if (indent <= 3 && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")))
            {
                var marks = trimmed[..(trimmed.Length - trimmed.TrimStart(trimmed[0]).Length)];
                if (fence.Length == 0)
                {
                    fence = marks.ToString();
                }
                else if (marks[0] == fence[0] && marks.Length >= fence.Length && trimmed.TrimStart(marks[0]).IsWhiteSpace())
                {
                    fence = "";
                }
            }
            else if (fence.Length == 0 && indent <= 3 && trimmed.StartsWith('[') && trimmed.IndexOf("]:") is var close && close > 1
                && trimmed[1..close].IndexOfAny('[', ']') < 0)
            {
                var label = trimmed[1..close];
                if (label[0] == '^')
                {
                    definitions._notes.Add((at, label[1..].ToString()));
                }
                else if (!trimmed[(close + 2)..].IsWhiteSpace())
                {
                    definitions._links.Add((at, Normalized(label.ToString()), line.ToString()));
                }
            }
            at = end + 1;
        }
        return definitions;
    }

    /// <summary>
    /// The part <paramref name="from"/>..<paramref name="to"/> of <paramref name="markdown"/> with what its references
    /// need from the rest: the definitions of the links it cites, an empty note for each footnote it cites (its reference
    /// shows nothing in the plain text whatever the note says), and a reference to each note it defines but does not cite
    /// (cited elsewhere in the body), which Markdig would otherwise drop as a note nothing cites. Costs a scan of the part's
    /// brackets and a look at each definition: the appended text is a line per link cited, a few characters per note.
    /// </summary>
    public string Complete(string markdown, int from, int to)
    {
        var part = markdown[from..to];
        if (_links.Count == 0 && _notes.Count == 0)
        {
            return part;
        }
        var cited = Bracketed().Matches(part).Select(m => Normalized(m.Groups["label"].Value)).ToHashSet();
        var added = new StringBuilder();
        foreach (var (at, label, line) in _links)
        {
            if ((at < from || at >= to) && cited.Contains(label))
            {
                added.Append('\n').Append(line);
            }
        }
        foreach (var (at, label) in _notes)
        {
            var inPart = at >= from && at < to;
            if (!inPart && cited.Contains(Normalized("^" + label)))
            {
                added.Append("\n\n[^").Append(label).Append("]:");
            }
            else if (inPart && !IsCitedIn(part, label) && IsCitedIn(markdown, label))
            {
                added.Append("\n\n[^").Append(label).Append(']');
            }
        }
        return added.Length == 0 ? part : part + "\n" + added;
    }

    /// <summary>Whether a reference other than its definition cites the note.</summary>
    private static bool IsCitedIn(string markdown, string label)
    {
        var reference = "[^" + label + "]";
        for (var at = markdown.IndexOf(reference, StringComparison.Ordinal); at >= 0; at = markdown.IndexOf(reference, at + 1, StringComparison.Ordinal))
        {
            if (at + reference.Length >= markdown.Length || markdown[at + reference.Length] != ':')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A label as CommonMark matches it: case-folded, its white space runs one space.</summary>
    private static string Normalized(string label) =>
        string.Join(' ', label.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    [GeneratedRegex(@"\[(?<label>[^\[\]]{1,999})\]")]
    private static partial Regex Bracketed();
}
