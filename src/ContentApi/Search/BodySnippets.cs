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
/// it, link reference definitions elsewhere) or no block matches, the whole body is rendered.
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
                        var textBefore = !markdown.AsSpan(0, start).IsWhiteSpace() && !snippet.StartsWith(Ellipsis, StringComparison.Ordinal);
                        var textAfter = !markdown.AsSpan(end).IsWhiteSpace() && !snippet.EndsWith(Ellipsis, StringComparison.Ordinal);
                        return (textBefore ? Ellipsis : "") + snippet + (textAfter ? Ellipsis : "");
                    }
                }
                start = end + 2;
            }
        }
        return Snippets.Build(MarkdownRenderer.ToPlainText(markdown), query);
    }

    private static readonly System.Buffers.SearchValues<char> InlineMarkup = System.Buffers.SearchValues.Create("*_`&\\<[~");

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();
}
