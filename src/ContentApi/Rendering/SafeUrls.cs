using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Rendering;

/// <summary>
/// Which link and image URLs a body may use: http, https, mailto, tel and relative URLs, without a user name before the
/// host or a Punycode label in it that does not decode. Checked before HTML is
/// written (the sanitizer checks again), so a refused link keeps its text instead of becoming an empty anchor.
/// </summary>
internal static class SafeUrls
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>What an image may load from: the web, or a relative URL (not mailto: or tel:, which only links use).</summary>
    private static readonly string[] ImageSchemes = ["http", "https"];

    public static bool IsAllowed([NotNullWhen(true)] string? url) => HasScheme(url, AllowedSchemes);

    public static bool IsAllowedImage([NotNullWhen(true)] string? url) => HasScheme(url, ImageSchemes);

    private static bool HasScheme([NotNullWhen(true)] string? url, string[] schemes)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var cleaned = AsBrowsersReadIt(url);
        // As the API's URL fields refuse it, a link or image naming a user before its host keeps its text only.
        if (Text.TextRules.NamesUser(cleaned))
        {
            return false;
        }
        // So does one whose host has a Punycode label browsers cannot decode ("https://xn--/"): it names nothing.
        if ((Text.TextRules.StartsAsHttpUrl(cleaned) || cleaned.StartsWith("//", StringComparison.Ordinal)) && !Text.TextRules.HostDecodes(cleaned))
        {
            return false;
        }
        return IsRelativeAsRead(cleaned) || schemes.Contains(cleaned[..cleaned.IndexOf(':', StringComparison.Ordinal)], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a URL has no scheme: no colon, or a '/', '?' or '#' before its first one, as in "?q=a:b" or "x?y:z"
    /// (RFC 3986 §4.2: a scheme's characters do not include them, so a browser reads it relative to the page).
    /// </summary>
    public static bool IsRelative(string url) => IsRelativeAsRead(AsBrowsersReadIt(url));

    private static bool IsRelativeAsRead(string cleaned)
    {
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (pathStart >= 0 && pathStart < colon);
    }

    /// <summary>
    /// Whether a link leaves the site: an http or https URL, however it goes on ("https:evil.example/x" and
    /// "http:/evil.example" are off-site links to a browser on a page of the other scheme), or one starting with two
    /// slashes (Markdig writes a backslash as %5C, so "/\\evil.example" does not become one).
    /// </summary>
    public static bool IsExternal(string url)
    {
        var cleaned = AsBrowsersReadIt(url);
        return cleaned.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ||
            cleaned.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ||
            cleaned.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>Browsers ignore tabs, newlines and other controls inside a scheme ("java\tscript:"), so must we.</summary>
    private static string AsBrowsersReadIt(string url) => string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
}
