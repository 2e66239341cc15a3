namespace ContentApi.Rendering;

/// <summary>
/// A bound, computed before parsing, on the work Markdig spends in the places where it is worse than linear (each
/// measured; see the tests): from a link destination (<c>](</c>) it scans to the end of the line when nothing closes
/// it, and to the end of the paragraph when an unclosed title in parentheses follows (<c>[a](b (x</c>); from a bare URL
/// the autolink extension picks up (<c>://</c>, <c>www.</c>, <c>mailto:</c>, <c>tel:</c>) to the next space, and back
/// over every inline of its paragraph before it; and link reference definitions cost the square of how many one
/// paragraph holds. So 16,000 <c>[a](b</c> on one line, 20,000 bare URLs in one paragraph or 55,000 lines of
/// <c>[a]:</c> took seconds to parse, as did 5,000 lines of <c>*a **a</c> (emphasis delimiters also cost the square of
/// their number in a paragraph; Markdig's depth limit refuses more only after 1-2 s), at every write and every
/// rendering. So do brackets: 10,000 <c>[a</c> or 5,000 <c>[a][b]</c> in one paragraph took 0.3-0.6 s (the square
/// of a paragraph's brackets left open and of those opened right after one closed; closed ones, as in a gallery of
/// <c>![](image:1)</c>, cost nothing); and a pipe next to a colon (<c>:|</c>, <c>| :</c>, as in a table's alignment
/// row): 20,000 on one line took 3 s, 60,000 twelve, on a thread that goes on after the write has been refused (the
/// square of their number on a line). Code is measured like text (an overstatement: Markdig does not parse it for
/// inlines).
/// </summary>
public static class MarkdownScanCost
{
    /// <summary>Most characters the scans may cover: ~60 ms of parsing; a real article is hundreds of times below it.</summary>
    public const long Budget = 10_000_000;

    public const string Explanation =
        "The Markdown has too many links, URLs, link definitions or other markers for Markdig to parse in reasonable " +
        "time: each link that nothing closes is followed to the end of its line (to the end of its paragraph when an " +
        "unclosed title in parentheses " +
        "follows), each bare URL to the next space and back over its paragraph, and link definitions cost more the more of " +
        "them one paragraph holds, as do emphasis markers (*, _, ~~) and brackets ([), and pipes next to a colon (:| or |:) " +
        "on one line. Close the links and titles, write URLs as [text](url), or split the paragraphs and lines (a table's " +
        "rows count as one paragraph: split a long table whose cells hold emphasis into several).";

    public static bool IsWithinBudget(string markdown) => Of(markdown) <= Budget;

    /// <summary>
    /// The characters from each link destination to the end of its line (of its paragraph when an unclosed title may
    /// follow it), and from each bare URL to the next space or blank line, plus half those before it in its paragraph,
    /// summed; plus, for each paragraph, a quarter of the square of its link definitions, the square of its emphasis
    /// delimiter runs, sixteen times the square of its lines that open a label they do not close and half the square of
    /// its brackets left open and opened right after one closed; plus, for each line, twice the square of its pipes next
    /// to a colon. One unit is about the cost of a character scanned.
    /// </summary>
    public static long Of(string markdown)
    {
        var links = new Openers();
        var titledLinks = new Openers();
        var urls = new Openers();
        var paragraph = new Paragraph();
        long colonPipeCost = 0;
        var closedBracketAt = -1;
        // Lines end as Markdig ends them, at "\n", "\r\n" or a lone "\r": split at "\n" only, "1. \r*a" was a list item
        // here (ending the paragraph) and, in Markdig, an empty item then a line of the same paragraph.
        for (int lineStart = 0, lineEnd; lineStart < markdown.Length; lineStart = NextLineStart(markdown, lineEnd))
        {
            lineEnd = markdown.AsSpan(lineStart).IndexOfAny('\r', '\n') is var newline and >= 0 ? lineStart + newline : markdown.Length;
            var line = markdown.AsSpan(lineStart, lineEnd - lineStart);
            if (MarkdownLines.IsBlank(line) || MarkdownLines.StartsBlock(line))
            {
                urls.End(lineStart);
                titledLinks.End(lineStart);
                paragraph.End(lineStart);
            }
            var label = MarkdownLines.StartsLabel(line);
            paragraph.AddLabel(label);
            var isDefinition = label == LabelStart.Definition;
            var title = MarkdownLines.UnclosedTitle(line);
            long colonPipes = 0;
            for (var i = lineStart; i < lineEnd; i++)
            {
                switch (markdown[i])
                {
                    case '|' when (i > lineStart && markdown[i - 1] == ':') || ColonFollows(markdown, i + 1, lineEnd):
                        colonPipes++;
                        break;
                    case '[' when !isDefinition && !IsEscaped(markdown, i):
                        paragraph.OpenBracket(afterClosingOne: i > 0 && closedBracketAt == i - 1);
                        break;
                    case ' ' or '\t':
                        urls.End(i);
                        break;
                    case '*' or '~' or '_' when StartsDelimiterRun(markdown, i, lineStart):
                        paragraph.AddDelimiterRun();
                        break;
                    case ']':
                        if (!isDefinition && !IsEscaped(markdown, i) && paragraph.CloseBracket())
                        {
                            closedBracketAt = i;
                        }
                        if (!At(markdown, i + 1, "("))
                        {
                            break;
                        }
                        if (title > i - lineStart)
                        {
                            titledLinks.Add(i);
                        }
                        else
                        {
                            links.Add(i);
                        }
                        break;
                    case ':' when At(markdown, i + 1, "//"):
                        urls.Add(i);
                        paragraph.AddUnlessLinked(markdown, SchemeStart(markdown, i), i, isDefinition);
                        break;
                    case 'w' or 'W' when At(markdown, i, "www."):
                    case 'm' or 'M' when At(markdown, i, "mailto:"):
                    case 't' or 'T' when At(markdown, i, "tel:"):
                        urls.Add(i);
                        paragraph.AddUnlessLinked(markdown, i, i, isDefinition);
                        break;
                }
            }
            links.End(lineEnd);
            colonPipeCost += colonPipes * colonPipes * 2;
        }
        links.End(markdown.Length);
        titledLinks.End(markdown.Length);
        urls.End(markdown.Length);
        paragraph.End(markdown.Length);
        return links.Cost + titledLinks.Cost + urls.Cost + paragraph.Cost + colonPipeCost;
    }

