using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hexo's built-in tags that embed a video alone on their line, <c>{% youtube ID [type] [cookie] %}</c> and
/// <c>{% vimeo ID %}</c>: import writes the link to the video instead, as it does for Hugo's (<see cref="HugoEmbed"/>).
/// </summary>
internal static partial class HexoEmbed
{
    public static string? UrlOf(string trimmedLine) => HexoTag.Parse(trimmedLine) switch
    {
        { Name: "youtube", Arguments: [var id, ..] } when Token().IsMatch(id) => $"https://www.youtube.com/watch?v={id}",
        { Name: "vimeo", Arguments: [var id] } when Digits().IsMatch(id) => $"https://vimeo.com/{id}",
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
