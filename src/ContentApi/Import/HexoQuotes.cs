using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hexo's (and Octopress's) quote tag, each alone on its line: <c>{% blockquote [author[, source]] [link] [link title] %}</c>
/// … <c>{% endblockquote %}</c> (also <c>{% quote %}</c> … <c>{% endquote %}</c>). Readers saw the tags and the quoted
/// text as a paragraph of the article's own; each pair becomes the Markdown quote it stands for, its lines marked
/// <c>&gt;</c>, and what Hexo printed under it as the quote's last paragraph: <c>— author, *source*</c>, or
/// <c>— author, [link title](link)</c>. The body keeps its number of lines: with an attribution the quoted lines move
/// up onto the opening tag's, to leave a line between them and it.
/// </summary>
internal static partial class HexoQuotes
{
    public static string AsQuotes(string body)
    {
        if (!body.Contains("quote", StringComparison.Ordinal))
        {
            return body;
        }
        var lines = new TextLines(body);
        var quotes = TagPairs.Find(lines, Opening);
        if (quotes.Count == 0)
        {
            return body;
        }
        var result = new StringBuilder(body.Length + 64);
        var position = 0;
        foreach (var (opening, closing, attribution) in quotes)
        {
            var indentation = Indentation(lines.Content(opening));
            var quoted = Enumerable.Range(opening + 1, closing - opening - 1).Select(line => Quoted(lines.Content(line), indentation)).ToList();
            List<string> written = attribution is null
                ? [indentation + ">", .. quoted, indentation + ">"]
                : [.. quoted, indentation + ">", indentation + "> — " + attribution];
            for (var line = opening; line <= closing; line++)
            {
                result.Append(body, position, lines.Start(line) - position).Append(written[line - opening]);
                position = lines.Start(line) + lines.Content(line).Length;
            }
        }
        return result.Append(body, position, body.Length - position).ToString();
    }

    private static (string? Attribution, Regex Closing)? Opening(string line) =>
        Tag().Match(line) is { Success: true } tag
            ? (Attribution(tag.Groups["arguments"].Value.Trim()), tag.Groups["name"].Value == "quote" ? QuoteClosing() : BlockquoteClosing())
            : null;

    /// <summary>What Hexo prints under the quote, as Markdown: the author, then the source (in italics) or the link.</summary>
    private static string? Attribution(string arguments)
    {
        if (arguments.Length == 0)
        {
            return null;
        }
        var words = arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var link = Array.FindIndex(words, word => word.StartsWith("http://", StringComparison.Ordinal) || word.StartsWith("https://", StringComparison.Ordinal));
        if (link >= 0)
        {
            var author = Escaped(string.Join(' ', words[..link]));
            var title = string.Join(' ', words[(link + 1)..]);
            var source = $"[{Escaped(title.Length == 0 ? words[link] : title)}](<{words[link]}>)";
            return author.Length == 0 ? source : $"{author}, {source}";
        }
        var comma = arguments.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 || arguments[(comma + 1)..].Trim().Length == 0
            ? Escaped(arguments.TrimEnd(','))
            : $"{Escaped(arguments[..comma].Trim())}, *{Escaped(arguments[(comma + 1)..].Trim())}*";
    }

    private static string Quoted(ReadOnlySpan<char> line, string indentation)
    {
        var kept = line[Math.Min(indentation.Length, line.Length - line.TrimStart().Length)..];
        return kept.IsWhiteSpace() ? indentation + ">" : $"{indentation}> {kept}";
    }

    private static string Indentation(ReadOnlySpan<char> line) => line[..(line.Length - line.TrimStart().Length)].ToString();

    /// <summary>The author and titles are text to Hexo: Markdown's marks in them are kept as characters.</summary>
    private static string Escaped(string text) => MarkdownMark().Replace(text, @"\$0");

    // Without backtracking: the lazy arguments and the spaces after them split a long run of spaces every way there is.
    [GeneratedRegex(@"^\{%-?\s*(?<name>blockquote|quote)(?<arguments>\s+[^%]*?)?\s*-?%\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\{%-?\s*endblockquote\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockquoteClosing();

    [GeneratedRegex(@"^\{%-?\s*endquote\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteClosing();

    [GeneratedRegex(@"[\\`*_\[\]<>#|~]")]
    private static partial Regex MarkdownMark();
}
