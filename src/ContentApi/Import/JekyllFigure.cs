using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// The figure include of Minimal Mistakes, the most used Jekyll theme, alone on its line:
/// <c>{% include figure image_path="…" alt="…" caption="…" %}</c> (also <c>figure.html</c>): a picture with its caption,
/// which import makes the Markdown image it is, as it does Hugo's figure shortcode (<see cref="HugoFigure"/>).
/// </summary>
internal static partial class JekyllFigure
{
    /// <summary>The figure's fields, when the line is one figure include with an <c>image_path</c>.</summary>
    public static (string Src, string Alt, string? Caption, string? Credit)? Read(string trimmedLine)
    {
        if (Include().Match(trimmedLine) is not { Success: true } include)
        {
            return null;
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match parameter in Parameter().Matches(include.Groups["parameters"].Value))
        {
            parameters.TryAdd(parameter.Groups["name"].Value, parameter.Groups["value"].Value is ['"' or '\'', .. var inner, '"' or '\''] ? inner : parameter.Groups["value"].Value);
        }
        if (!parameters.TryGetValue("image_path", out var src) || string.IsNullOrWhiteSpace(src))
        {
            return null;
        }
        var caption = parameters.GetValueOrDefault("caption");
        return (src, parameters.GetValueOrDefault("alt") ?? "", string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(), null);
    }

    [GeneratedRegex(@"^\{%-?\s*include\s+figure(?:\.html)?\s+(?<parameters>.*?)\s*-?%\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Include();

    [GeneratedRegex("""(?<name>[\w-]+)\s*=\s*(?<value>"[^"]*"|'[^']*'|[^\s"']+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
