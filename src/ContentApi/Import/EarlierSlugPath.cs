using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// The slug an earlier URL of a post names, as Hugo's <c>aliases</c> and jekyll-redirect-from's <c>redirect_from</c>
/// list them (<c>/2019/05/old-title/</c>, <c>/blog/old-title.html</c>, <c>https://old.example.com/p/old-title</c>): its
/// last path segment, percent-decoded and without <c>.html</c> or <c>.htm</c>, or the folder of an <c>index</c> page.
/// A frontend reads a post's slug out of its URL the same way, so that URL, asked of the API, leads to the post.
/// </summary>
public static class EarlierSlugPath
{
    /// <summary>The slug, in its stored spelling; null when the path names none (a root, a segment that is no slug, such as <c>Old_Title</c>, or a number).</summary>
    public static string? SlugOf(string written)
    {
        var path = written.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            path = url.AbsolutePath;
        }
        path = path.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length == 0 ? null : WithoutPageExtension(segments[^1]);
        if (last is "index")
        {
            last = segments.Length > 1 ? segments[^2] : null;
        }
        if (last is null)
        {
            return null;
        }
        var slug = Slugs.ForLookup(Uri.UnescapeDataString(last));
        // A number is a date's or a listing page's (/2019/05/01/, /page/2/), not a post's.
        return Slugs.IsValid(slug) && !slug.All(char.IsAsciiDigit) ? slug : null;
    }

    private static string WithoutPageExtension(string segment)
    {
        foreach (var extension in (ReadOnlySpan<string>)[".html", ".htm"])
        {
            if (segment.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return segment[..^extension.Length];
            }
        }
        return segment;
    }
}
