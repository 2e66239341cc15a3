using System.Text;
using Markdig.Syntax;

namespace ContentApi.Rendering;

/// <summary>
/// HTML comments in a body (<c>&lt;!-- 編輯備註：數字待查證 --&gt;</c>, Hugo's and Jekyll's <c>&lt;!--more--&gt;</c>) are notes
/// for editors, but raw HTML is disabled, so readers were shown them as text, and so were the excerpt and the search
/// index. What a body renders to leaves them out; the body keeps them as written. Read as CommonMark reads them with
/// HTML on: one starting a line (also in a list item or a quote, which it ends with) runs to the next <c>--&gt;</c>,
/// across blank lines and fences; one inside a line ends in its paragraph or is text; a code span that starts first is code
/// (<c>`&lt;!-- x --&gt;`</c>), and a backtick inside a comment is the comment's; in a code block, escaped
/// (<c>\&lt;!--</c>) or never closed, it is text. A comment alone on a line ends a paragraph, as an HTML comment block
/// does.
/// </summary>
internal static partial class HtmlComments
{
    private const string Open = "<!--";
    private const string Close = "-->";

    public static string Without(string markdown)
    {
        var comments = Ranges(markdown);
        if (comments.Count == 0)
        {
            return markdown;
        }
        var kept = new StringBuilder(markdown.Length);
        var position = 0;
        foreach (var (start, end) in comments)
        {
            kept.Append(markdown, position, start - position);
            position = end;
        }
        return kept.Append(markdown, position, markdown.Length - position).ToString();
    }

    /// <summary>
    /// The first <paramref name="length"/> characters without their comments, as the whole body reads them (a comment
    /// open at the cut and closed further on is left out, where read alone it would be never closed, and text), and
    /// where the body goes on past them: after such a comment's close, when that close was read.
    /// </summary>
    public static (string Text, int RestAt) WithoutInStart(string markdown, int length)
    {
        if (length >= markdown.Length)
        {
            return (Without(markdown), markdown.Length);
        }
        var (read, closedFurther) = PartRead(markdown, length);
        var kept = new StringBuilder(length);
        var (position, restAt) = (0, length);
        foreach (var (start, end) in Ranges(read, closedFurther))
        {
            if (start >= length)
            {
                break;
            }
            kept.Append(markdown, position, start - position);
            position = Math.Min(end, length);
            restAt = closedFurther && end == read.Length ? length : Math.Max(end, length);
        }
        return (kept.Append(markdown, position, length - position).ToString(), restAt);
    }

    /// <summary>
    /// How far <see cref="WithoutInStart"/> reads past its cut: finding comments parses what is read, and a comment's
    /// close could lie hundreds of thousands of characters on. Then on to the end of that line, if it ends soon.
    /// </summary>
    private const int MaxReadPastCut = 10_000;

    private const int MaxReadToLineEnd = 2_000;

    /// <summary>
    /// What <see cref="WithoutInStart"/> finds comments in: the first <paramref name="length"/> characters alone when
    /// they hold no opener (and the cut splits none); else <see cref="MaxReadPastCut"/> more, to the end of a line, so
    /// that a comment open at the cut is closed as the whole body closes it (its first <c>--&gt;</c> past the cut may be
    /// code's, and a code span split by the cut holds no comment). Whether a <c>--&gt;</c> lies further on, which closes
    /// a comment that starts a line and is still open where the text read ends.
    /// </summary>
    internal static (string Text, bool ClosedFurther) PartRead(string markdown, int length)
    {
        var withSplitOpener = markdown.AsSpan(0, Math.Min(markdown.Length, length + Open.Length - 1));
        if (!withSplitOpener.Contains(Open, StringComparison.Ordinal))
        {
            return (markdown[..length], false);
        }
        var end = Math.Min(markdown.Length, length + MaxReadPastCut);
        var lineEnd = markdown.IndexOf('\n', end, Math.Min(MaxReadToLineEnd, markdown.Length - end));
        end = lineEnd >= 0 ? lineEnd + 1 : end < markdown.Length && char.IsLowSurrogate(markdown[end]) ? end + 1 : end;
        var closedFurther = end < markdown.Length && markdown.IndexOf(Close, Math.Max(0, end - Close.Length + 1), StringComparison.Ordinal) >= 0;
        return (markdown[..end], closedFurther);
    }

