using System.Net;
using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// A picture a WordPress post placed as HTML, as wordpress-export-to-markdown leaves it, alone on its line: an
/// <c>&lt;img&gt;</c> (perhaps in a link to the full-size file), or one in WordPress's <c>[caption]</c> shortcode with
/// its caption after it. Import makes it the Markdown image it is, as it does Hugo's figure (<see cref="HugoFigure"/>);
/// only its source and alt text are read, the rest of its attributes (sizes, classes) are the old theme's.
/// </summary>
internal static partial class WordPressImage
{
    public static (string Src, string Alt, string? Caption, string? Credit)? Read(string trimmedLine)
    {
        if (Figure().Match(trimmedLine) is not { Success: true } figure)
        {
            return null;
        }
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(figure.Groups["attributes"].Value))
        {
            attributes.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(attribute.Groups["value"].Value[1..^1]));
        }
        if (!attributes.TryGetValue("src", out var src) || string.IsNullOrWhiteSpace(src))
        {
            return null;
        }
        var caption = figure.Groups["caption"].Success ? WebUtility.HtmlDecode(figure.Groups["caption"].Value).Trim() : "";
        return (src.Trim(), attributes.GetValueOrDefault("alt") ?? "", caption.Length > 0 ? caption : null, null);
    }

    [GeneratedRegex("""^(?<shortcode>\[caption\b[^\]]*\]\s*)?(<a\s[^<>]*>\s*)?<img(?<attributes>(\s+[A-Za-z-]+(\s*=\s*("[^"]*"|'[^']*'))?)*)\s*/?>(\s*</a>)?(?(shortcode)\s*(?<caption>[^\[<>]*)\[/caption\])$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    [GeneratedRegex("""(?<name>[A-Za-z-]+)\s*=\s*(?<value>"[^"]*"|'[^']*')""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
