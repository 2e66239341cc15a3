using System.Text.RegularExpressions;
using ContentApi.Rendering;

namespace ContentApi.Search;

/// <summary>
/// The search snippet of an article body, which is Markdown. Rendering a whole ~3,000-character body to plain text
/// costs more than everything else a search hit needs, and the snippet shows only the text around the first match:
/// so the body is rendered one paragraph (blank-line-delimited block) at a time, up to the first whose text matches.
/// A block is rendered only when its source matches or holds inline markup (which can join or split words when
/// rendered: emphasis, entities, escapes, links, code); a block of plain text that does not match in its source
/// cannot match once rendered. Whenever a block cannot be rendered alone (fenced code whose blank lines would split
/// it, link reference definitions elsewhere) or no block matches within the blocks rendered, the whole body is
/// rendered, and the snippet still comes from its first matching block.
/// </summary>
public static partial class BodySnippets
{
    private const int BlocksRendered = 3;

    private const string Ellipsis = "…";

    public static string Build(string markdown, SearchQuery query)
    {
        if (!markdown.Contains("```", StringComparison.Ordinal) && !markdown.Contains("~~~", StringComparison.Ordinal) &&
            !ReferenceDefinition().IsMatch(markdown))
        {
            var rendered = 0;
            for (var start = 0; start < markdown.Length && rendered < BlocksRendered;)
            {
                var end = markdown.IndexOf("\n\n", start, StringComparison.Ordinal);
                end = end < 0 ? markdown.Length : end;
                var block = markdown[start..end];
                if (block.AsSpan().IndexOfAny(InlineMarkup) >= 0 || Snippets.Matches(block, query).Count > 0)
                {
                    rendered++;
                    var snippet = Snippets.Build(MarkdownRenderer.ToPlainText(block), query);
                    if (snippet.Contains("<mark>", StringComparison.Ordinal))
                    {
                        return Framed(snippet, !markdown.AsSpan(0, start).IsWhiteSpace(), !markdown.AsSpan(end).IsWhiteSpace());
                    }
                }
                start = end + 2;
            }
        }
        return FromFirstMatchingLine(MarkdownRenderer.ToPlainText(markdown), query);
    }

    /// <summary>
    /// The snippet of the first line of the whole rendered text that matches (one line per source line: a block, or a
    /// line of a wrapped paragraph), so that it never runs across paragraphs; the whole text's when only lines together
    /// match (a phrase across two of them).
    /// </summary>
    private static string FromFirstMatchingLine(string plainText, SearchQuery query)
    {
        var lines = plainText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Snippets.Matches(lines[i], query).Count > 0)
            {
                var snippet = Snippets.Build(lines[i], query);
                return Framed(snippet, lines.Take(i).Any(l => !string.IsNullOrWhiteSpace(l)), lines.Skip(i + 1).Any(l => !string.IsNullOrWhiteSpace(l)));
            }
        }
        return Snippets.Build(plainText, query);
    }

    /// <summary>An ellipsis on each side where the body has more text than the snippet shows.</summary>
    private static string Framed(string snippet, bool textBefore, bool textAfter) =>
        (textBefore && !snippet.StartsWith(Ellipsis, StringComparison.Ordinal) ? Ellipsis : "") + snippet +
        (textAfter && !snippet.EndsWith(Ellipsis, StringComparison.Ordinal) ? Ellipsis : "");

    private static readonly System.Buffers.SearchValues<char> InlineMarkup = System.Buffers.SearchValues.Create("*_`&\\<[~");

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();
}
