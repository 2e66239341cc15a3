using System.Text;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hugo's built-in figure shortcode alone on its line, <c>{{&lt; figure src="…" alt="…" caption="…" attr="…" &gt;}}</c>:
/// a picture with its caption and its credit (<c>attr</c>, the attribution), which import makes the Markdown image it is,
/// where Markdown would show the shortcode as written.
/// </summary>
internal static partial class HugoFigure
{
    /// <summary>The figure's fields, when the line is one figure shortcode with a <c>src</c>.</summary>
    public static (string Src, string Alt, string? Caption, string? Credit)? Read(string trimmedLine)
    {
        if (Shortcode().Match(trimmedLine) is not { Success: true } shortcode)
        {
            return null;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match attribute in Attribute().Matches(shortcode.Groups["attributes"].Value))
        {
            attributes.TryAdd(attribute.Groups["name"].Value, Unquote(attribute.Groups["value"].Value));
        }
        if (!attributes.TryGetValue("src", out var src) || string.IsNullOrWhiteSpace(src))
        {
            return null;
        }
        return (src, attributes.GetValueOrDefault("alt") ?? "", NonBlank(attributes.GetValueOrDefault("caption")), NonBlank(attributes.GetValueOrDefault("attr")));
    }

    /// <summary>The Markdown image that stands where the shortcode was, up to its destination: <c>![alt](</c>.</summary>
    public static string ImageOpening(string alt)
    {
        var escaped = new StringBuilder("![");
        foreach (var character in alt)
        {
            escaped.Append(character is '\\' or '[' or ']' ? "\\" : "").Append(character);
        }
        return escaped.Append("](").ToString();
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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

    [GeneratedRegex(@"^\{\{([<%])\s*figure\s+(?<attributes>.*?)\s*/?\s*[>%]\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();

    [GeneratedRegex("""(?<name>[A-Za-z]+)\s*=\s*(?<value>"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
