namespace ContentApi.Rendering;

/// <summary>
/// A bound, computed before parsing, on the work Markdig spends looking for where links end. From every link
/// destination (<c>](</c>) it scans ahead to the end of the line at most, and from every bare URL the autolink extension
/// picks up (<c>://</c>, <c>www.</c>, <c>mailto:</c>, <c>tel:</c>) past line ends to the next space, when nothing ends
/// it sooner (an unclosed parenthesis). n such openers in a row therefore cost up to n times the row's length: 16,000
/// <c>[a](b</c> on one line took seconds to parse, a 500,000-character body of them minutes, at every write and every
/// rendering. Bare URLs also cost the square of how many one paragraph holds, however short they are: 20,000
/// <c>www.a.example</c> separated by spaces took 2 s to parse (10,000: 0.5 s), and as many paragraphs of one each,
/// 0.1 s. Written as links (<c>[text](url)</c>) they cost nothing of the kind.
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
    /// The characters from each link destination to the end of its line, and from each bare URL to the next space or
    /// blank line, summed; plus, for each run of lines between blank lines, the square of the bare URLs in it (one
    /// unit is about the cost of a character scanned).
    /// </summary>
    public static long Of(string markdown)
    {
        var links = new Openers();
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
                        paragraphs.End();
                    }
                    lineStart = i + 1;
                    lineIsBlank = true;
                    continue;
                case ' ' or '\t':
                    urls.End(i);
                    continue;
                case ']' when At(markdown, i + 1, "("):
                    links.Add(i);
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
        urls.End(markdown.Length);
        paragraphs.End();
        return links.Cost + urls.Cost + paragraphs.Cost;
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

    /// <summary>The bare URLs of the current paragraph, and what the ended paragraphs cost.</summary>
    private struct Paragraphs
    {
        private long _urls;

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
            Cost += _urls * _urls;
            _urls = 0;
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
