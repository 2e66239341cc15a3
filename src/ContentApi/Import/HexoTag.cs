using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// A tag plugin of Hexo (and of Octopress before it) alone on its line, <c>{% name arg arg %}</c>: its name and its
/// arguments, parted at spaces, a quoted one (<c>"…"</c> or <c>'…'</c>) kept whole without its quotes.
/// </summary>
internal sealed partial record HexoTag(string Name, IReadOnlyList<string> Arguments)
{
    public static HexoTag? Parse(string trimmedLine)
    {
        if (Tag().Match(trimmedLine) is not { Success: true } tag)
        {
            return null;
        }
        var arguments = Argument().Matches(tag.Groups["arguments"].Value)
            .Select(argument => argument.Value is ['"' or '\'', .. var inner, '"' or '\''] && argument.Value[0] == argument.Value[^1] ? inner : argument.Value)
            .ToList();
        return new HexoTag(tag.Groups["name"].Value, arguments);
    }

    // Without backtracking: the lazy arguments and the spaces after them split a long run of spaces every way there is.
    [GeneratedRegex(@"^\{%-?\s*(?<name>\w+)(?<arguments>(\s+[^%]*?)?)\s*-?%\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex("""'[^']*'|"[^"]*"|\S+""", RegexOptions.CultureInvariant)]
    private static partial Regex Argument();
}
