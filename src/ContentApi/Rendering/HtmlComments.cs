using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// HTML comments in a body (<c>&lt;!-- 編輯備註：數字待查證 --&gt;</c>, Hugo's and Jekyll's <c>&lt;!--more--&gt;</c>) are notes
/// for editors, but raw HTML is disabled, so readers were shown them as text, and so were the excerpt and the search
/// index. What a body renders to leaves them out; the body keeps them as written. A <c>&lt;!--</c> with no <c>--&gt;</c>
/// after it, escaped (<c>\&lt;!--</c>) or in code is text. A comment alone on a line ends a paragraph, as an HTML
/// comment block does in CommonMark.
/// </summary>
internal static class HtmlComments
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

    /// <summary>Where the comments are, in order: from each <c>&lt;!--</c> to just after its <c>--&gt;</c>.</summary>
    public static List<(int Start, int End)> Ranges(string markdown)
    {
        var comments = new List<(int, int)>();
        if (!markdown.Contains(Open, StringComparison.Ordinal))
        {
            return comments;
        }
        var code = CodeRanges(markdown);
        for (var open = Find(markdown, Open, 0, code); open >= 0;)
        {
            var close = Find(markdown, Close, open + Open.Length, code);
            if (close < 0)
            {
                break;
            }
            comments.Add((open, close + Close.Length));
            open = Find(markdown, Open, close + Close.Length, code);
        }
        return comments;
    }

    /// <summary>Where <paramref name="value"/> next occurs from <paramref name="start"/> outside code and unescaped, or -1.</summary>
    private static int Find(string markdown, string value, int start, List<(int Start, int End)> code)
    {
        for (var at = markdown.IndexOf(value, start, StringComparison.Ordinal); at >= 0; at = markdown.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            if (!code.Exists(range => range.Start <= at && at <= range.End) && !IsEscaped(markdown, at))
            {
                return at;
            }
        }
        return -1;
    }

    private static bool IsEscaped(string markdown, int at)
    {
        var backslashes = 0;
        for (var i = at - 1; i >= 0 && markdown[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /// <summary>The source ranges (inclusive) of code spans and code blocks.</summary>
    private static List<(int Start, int End)> CodeRanges(string markdown)
    {
        var document = ArticleMarkdown.ParseWithinDepth(markdown, ArticleMarkdown.PipelineWithSourceLocation);
        var ranges = new List<(int, int)>();
        foreach (var node in document.Descendants())
        {
            if (node is CodeBlock or CodeInline)
            {
                ranges.Add((node.Span.Start, node.Span.End));
            }
        }
        return ranges;
    }
}
