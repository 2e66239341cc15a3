using System.Text.RegularExpressions;
using ContentApi.Rendering;

namespace ContentApi.Search;

/// <summary>
/// The search snippet of an article body, which is Markdown. Rendering a whole ~3,000-character body to plain text
/// costs more than everything else a search hit needs, and the snippet shows only the text around the best match:
/// so each paragraph (blank-line-delimited block, a blank line holding only spaces or tabs between any line ends) is read
/// once in its source, and the one that best matches the whole query (<see cref="BestPassages"/>: most distinct terms,
/// then closest together, then earliest) is rendered alone, its snippet from the best matching line of its plain text (a
/// heading or a figure's label without blank lines around it is a line of its own); failing that, the others in turn.
/// A block is rendered only when its source matches or holds inline markup (which can join or split words when
/// rendered: emphasis, entities, escapes, links, code); a block of plain text that does not match in its source
/// cannot match once rendered. Whenever a block cannot be rendered alone (fenced code whose blank lines would split
/// it, link reference definitions elsewhere) or no block matches within the blocks rendered, the body is rendered
/// around its first match in the source, and the snippet comes from the best matching line there; around the next
/// match past that part when none does (the match was alt text or a URL), a few times; failing that, the snippet is
/// the start of the body. HTML comments are taken out first, as from everything readers see.
/// No render takes more than <see cref="RenderLength"/> characters of the body, and the match is looked for in its
/// first <see cref="SearchedLength"/> only: a hit costs no more for a 500,000-character body than for one of 50,000
/// (rendering a whole 500,000-character body took 0.5 s, for each hit).
/// </summary>
public static partial class BodySnippets
{
    private const int BlocksRendered = 3;

    /// <summary>
    /// The most Markdown one render takes, cut from around the match, at line ends where there are some: a dozen
    /// times a snippet, and longer than the blocks of ordinary articles, which are rendered whole as before.
    /// </summary>
    internal const int RenderLength = 2_000;

    /// <summary>
    /// How much of the body the snippet's match is looked for in (beyond it, the snippet is the start of the body):
    /// some 16 times the ~3,000 characters of a long Chinese news article, or 8,000 English words.
    /// </summary>
    internal const int SearchedLength = 50_000;

    private const string Ellipsis = "…";

    public static string Build(string body, SearchQuery query)
    {
        // The part searched without its HTML comments, which are no text of the article (HtmlComments): cut from the
        // body as written, a paragraph or part could start inside a comment, or split one, and show it; read from the
        // cut alone, a comment open there would be never closed, so text; the rest of it is no text past the part.
        var (searched, restAt) = HtmlComments.WithoutInStart(body, SearchedPart(body).Length);
        var textBeyond = restAt < body.Length && !body.AsSpan(restAt).IsWhiteSpace();
        var hasDefinitions = ReferenceDefinition().IsMatch(body);
        if (!body.Contains("```", StringComparison.Ordinal) && !body.Contains("~~~", StringComparison.Ordinal) && !hasDefinitions)
        {
            // With several query terms, each block is read once, to find the one that best matches the whole query
            // (BestPassages). When it is better than the first that matches, it is rendered first; then (else only) those
            // that match or hold markup in turn, up to the first to show a mark, as markup can make a match that the
            // source does not show. With one term, the first block that matches is the best: blocks are read only up to it.
            var blocks = Blocks(searched, query);
            if (query.IncludedTerms.Skip(1).Any())
            {
                var all = blocks.ToList();
                var (first, best) = (-1, -1);
                for (var i = 0; i < all.Count; i++)
                {
                    first = first < 0 && all[i].Best.At >= 0 ? i : first;
                    best = all[i].Best.IsBetterThan(best < 0 ? Passage.None : all[best].Best) ? i : best;
                }
                blocks = best == first ? all : all.Where((_, i) => i != best).Prepend(all[best]);
            }
            var rendered = 0;
            foreach (var (start, end, passage, hasMarkup) in blocks)
            {
                if (rendered == BlocksRendered)
                {
                    break;
                }
                if (passage.At < 0 && !hasMarkup)
                {
                    continue;
                }
                rendered++;
                var block = searched[start..end];
                var (from, to) = Around(block, Math.Max(passage.At, 0));
                // The block as Markdown reads it may hold several (a heading or a figure's label without blank lines
                // around it): the plain text's lines tell them apart.
                var snippet = FromBestLine(MarkdownRenderer.ToPlainText(block[from..to]), query,
                    HasText(searched, 0, start + from), textBeyond || HasText(searched, start + to, searched.Length));
                if (snippet.Contains("<mark>", StringComparison.Ordinal))
                {
                    return snippet;
                }
            }
        }
        // Around each match in the source in turn: one can render to nothing (an image's alt text, a link's URL).
        // Read as its rendered text reads it: a word wrapped across a line of Chinese, or split by emphasis, is one (TextUnits.Of).
        var units = TextUnits.Of(searched, markdownSource: true);
        var definitions = hasDefinitions ? BodyDefinitions.Of(searched) : null;
        var head = Around(searched, 0);
        string? headSnippet = null;
        for (var (from, renders) = (0, 0); renders < PartsRendered; renders++)
        {
            var at = Snippets.IndexOfMatch(units, query, from);
            if (at < 0)
            {
                break;
            }
            var part = Around(searched, at);
            var around = FromBestLine(searched, part, definitions, query, textBeyond);
            if (around.Contains("<mark>", StringComparison.Ordinal))
            {
                return around;
            }
            headSnippet = part == head ? around : headSnippet;
            from = Math.Max(part.To, at + 1);
        }
        return headSnippet ?? FromBestLine(searched, head, definitions, query, textBeyond);
    }

