namespace ContentApi.Rendering;

/// <summary>The scan that finds where a body's comments start and end, as CommonMark reads them.</summary>
internal static partial class HtmlComments
{
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
}
