using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Syntax of other tools that Markdown shows as written, so readers would see it: Obsidian's embeds, wiki links,
/// comments and callouts, Hugo's shortcodes, Jekyll's Liquid. Found outside code, and told once per kind with
/// its first line, so that a folder from a static-site generator or a vault is not published with it unnoticed.
/// </summary>
internal static partial class ForeignSyntax
{
    private static readonly (Regex Pattern, string Warning)[] Kinds =
    [
        (ObsidianComment(), "Obsidian comments (%%…%%) are no Markdown comments: readers would see them; write <!-- … -->, which they do not."),
        (WikiEmbed(), "Obsidian embeds (![[file]]) are left as written: readers would see them; place images as ![alt](url)."),
        (WikiLink(), "Wiki links ([[page]]) are left as written: readers would see them; link as [text](url)."),
        (Callout(), "Obsidian callouts (> [!note]) are quotes here: readers would see the [!note]."),
        (HugoShortcode(), "Hugo shortcodes ({{< … >}}, {{% … %}}) are left as written: readers would see them."),
        (LiquidTag(), "Liquid tags ({% … %}, {{ … }}) are left as written: readers would see them."),
    ];

    /// <summary>
    /// Each kind found, with the 0-based line it is first on, but on the lines import reads or that are code
    /// (<paramref name="read"/>: Hugo figures and embeds, code blocks) and in code spans (<c>`{{ message }}`</c>: template
    /// code a post shows).
    /// </summary>
    public static IEnumerable<(int Line, string Warning)> In(TextLines lines, IReadOnlySet<int> read)
    {
        var found = new Dictionary<string, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (read.Contains(i))
            {
                continue;
            }
            var text = CodeSpan().Replace(lines.Trimmed(i), "");
            foreach (var (pattern, warning) in Kinds)
            {
                if (!found.ContainsKey(warning) && pattern.IsMatch(text))
                {
                    found[warning] = i;
                }
            }
        }
        return found.Select(entry => (entry.Value, entry.Key)).OrderBy(entry => entry.Value);
    }

    /// <summary>A code span on one line: a run of backticks, then text, then a run of as many.</summary>
    [GeneratedRegex(@"(?<!`)(?<ticks>`+)(?!`).+?(?<!`)\k<ticks>(?!`)")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"%%.*?%%|^%%\s*$")]
    private static partial Regex ObsidianComment();

    [GeneratedRegex(@"!\[\[[^\[\]]+\]\](?!\()")]
    private static partial Regex WikiEmbed();

    [GeneratedRegex(@"(?<!!)\[\[[^\[\]]+\]\](?!\()")]
    private static partial Regex WikiLink();

    [GeneratedRegex(@"^(>\s*)+\[![A-Za-z-]+\][+-]?")]
    private static partial Regex Callout();

    [GeneratedRegex(@"\{\{[<%].*?[>%]\}\}")]
    private static partial Regex HugoShortcode();

    [GeneratedRegex(@"\{%-?\s*\w.*?-?%\}|\{\{-?\s*[\w.]+(\s*\|[^}]*)?\s*-?\}\}")]
    private static partial Regex LiquidTag();
}