    /// <summary>The blocks of <paramref name="searched"/> in order, each with the passage of it that best matches the query and whether it holds inline markup.</summary>
    private static IEnumerable<(int Start, int End, Passage Best, bool HasMarkup)> Blocks(string searched, SearchQuery query)
    {
        for (var start = 0; start < searched.Length;)
        {
            var blankLine = BlankLine().Match(searched, start);
            var end = blankLine.Success ? blankLine.Index : searched.Length;
            var block = searched[start..end];
            yield return (start, end, BestPassages.Of(TextUnits.Of(block, markdownSource: true), query), block.AsSpan().IndexOfAny(InlineMarkup) >= 0);
            start = blankLine.Success ? blankLine.Index + blankLine.Length : searched.Length;
        }
    }

    /// <summary>Parts of the body rendered around matches in its source when no block alone gave the snippet.</summary>
    private const int PartsRendered = 3;

    /// <summary>The start of the body that the match is looked for in: all of it, or its first <see cref="SearchedLength"/> characters up to a line break or space.</summary>
    private static string SearchedPart(string markdown)
    {
        if (markdown.Length <= SearchedLength)
        {
            return markdown;
        }
        var end = markdown.AsSpan(SearchedLength / 2, SearchedLength / 2).LastIndexOfAny(' ', '\n');
        end = end < 0 ? SearchedLength : SearchedLength / 2 + end;
        return markdown[..(char.IsLowSurrogate(markdown[end]) ? end - 1 : end)];
    }

    /// <summary>
    /// The part of <paramref name="markdown"/> to render for a match at <paramref name="at"/>: all of it when it is
    /// short, else at most <see cref="RenderLength"/> characters with the match in its first half, starting and ending
    /// at line breaks where there are some (where there are none, as in a long Chinese paragraph, between characters).
    /// </summary>
    internal static (int From, int To) Around(string markdown, int at)
    {
        if (markdown.Length <= RenderLength)
        {
            return (0, markdown.Length);
        }
        var earliest = Math.Max(0, at - RenderLength / 2);
        var lineStart = earliest == 0 ? -1 : markdown.AsSpan(earliest, at - earliest).IndexOf('\n');
        var from = lineStart >= 0 ? earliest + lineStart + 1 : earliest;
        if (from < markdown.Length && char.IsLowSurrogate(markdown[from]))
        {
            from++;
        }
        var latest = from + RenderLength;
        if (latest >= markdown.Length)
        {
            return (from, markdown.Length);
        }
        var searchFrom = Math.Min(at + RenderLength / 4, latest);
        var lineEnd = markdown.AsSpan(searchFrom, latest - searchFrom).LastIndexOf('\n');
        var to = lineEnd >= 0 ? searchFrom + lineEnd : latest;
        if (char.IsLowSurrogate(markdown[to]))
        {
            to--;
        }
        return (from, to);
    }

    /// <summary>
    /// The snippet of the line of the rendered part of the body that best matches (the plain text's lines: a block, a
    /// footnote's paragraph, or a line of it after a hard line break; the part is rendered with the definitions its
    /// references need, <see cref="BodyDefinitions"/>), so that it never runs across paragraphs; the whole part's when only lines
    /// together match (a phrase across two of them), or when none does (its start).
    /// </summary>
    private static string FromBestLine(string markdown, (int From, int To) part, BodyDefinitions? definitions, SearchQuery query, bool textBeyond)
    {
        var plainText = MarkdownRenderer.ToPlainText(definitions?.Complete(markdown, part.From, part.To) ?? markdown[part.From..part.To]);
        return FromBestLine(plainText, query, HasText(markdown, 0, part.From), textBeyond || HasText(markdown, part.To, markdown.Length));
    }

    /// <summary>
    /// The snippet of the line of <paramref name="plainText"/> that best matches the query (<see cref="BestPassages"/>: the
    /// first of equals), framed by what the body holds around it.
    /// </summary>
    private static string FromBestLine(string plainText, SearchQuery query, bool before, bool after)
    {
        var lines = plainText.Split('\n');
        var (best, bestPassage) = (-1, Passage.None);
        for (var i = 0; i < lines.Length; i++)
        {
            var passage = BestPassages.Of(TextUnits.Of(lines[i]), query);
            (best, bestPassage) = passage.IsBetterThan(bestPassage) ? (i, passage) : (best, bestPassage);
        }
        if (best >= 0)
        {
            var snippet = Snippets.Build(lines[best], query);
            return Framed(snippet, before || lines.Take(best).Any(l => !string.IsNullOrWhiteSpace(l)), after || lines.Skip(best + 1).Any(l => !string.IsNullOrWhiteSpace(l)));
        }
        return Framed(Snippets.Build(plainText, query), before, after);
    }

    private static bool HasText(string markdown, int from, int to) => !markdown.AsSpan(from, to - from).IsWhiteSpace();

    /// <summary>An ellipsis on each side where the body has more text than the snippet shows.</summary>
    private static string Framed(string snippet, bool textBefore, bool textAfter) =>
        (textBefore && !snippet.StartsWith(Ellipsis, StringComparison.Ordinal) ? Ellipsis : "") + snippet +
        (textAfter && !snippet.EndsWith(Ellipsis, StringComparison.Ordinal) ? Ellipsis : "");

    private static readonly System.Buffers.SearchValues<char> InlineMarkup = System.Buffers.SearchValues.Create("*_`&\\<[~");

    /// <summary>A blank line, as Markdown reads one: between any line ends (LF, CRLF, CR), holding nothing but spaces or tabs.</summary>
    [GeneratedRegex(@"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();
}
