using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// One Hugo shortcode alone on its line, <c>{{&lt; name arg … &gt;}}</c> or <c>{{% … %}}</c>: its name, its positional
/// arguments and its named ones (<c>key="value"</c>), each a Go string as Hugo reads it.
/// </summary>
internal sealed partial record HugoShortcode(string Name, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named)
{
    /// <summary>The shortcode the trimmed line is, if it is one whole.</summary>
    public static HugoShortcode? Parse(string trimmedLine)
    {
        if (Whole().Match(trimmedLine) is not { Success: true } shortcode)
        {
            return null;
        }
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match argument in Argument().Matches(shortcode.Groups["arguments"].Value))
        {
            var value = Unquote(argument.Groups["value"].Value);
            if (argument.Groups["name"].Success)
            {
                named.TryAdd(argument.Groups["name"].Value, value);
            }
            else
            {
                positional.Add(value);
            }
        }
        return new HugoShortcode(shortcode.Groups["name"].Value, positional, named);
    }

    /// <summary>The named argument, else the positional one at <paramref name="position"/>, as Hugo's built-in shortcodes take either.</summary>
    public string? Argument(string name, int position) =>
        Named.TryGetValue(name, out var value) ? value : position < Positional.Count && Named.Count == 0 ? Positional[position] : null;

    /// <summary>A Go string as Hugo reads a shortcode's argument: "…" with backslash escapes, or `…` raw.</summary>
    private static string Unquote(string value) => value switch
    {
        ['"', .. var inner, '"'] => Unescape(inner),
        ['`', .. var raw, '`'] => raw,
        _ => value,
    };

    /// <summary>Go's common escapes (\" \\ \n \t \r \uXXXX); any other backslash stays as written.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            var next = text[i + 1];
            if (next == 'u' && i + 5 < text.Length && int.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                result.Append((char)code);
                i += 5;
                continue;
            }
            result.Append(next switch { 'n' => "\n", 't' => "\t", 'r' => "\r", '"' or '\\' => next.ToString(), _ => "\\" + next });
            i++;
        }
        return result.ToString();
    }

    // Without backtracking: the lazy arguments and the spaces around the closing mark split a long run of spaces every way there is.
    [GeneratedRegex(@"^\{\{([<%])\s*(?<name>[A-Za-z][\w-]*)(?:\s+(?<arguments>.*?))?\s*/?\s*[>%]\}\}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Whole();

    [GeneratedRegex("""(?:(?<name>[A-Za-z]+)\s*=\s*)?(?<value>"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Argument();
}
