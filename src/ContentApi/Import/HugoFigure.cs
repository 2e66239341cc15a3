using System.Text;

namespace ContentApi.Import;

/// <summary>
/// Hugo's built-in figure shortcode alone on its line, <c>{{&lt; figure src="…" alt="…" caption="…" attr="…" &gt;}}</c>:
/// a picture with its caption and its credit (<c>attr</c>, the attribution), which import makes the Markdown image it is,
/// where Markdown would show the shortcode as written.
/// </summary>
internal static class HugoFigure
{
    /// <summary>The figure's fields, when the line is one figure shortcode with a <c>src</c>.</summary>
    public static (string Src, string Alt, string? Caption, string? Credit)? Read(string trimmedLine)
    {
        if (HugoShortcode.Parse(trimmedLine) is not { Name: "figure", Named: var attributes } ||
            !attributes.TryGetValue("src", out var src) || string.IsNullOrWhiteSpace(src))
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
}
