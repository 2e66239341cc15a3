using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// The highlight tags older Jekyll and Hugo posts mark code with, each alone on its line:
/// <c>{% highlight ruby %}</c> … <c>{% endhighlight %}</c> and <c>{{&lt; highlight go &gt;}}</c> … <c>{{&lt; /highlight &gt;}}</c>,
/// and Hexo's code tag (<see cref="HexoCodeBlock"/>).
/// Markdown would read the code between them as text (its <c>*</c> as emphasis, an image in it as an image) and show
/// the tags, so each pair becomes the fenced code block it stands for, line for line, before the body is read. Tags
/// inside a fence or indented as code (a post about Jekyll), unclosed, or inside a line stay as written.
/// </summary>
internal static partial class HighlightBlocks
{
    public static string AsFences(string body)
    {
        if (!body.Contains("highlight", StringComparison.Ordinal) && !body.Contains("code", StringComparison.Ordinal))
        {
            return body;
        }
        var lines = new TextLines(body);
        var blocks = TagPairs.Find(lines, Opening);
        if (blocks.Count == 0)
        {
            return body;
        }
        var result = new StringBuilder(body.Length + (blocks.Count * 8));
        var position = 0;
        foreach (var (openingLine, closingLine, info) in blocks)
        {
            var marker = new string('`', Math.Max(3, LongestBacktickRun(lines, openingLine + 1, closingLine) + 1));
            position = TagPairs.ReplaceTag(result, body, lines, openingLine, marker + info, position);
            position = TagPairs.ReplaceTag(result, body, lines, closingLine, marker, position);
        }
        return result.Append(body, position, body.Length - position).ToString();
    }

    /// <summary>The fence's info string and the closing tag's pattern when the trimmed line is an opening tag.</summary>
    private static (string Info, Regex Closing)? Opening(string line) =>
        JekyllOpening().Match(line) is { Success: true } jekyll ? (jekyll.Groups["language"].Value, JekyllClosing())
        : HugoOpening().Match(line) is { Success: true } hugo ? (hugo.Groups["language"].Value, HugoClosing())
        : HexoCodeBlock.Opening(line);

    private static int LongestBacktickRun(TextLines lines, int first, int end)
    {
        var longest = 0;
        for (var i = first; i < end; i++)
        {
            var line = lines.Content(i).TrimStart();
            var run = 0;
            while (run < line.Length && line[run] == '`')
            {
                run++;
            }
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    // Without backtracking (both openings): the lazy arguments and the spaces after them split a long run of spaces every way there is.
    [GeneratedRegex(@"^\{%-?\s*highlight\s+(?<language>[\w+#.-]+)(?:\s+[^%]*?)?\s*-?%\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex JekyllOpening();

    [GeneratedRegex(@"^\{%-?\s*endhighlight\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllClosing();

    [GeneratedRegex(@"^\{\{([<%])\s*highlight\s+""?(?<language>[\w+#.-]+)""?(?:\s+.*?)?\s*[>%]\}\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HugoOpening();

    [GeneratedRegex(@"^\{\{[<%]\s*/\s*highlight\s*[>%]\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex HugoClosing();
}