    /// <summary>
    /// Where the first <c>&lt;!--more--&gt;</c> comment (any case, spaces inside), or Docusaurus' <c>&lt;!-- truncate --&gt;</c>,
    /// starts, if the body has one.
    /// </summary>
    public static int? MoreAt(string markdown)
    {
        // The comments are found only for a body that may hold one: "more" alone is in most English bodies.
        if (!MoreComment().IsMatch(markdown))
        {
            return null;
        }
        foreach (var (start, end) in Ranges(markdown))
        {
            var text = markdown.AsSpan(start + Open.Length, Math.Max(0, end - Close.Length - start - Open.Length)).Trim();
            if (text.Equals("more", StringComparison.OrdinalIgnoreCase) || text.Equals("truncate", StringComparison.OrdinalIgnoreCase))
            {
                return start;
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<!--\s*(?:more|truncate)\s*-->", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MoreComment();

    /// <summary>Where the comments are, in order: from each <c>&lt;!--</c> to just after its <c>--&gt;</c>.</summary>
    /// <param name="markdown">A body, or the start of one.</param>
    /// <param name="closedFurther">Whether the body goes on past <paramref name="markdown"/> with a <c>--&gt;</c>, which
    /// closes a comment that starts a line and is still open at its end.</param>
    public static List<(int Start, int End)> Ranges(string markdown, bool closedFurther = false) =>
        markdown.Contains(Open, StringComparison.Ordinal) ? new Scan(markdown, closedFurther).Comments() : [];

    /// <summary>One pass over a body, left to right, stepping over code blocks and code spans.</summary>
    private sealed class Scan(string markdown, bool closedFurther)
    {
        private readonly BlockMap _blocks = BlockMap.Of(markdown);
        private int _nextBlock;
        private (int From, int End) _paragraph = (-1, -1);

        public List<(int Start, int End)> Comments()
        {
            var comments = new List<(int, int)>();
            for (var at = 0; at < markdown.Length;)
            {
                while (_nextBlock < _blocks.CodeBlocks.Count && _blocks.CodeBlocks[_nextBlock].End <= at)
                {
                    _nextBlock++;
                }
                if (_nextBlock < _blocks.CodeBlocks.Count && _blocks.CodeBlocks[_nextBlock].Start <= at)
                {
                    at = _blocks.CodeBlocks[_nextBlock].End;
                }
                else if (markdown[at] == '\\')
                {
                    at += 2;
                }
                else if (markdown[at] == '`')
                {
                    at = AfterCodeSpan(at);
                }
                else if (string.CompareOrdinal(markdown, at, Open, 0, Open.Length) == 0 && CommentEnd(at) is { } end)
                {
                    comments.Add((at, end));
                    at = end;
                }
                else
                {
                    at++;
                }
            }
            return comments;
        }

        /// <summary>Just after the comment opening at <paramref name="open"/>, or null when it is never closed (text).</summary>
        private int? CommentEnd(int open)
        {
            // CommonMark's empty comments.
            foreach (var empty in (ReadOnlySpan<string>)["<!-->", "<!--->"])
            {
                if (string.CompareOrdinal(markdown, open, empty, 0, empty.Length) == 0)
                {
                    return open + empty.Length;
                }
            }
            // One that starts a line is CommonMark's HTML block, which ends at the first -->: a fence opened after it is
            // its text (parsed with HTML off, it was a code block, which never closed and held that -->).
            var startsLine = StartsLine(open);
            // One that starts a paragraph in a container ends with the container; one inside a line, in its paragraph,
            // or in its heading's line.
            var limit = startsLine ? (_blocks.CommentEnds.TryGetValue(open, out var containerEnd) ? containerEnd : markdown.Length)
                : _blocks.HeadingEndAround(open) is { } headingEnd ? headingEnd
                : ParagraphEnd(open);
            // The first close after the opener (outside code, for one inside a line), found at most once for all openers:
            // searching the rest of the body from each opener nothing closes made 80,000 "<!--a>" take 12 s.
            var close = startsLine
                ? (_anyClose ??= new NextClose(markdown, _ => true)).From(open + Open.Length)
                : (_closeOutsideCode ??= new NextClose(markdown, at => !_blocks.InCode(at))).From(open + Open.Length);
            if (close >= 0 && close < limit)
            {
                return close + Close.Length;
            }
            return closedFurther && startsLine ? markdown.Length : null;
        }

        private NextClose? _anyClose;
        private NextClose? _closeOutsideCode;

        /// <summary>
        /// Whether only up to three spaces stand before <paramref name="at"/> on its line, or a paragraph starts there (in
        /// a list item or a quote, after its marker). Reads back at most four characters: reading back to the line's start
        /// from each opener on a long line was quadratic.
        /// </summary>
        private bool StartsLine(int at)
        {
            var lineStart = at;
            while (lineStart > 0 && at - lineStart < 4 && markdown[lineStart - 1] != '\n' && char.IsWhiteSpace(markdown[lineStart - 1]))
            {
                lineStart--;
            }
            return ((lineStart == 0 || markdown[lineStart - 1] == '\n') && at - lineStart <= 3) || _blocks.CommentEnds.ContainsKey(at);
        }

        /// <summary>Where the paragraph holding <paramref name="at"/> ends: at the next blank line, or the end (kept for the paragraph).</summary>
        private int ParagraphEnd(int at)
        {
            if (_paragraph.From <= at && at < _paragraph.End)
            {
                return _paragraph.End;
            }
            var end = markdown.Length;
            for (var newline = markdown.IndexOf('\n', at); newline >= 0; newline = markdown.IndexOf('\n', newline + 1))
            {
                var next = markdown.IndexOf('\n', newline + 1);
                if (markdown.AsSpan(newline + 1, (next < 0 ? markdown.Length : next) - newline - 1).IsWhiteSpace())
                {
                    end = newline;
                    break;
                }
            }
            _paragraph = (at, end);
            return end;
        }

        /// <summary>
        /// After the code span whose opening backticks start at <paramref name="start"/> (closed by as many, in its
        /// paragraph), or after the backticks alone when nothing closes them.
        /// </summary>
        private int AfterCodeSpan(int start)
        {
            var run = RunLength(start);
            var limit = ParagraphEnd(start);
            for (var at = markdown.IndexOf('`', start + run); at >= 0 && at < limit; at = markdown.IndexOf('`', at + RunLength(at)))
            {
                if (RunLength(at) == run)
                {
                    return at + run;
                }
            }
            return start + run;
        }

        private int RunLength(int at)
        {
            var end = at;
            while (end < markdown.Length && markdown[end] == '`')
            {
                end++;
            }
            return end - at;
        }
    }

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
