using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hexo's (and Octopress's) code tag, <c>{% codeblock [title] [lang:language] [url] [link text] [options] %}</c> …
/// <c>{% endcodeblock %}</c> (also <c>{% code %}</c> … <c>{% endcode %}</c>): the fenced code block's info string it
/// stands for. Its language, then the title as <c>title="…"</c>, as Docusaurus and Astro's code blocks write one
/// (Markdown's renderers read the first word as the language and keep the rest); a title without a language is
/// given <c>text</c>, so that its first word is not taken for one. Hexo's display options (line numbers, marked lines,
/// wrapping) and the link beside the title are the old theme's, and go.
/// </summary>
internal static partial class HexoCodeBlock
{
    public static (string Info, Regex Closing)? Opening(string line)
    {
        if (Tag().Match(line) is not { Success: true } tag)
        {
            return null;
        }
        string? language = null;
        var title = new List<string>();
        foreach (var word in tag.Groups["arguments"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("lang:", StringComparison.Ordinal))
            {
                // A backtick fence's info string holds no backtick: with one, the fence is text and the code is read as Markdown.
                language = word["lang:".Length..].Replace("`", "", StringComparison.Ordinal);
            }
            else if (word.StartsWith("http://", StringComparison.Ordinal) || word.StartsWith("https://", StringComparison.Ordinal))
            {
                break;
            }
            else if (!DisplayOption().IsMatch(word))
            {
                title.Add(word);
            }
        }
        var titleText = string.Join(' ', title).Replace("`", "", StringComparison.Ordinal).Replace('"', '\'');
        var info = titleText.Length == 0 ? language ?? "" : $"{(string.IsNullOrEmpty(language) ? "text" : language)} title=\"{titleText}\"";
        return (info, tag.Groups["name"].Value == "code" ? CodeClosing() : CodeblockClosing());
    }

    // Without backtracking: the lazy arguments and the spaces after them split a long run of spaces every way there is.
    [GeneratedRegex(@"^\{%-?\s*(?<name>codeblock|code)(?<arguments>\s+[^%]*?)?\s*-?%\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\{%-?\s*endcodeblock\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeblockClosing();

    [GeneratedRegex(@"^\{%-?\s*endcode\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeClosing();

    [GeneratedRegex(@"^(line_number|line_threshold|highlight|first_line|mark|wrap):", RegexOptions.CultureInvariant)]
    private static partial Regex DisplayOption();
}
