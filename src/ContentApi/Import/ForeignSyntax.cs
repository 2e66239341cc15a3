using System.Text.RegularExpressions;
using ContentApi.Rendering;

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
        (HtmlTag(), "HTML tags (<figure>, <img …>) are shown as text: the API renders no HTML but a few bare inline tags (<sub>, <sup>, <br>…); place images as ![alt](url), with their caption and credit on the lines under them."),
        (WordPressShortcode(), "WordPress shortcodes ([caption], [gallery], [embed]) are left as written: readers would see them."),
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
                if (!found.ContainsKey(warning) && pattern.Matches(text).Any(match => !IsRenderedInlineTag(match)))
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

    /// <summary>One of the bare inline tags the API renders (<see cref="AllowedInlineHtml"/>), which is no tag shown as text.</summary>
    private static bool IsRenderedInlineTag(Match match) =>
        match.Groups["bare"] is { Success: true } bare
        && (AllowedInlineHtml.PairedTags.Contains(bare.Value.ToLowerInvariant()) || AllowedInlineHtml.VoidTags.Contains(bare.Value.ToLowerInvariant()));

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

    /// <summary>
    /// An HTML tag: an element's name then attributes, or nothing but an optional slash (<c>bare</c>); not an autolink
    /// (<c>&lt;https://…&gt;</c>, <c>&lt;a@b.org&gt;</c>), a comment or a comparison (<c>a&lt;b 且 c&gt;d</c>).
    /// </summary>
    [GeneratedRegex(@"</?(?<bare>[A-Za-z][A-Za-z0-9-]*)\s*/?>|</?[A-Za-z][A-Za-z0-9-]*\s+[A-Za-z_:][\w.:-]*(\s*=\s*(""[^""]*""|'[^']*'|[^\s""'=<>`]+))?(\s+[A-Za-z_:][\w.:-]*(\s*=\s*(""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*\s*/?>")]
    private static partial Regex HtmlTag();

    /// <summary>WordPress's shortcodes that place media, as wordpress-export-to-markdown leaves them; not a link's text (<c>[caption](url)</c>).</summary>
    [GeneratedRegex(@"\[/?(caption|gallery|embed|video|audio|playlist|wp_caption)(\s[^\]]*)?\](?![(\[:])")]
    private static partial Regex WordPressShortcode();
}