    private static int NextLineStart(string text, int lineEnd) =>
        lineEnd + (lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? 2 : 1);

    /// <summary>
    /// The first of a run of '*', '~' or '_' that Markdig reads as delimiters: not an escaped one (<c>\*</c> is text),
    /// not an underscore inside a word (as in snake_case), and not a lone '~' (strikethrough takes two; "3~5 年" is a
    /// range).
    /// </summary>
    private static bool StartsDelimiterRun(string text, int i, int lineStart)
    {
        var c = text[i];
        if (IsEscaped(text, i) || (i > lineStart && text[i - 1] == c && !IsEscaped(text, i - 1)))
        {
            return false;
        }
        var end = i;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }
        return c switch
        {
            '~' => end - i >= 2,
            '_' => !(i > lineStart && char.IsLetterOrDigit(text[i - 1]) && end < text.Length && char.IsLetterOrDigit(text[end])),
            _ => true,
        };
    }

    /// <summary>Where the scheme of the "://" at <paramref name="colon"/> starts.</summary>
    private static int SchemeStart(string text, int colon)
    {
        var start = colon;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }
        return start;
    }

    /// <summary>Whether an odd number of backslashes precedes <paramref name="i"/> (<c>\\*</c> escapes the backslash, not the star).</summary>
    private static bool IsEscaped(string text, int i)
    {
        var backslashes = 0;
        while (i - backslashes > 0 && text[i - backslashes - 1] == '\\')
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /// <summary>Whether the line goes on with a colon after spaces or tabs, if any, from <paramref name="i"/>.</summary>
    private static bool ColonFollows(string text, int i, int lineEnd)
    {
        while (i < lineEnd && text[i] is ' ' or '\t')
        {
            i++;
        }
        return i < lineEnd && text[i] == ':';
    }

    private static bool At(string text, int i, string expected) =>
        i < text.Length && text.AsSpan(i).StartsWith(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the current paragraph holds that costs more the more of it there is, and what the ended ones cost.</summary>
    private struct Paragraph
    {
        private int _start;
        private long _urls;
        private long _definitions;
        private long _delimiterRuns;
        private long _openLabels;
        private long _openBrackets;
        private long _chainedBrackets;

        public long Cost { get; private set; }

        public void AddLabel(LabelStart label)
        {
            _definitions += label == LabelStart.Definition ? 1 : 0;
            _openLabels += label == LabelStart.Open ? 1 : 0;
        }

        public void AddDelimiterRun() => _delimiterRuns++;

        /// <param name="afterClosingOne">Right after a bracket that closed one, as in a full reference link (<c>[a][b]</c>).</param>
        public void OpenBracket(bool afterClosingOne)
        {
            _openBrackets++;
            _chainedBrackets += afterClosingOne ? 1 : 0;
        }

        /// <summary>Closes the last bracket opened, if one is open.</summary>
        public bool CloseBracket()
        {
            if (_openBrackets == 0)
            {
                return false;
            }
            _openBrackets--;
            return true;
        }

        /// <summary>
        /// A bare URL walks back over the inlines before it in its paragraph (at most one per two characters, as in
        /// "a\\n" lines). One that is a link's destination (<c>](url</c>), an angle autolink (<c>&lt;url&gt;</c>) or on a
        /// definition's line is not bare.
        /// </summary>
        public void AddUnlessLinked(string text, int start, int position, bool onDefinitionLine)
        {
            var linked = onDefinitionLine || (start >= 1 && (text[start - 1] == '<' || (text[start - 1] == '(' && start >= 2 && text[start - 2] == ']')));
            if (!linked)
            {
                _urls += (position - _start) / 2;
            }
        }

        private static long Square(long value) => value * value;

        /// <summary>Ends the paragraph; the next starts at <paramref name="nextStart"/>.</summary>
        public void End(int nextStart)
        {
            Cost += _urls + (_definitions * _definitions / 4) + (_delimiterRuns * _delimiterRuns) + (_openLabels * _openLabels * 16) + (Square(_openBrackets + _chainedBrackets) / 2);
            _urls = 0;
            _definitions = 0;
            _delimiterRuns = 0;
            _openLabels = 0;
            _openBrackets = 0;
            _chainedBrackets = 0;
            _start = nextStart;
        }
    }

    /// <summary>Openers whose scans run to the same end, and what the ended ones cost.</summary>
    private struct Openers
    {
        private long _count;
        private long _positions;

        public long Cost { get; private set; }

        public void Add(int position)
        {
            _count++;
            _positions += position;
        }

        public void End(int end)
        {
            Cost += _count * end - _positions;
            _count = 0;
            _positions = 0;
        }
    }
}
