using System.Diagnostics.CodeAnalysis;

namespace ContentApi.Rendering;

/// <summary>
/// Which link and image URLs a body may use: http, https, mailto and relative URLs. Checked before HTML is
/// written (the sanitizer checks again), so a refused link keeps its text instead of becoming an empty anchor.
/// </summary>
internal static class SafeUrls
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        // Browsers ignore tabs, newlines and other controls inside a scheme ("java\tscript:"), so must we.
        var cleaned = string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < colon)
        {
            return true;
        }
        var scheme = cleaned[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("//", StringComparison.Ordinal);
}
