using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// The highlight tags older Jekyll and Hugo posts mark code with, each alone on its line:
/// <c>{% highlight ruby %}</c> … <c>{% endhighlight %}</c> and <c>{{&lt; highlight go &gt;}}</c> … <c>{{&lt; /highlight &gt;}}</c>.
/// Markdown would read the code between them as text (its <c>*</c> as emphasis, an image in it as an image) and show
/// the tags, so each pair becomes the fenced code block it stands for, line for line, before the body is read. Tags
/// inside a fence or indented as code (a post about Jekyll), unclosed, or inside a line stay as written.
/// </summary>
internal static partial class HighlightBlocks
{
    public static string AsFences(string body)
    {
        if (!body.Contains("highlight", StringComparison.Ordinal))
        {
            return body;
        }
        var lines = new TextLines(body);
        var blocks = new List<(int Opening, int Closing, string Language)>();
        string? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Trimmed(i);
            if (fence is not null)
            {
                fence = line.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }
            if (Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Value;
                continue;
            }
            if (Indentation(lines.Content(i)) < 4 && Opening(line) is var (language, closes) && ClosingAfter(lines, i, closes) is { } closing)
            {
                blocks.Add((i, closing, language));
                i = closing;
            }
        }
        if (blocks.Count == 0)
        {
            return body;
        }
        var result = new StringBuilder(body.Length + (blocks.Count * 8));
        var position = 0;
        foreach (var (openingLine, closingLine, language) in blocks)
        {
            var marker = new string('`', Math.Max(3, LongestBacktickRun(lines, openingLine + 1, closingLine) + 1));
            position = Replace(result, body, lines, openingLine, marker + language, position);
            position = Replace(result, body, lines, closingLine, marker, position);
        }
        return result.Append(body, position, body.Length - position).ToString();
    }

    /// <summary>The language and the closing tag's pattern when the trimmed line is an opening tag.</summary>
    private static (string Language, Regex Closing)? Opening(string line) =>
        JekyllOpening().Match(line) is { Success: true } jekyll ? (jekyll.Groups["language"].Value, JekyllClosing())
        : HugoOpening().Match(line) is { Success: true } hugo ? (hugo.Groups["language"].Value, HugoClosing())
        : null;

    /// <summary>Columns of leading white space, a tab as four: a tag indented four or more may be indented code, as written.</summary>
    private static int Indentation(ReadOnlySpan<char> line)
    {
        var columns = 0;
        foreach (var character in line)
        {
            if (character is not (' ' or '\t'))
            {
                break;
            }
            columns += character == '\t' ? 4 : 1;
        }
        return columns;
    }

    private static int? ClosingAfter(TextLines lines, int opening, Regex closing)
    {
        for (var i = opening + 1; i < lines.Count; i++)
        {
            if (closing.IsMatch(lines.Trimmed(i)))
            {
                return i;
            }
        }
        return null;
    }

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

    /// <summary>Copies the body up to the line's tag, writes <paramref name="replacement"/> for it, and returns where the rest starts.</summary>
    private static int Replace(StringBuilder result, string body, TextLines lines, int line, string replacement, int position)
    {
        var (tagStart, tagLength) = lines.TrimmedSpan(line);
        result.Append(body, position, tagStart - position).Append(replacement);
        return tagStart + tagLength;
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\{%-?\s*highlight\s+(?<language>[\w+#.-]+)(?:\s+[^%]*?)?\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllOpening();

    [GeneratedRegex(@"^\{%-?\s*endhighlight\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllClosing();

    [GeneratedRegex(@"^\{\{([<%])\s*highlight\s+""?(?<language>[\w+#.-]+)""?(?:\s+.*?)?\s*[>%]\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex HugoOpening();

    [GeneratedRegex(@"^\{\{[<%]\s*/\s*highlight\s*[>%]\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex HugoClosing();
}
