using System.Text.RegularExpressions;

namespace ContentApi.Import;

/// <summary>
/// Hugo's built-in shortcodes that embed another site's page alone on their line: <c>youtube</c>, <c>vimeo</c>, <c>x</c>
/// and <c>tweet</c>, <c>instagram</c>, <c>gist</c>. Import writes the link to the page instead, which readers can follow
/// and a frontend can embed again, where Markdown would show the shortcode as written. Arguments that name no such page
/// (a stray quote, a slash in a user name) leave the shortcode as written.
/// </summary>
internal static partial class HugoEmbed
{
    /// <summary>The URL of what the shortcode on the trimmed line embeds, if it is one of these.</summary>
    public static string? UrlOf(string trimmedLine) => HugoShortcode.Parse(trimmedLine) is not { } shortcode ? null : shortcode.Name switch
    {
        "youtube" when Token(shortcode.Argument("id", 0)) is { } id => $"https://www.youtube.com/watch?v={id}",
        "vimeo" when Digits(shortcode.Argument("id", 0)) is { } id => $"https://vimeo.com/{id}",
        "x" or "tweet" => Post(shortcode),
        "instagram" when Token(shortcode.Argument("id", 0)) is { } id => $"https://www.instagram.com/p/{id}/",
        "gist" when Token(shortcode.Argument("user", 0)) is { } user && Token(shortcode.Argument("id", 1)) is { } id => $"https://gist.github.com/{user}/{id}",
        _ => null,
    };

    /// <summary>A post on X: <c>user</c> and <c>id</c>, or (Hugo before 0.89) its id alone.</summary>
    private static string? Post(HugoShortcode shortcode)
    {
        if (shortcode is { Named.Count: 0, Positional: [var only] })
        {
            return Digits(only) is { } onlyId ? $"https://x.com/i/status/{onlyId}" : null;
        }
        return Token(shortcode.Named.GetValueOrDefault("user")) is { } user && Digits(shortcode.Named.GetValueOrDefault("id")) is { } id
            ? $"https://x.com/{user}/status/{id}"
            : null;
    }

    private static string? Token(string? value) => value is not null && TokenPattern().IsMatch(value) ? value : null;

    private static string? Digits(string? value) => value is not null && DigitsPattern().IsMatch(value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();
}
