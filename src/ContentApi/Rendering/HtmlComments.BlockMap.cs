using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>What the scan needs to know of the body's blocks (its code blocks, where comments close) and how it finds the next close.</summary>
internal static partial class HtmlComments
{
    /// <summary>
    /// From a parse with HTML off: the source ranges (end exclusive) of code blocks, fenced or indented, in source order
    /// (footnotes' come last in the document); where paragraphs outside tables start, with where a comment that opens
    /// one may end (its list item, quote or footnote's end, or the body's); and the headings' ranges. A fence never
    /// closed runs to the end of the body, but its span covers its opening line only: its last line of code ends it.
    /// </summary>
    private sealed record BlockMap(List<(int Start, int End)> CodeBlocks, Dictionary<int, int> CommentEnds, List<(int Start, int End)> Headings)
    {
        /// <summary>The furthest end of the code blocks up to each one (in <see cref="CodeBlocks"/>' order, by start).</summary>
        private int[]? _furthestCodeEnd;

        /// <summary>The headings by start (a footnote's come last in the document).</summary>
        private List<(int Start, int End)>? _headingsByStart;

        /// <summary>Whether a code block holds <paramref name="at"/>: found by halving, not by trying every block.</summary>
        public bool InCode(int at)
        {
            _furthestCodeEnd ??= [.. FurthestEnds(CodeBlocks)];
            var last = LastStartingAtOrBefore(CodeBlocks, at);
            return last >= 0 && at < _furthestCodeEnd[last];
        }

        /// <summary>Where the heading holding <paramref name="at"/> ends, if one does.</summary>
        public int? HeadingEndAround(int at)
        {
            _headingsByStart ??= [.. Headings.OrderBy(heading => heading.Start)];
            var last = LastStartingAtOrBefore(_headingsByStart, at);
            // Headings do not overlap, so only the last one starting before it can hold it.
            return last >= 0 && at < _headingsByStart[last].End && _headingsByStart[last].End > 0 ? _headingsByStart[last].End : null;
        }

        private static IEnumerable<int> FurthestEnds(List<(int Start, int End)> blocks)
        {
            var furthest = int.MinValue;
            foreach (var (_, end) in blocks)
            {
                furthest = Math.Max(furthest, end);
                yield return furthest;
            }
        }

        /// <summary>The index of the last range, by start, that starts at or before <paramref name="at"/> (-1: none).</summary>
        private static int LastStartingAtOrBefore(List<(int Start, int End)> ranges, int at)
        {
            var (low, high) = (0, ranges.Count - 1);
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (ranges[middle].Start <= at)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return high;
        }

        public static BlockMap Of(string markdown)
        {
            var document = ArticleMarkdown.ParseWithinDepth(markdown, ArticleMarkdown.PipelineWithSourceLocation);
            var codeBlocks = document.Descendants<CodeBlock>()
                .Select(block => (block.Span.Start, Math.Max(block.Span.End, LastCodeEnd(markdown, block)) + 1))
                .OrderBy(block => block.Start)
                .ToList();
            var commentEnds = new Dictionary<int, int>();
            foreach (var paragraph in document.Descendants<ParagraphBlock>())
            {
                // A cell's comment is inline; a container's HTML block ends with the container.
                if (paragraph.Parent is not Markdig.Extensions.Tables.TableCell)
                {
                    commentEnds.TryAdd(paragraph.Span.Start, paragraph.Parent is MarkdownDocument or null ? markdown.Length : paragraph.Parent.Span.End + 1);
                }
            }
            return new(codeBlocks, commentEnds, [.. document.Descendants<HeadingBlock>().Select(heading => (heading.Span.Start, heading.Span.End + 1))]);
        }
    }

    /// <summary>
    /// The first <c>--&gt;</c> at or after a position that <paramref name="accepts"/>, remembered: openers ask from
    /// positions further and further on, so each part of the body is searched once.
    /// </summary>
    private sealed class NextClose(string markdown, Func<int, bool> accepts)
    {
        private int _from = int.MaxValue;
        private int _found = -1;

        /// <summary>Where that close starts (-1: none).</summary>
        public int From(int from)
        {
            if (from >= _from && (_found < 0 || _found >= from))
            {
                return _found;
            }
            var close = markdown.IndexOf(Close, from, StringComparison.Ordinal);
            while (close >= 0 && !accepts(close))
            {
                close = markdown.IndexOf(Close, close + 1, StringComparison.Ordinal);
            }
            (_from, _found) = (from, close);
            return close;
        }
    }

    /// <summary>
    /// Where the block's last line of code ends in the body (its last character): found from where the line starts, as
    /// its slice is a copy, counted from 0, when the line starts inside a tab.
    /// </summary>
    private static int LastCodeEnd(string markdown, CodeBlock block)
    {
        if (block.Lines.Count == 0)
        {
            return -1;
        }
        var newline = markdown.IndexOf('\n', block.Lines.Lines[block.Lines.Count - 1].Position);
        return (newline < 0 ? markdown.Length : newline) - 1;
    }
}
