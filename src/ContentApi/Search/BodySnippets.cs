using ContentApi.Rendering;

namespace ContentApi.Search;

/// <summary>
/// The search snippet of an article body, which is Markdown. Rendering a whole ~3,000-character body to plain text
/// costs more than everything else a search hit needs, and the snippet shows only the text around the first match:
/// so the match is looked for in the Markdown source, and only the paragraph (blank-line-delimited block) that holds
/// it is rendered. Whenever that cannot give the same kind of snippet (no match in the visible text of the first
/// blocks that match in the source, a match across a blank line, a fenced code block whose blank lines would split
/// it), the whole body is rendered.
/// </summary>
public static class BodySnippets
{
    private const int BlocksTried = 3;

    private const string Ellipsis = "…";

    public static string Build(string markdown, SearchQuery query)
    {
        if (!markdown.Contains("```", StringComparison.Ordinal) && !markdown.Contains("~~~", StringComparison.Ordinal))
        {
            // Block by block, so that the search stops at the first match instead of analysing the whole body.
            var tried = 0;
            for (var start = 0; start < markdown.Length && tried < BlocksTried;)
            {
                var end = markdown.IndexOf("\n\n", start, StringComparison.Ordinal);
                end = end < 0 ? markdown.Length : end;
                var block = markdown[start..end];
                if (Snippets.Matches(block, query).Count > 0)
                {
                    tried++;
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
}
