namespace ContentApi.Rendering;

/// <summary>
/// A bound, computed before parsing, on the work Markdig spends looking for where links end. From every link
/// destination (<c>](</c>) it scans ahead to the end of the line at most, and from every bare URL the autolink extension
/// picks up (<c>://</c>, <c>www.</c>, <c>mailto:</c>, <c>tel:</c>) past line ends to the next space, when nothing ends
/// it sooner (an unclosed parenthesis). n such openers in a row therefore cost up to n times the row's length: 16,000
/// <c>[a](b</c> on one line took seconds to parse, a 500,000-character body of them minutes, at every write and every
/// rendering. Bare URLs also cost the square of how many one paragraph holds, however short they are: 20,000
/// <c>www.a.example</c> separated by spaces took 2 s to parse (10,000: 0.5 s), and as many paragraphs of one each,
/// 0.1 s. Written as links (<c>[text](url)</c>) they cost nothing of the kind. And a link whose destination is followed
/// by a title in parentheses that nothing closes (<c>[a](b (x</c>) is followed to the end of its paragraph, past line
/// ends: 16,000 lines of it took 3.4 s. Link reference definitions (<c>[a]: url</c>) also cost the square of how many
/// one paragraph holds: 55,000 lines of <c>[a]:</c> took 2.7 s.
/// </summary>
public static class MarkdownScanCost
{
    /// <summary>Most characters the scans may cover: ~60 ms of parsing; a real article is hundreds of times below it.</summary>
    public const long Budget = 10_000_000;

    public const string Explanation =
        "The Markdown has too many links or URLs in a row for Markdig to parse in reasonable time: each link that nothing " +
        "closes is followed to the end of its line, each bare URL to the next space, and bare URLs cost more the more of them " +
        "one paragraph holds. Close the links, write URLs as [text](url), or split the paragraphs.";

    public static bool IsWithinBudget(string markdown) => Of(markdown) <= Budget;

    /// <summary>
    /// The characters from each link destination to the end of its line (of its paragraph when a parenthesized title
    /// follows it), and from each bare URL to the next space or blank line, summed; plus, for each run of lines between
    /// blank lines, a quarter of the square of the lines in it that start like a link reference definition; plus, for each run of lines between blank lines, the square of the bare URLs in it (one
    /// unit is about the cost of a character scanned).
    /// </summary>
    public static long Of(string markdown)
    {
        var links = new Openers();
        var titledLinks = new Openers();
        var urls = new Openers();
        var paragraphs = new Paragraphs();
        var lineStart = 0;
        var lineIsBlank = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            switch (c)
            {
                case '\n':
                    links.End(i);
                    if (lineIsBlank)
                    {
                        urls.End(lineStart);
                        titledLinks.End(lineStart);
                        paragraphs.End();
                    }
                    lineStart = i + 1;
                    lineIsBlank = true;
                    continue;
                case ' ' or '\t':
                    urls.End(i);
                    continue;
                case '[' when i - lineStart <= 3 && markdown.AsSpan(lineStart, i - lineStart).Trim(' ').IsEmpty && StartsDefinition(markdown, i):
                    paragraphs.AddDefinition();
                    break;
                case ']' when At(markdown, i + 1, "("):
                    if (HasParenthesizedTitle(markdown, i + 2))
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
                    paragraphs.AddUnlessLinked(markdown, SchemeStart(markdown, i));
                    break;
                case 'w' or 'W' when At(markdown, i, "www."):
                case 'm' or 'M' when At(markdown, i, "mailto:"):
                case 't' or 'T' when At(markdown, i, "tel:"):
                    urls.Add(i);
                    paragraphs.AddUnlessLinked(markdown, i);
                    break;
            }
            if (c != '\r')
            {
                lineIsBlank = false;
            }
        }
        links.End(markdown.Length);
        titledLinks.End(markdown.Length);
        urls.End(markdown.Length);
        paragraphs.End();
        return links.Cost + titledLinks.Cost + urls.Cost + paragraphs.Cost;
    }

    /// <summary>Whether a "]:" follows the "[" at <paramref name="start"/> on its line, within a label's 999 characters.</summary>
    private static bool StartsDefinition(string text, int start)
    {
        var end = Math.Min(text.Length, start + 1001);
        var line = text.AsSpan(start, end - start);
        var lineEnd = line.IndexOf('\n');
        return (lineEnd < 0 ? line : line[..lineEnd]).Contains("]:", StringComparison.Ordinal);
    }

    /// <summary>The longest destination looked through for a title; past it, one is assumed (this scan stays linear).</summary>
    private const int MaxDestinationLookahead = 2048;

    /// <summary>Whether the link destination at <paramref name="start"/> is followed by a title in parentheses: <c>](b (x</c>.</summary>
    private static bool HasParenthesizedTitle(string text, int start)
    {
        var i = start;
        for (var depth = 0; i < text.Length && text[i] is not (' ' or '\t' or '\n' or '\r'); i++)
        {
            if (i - start > MaxDestinationLookahead)
            {
                return true;
            }
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && depth-- == 0)
            {
                return false; // the link ends here
            }
        }
        var lineEnds = 0;
        for (; i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n'; i++)
        {
            if (text[i] == '\n' && ++lineEnds > 1)
            {
                return false;
            }
        }
        return i < text.Length && text[i] == '(';
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

    private static bool At(string text, int i, string expected) =>
        i < text.Length && text.AsSpan(i).StartsWith(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bare URLs and link reference definitions of the current paragraph, and what the ended paragraphs cost.</summary>
    private struct Paragraphs
    {
        private long _urls;
        private long _definitions;

        public void AddDefinition() => _definitions++;

        public long Cost { get; private set; }

        /// <summary>A URL that is a link's destination (<c>](url</c>) or an angle autolink (<c>&lt;url&gt;</c>) is not a bare one.</summary>
        public void AddUnlessLinked(string text, int start)
        {
            var linked = start >= 1 && (text[start - 1] == '<' || (text[start - 1] == '(' && start >= 2 && text[start - 2] == ']'));
            if (!linked)
            {
                _urls++;
            }
        }

        public void End()
        {
            Cost += (_urls * _urls) + (_definitions * _definitions / 4);
            _urls = 0;
            _definitions = 0;
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
