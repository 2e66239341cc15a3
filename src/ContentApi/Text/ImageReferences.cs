using System.Globalization;

namespace ContentApi.Text;

/// <summary>
/// How an article body points at a stored image: <c>![alt](image:42)</c>. Before the images exist, importers and
/// the seeder write <c>image:{0}</c>, <c>image:{1}</c>, ... (indexes into the article's own image list).
/// </summary>
public static class ImageReferences
{
    public const string Scheme = "image:";

    public static string For(long imageId) => Scheme + imageId.ToString(CultureInfo.InvariantCulture);

    public static string Placeholder(int index) => Scheme + "{" + index.ToString(CultureInfo.InvariantCulture) + "}";

    /// <summary>Whether a body's image URL is a reference to a stored image (well formed or not: <c>IMAGE:0</c> too).</summary>
    public static bool IsReference(string url) => url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The id in <c>image:42</c> (<c>IMAGE:42</c> too: a URI scheme has no case, RFC 3986 §3.1), or null for any other URL.</summary>
    public static long? ParseId(string? url)
    {
        if (url is null || !IsReference(url))
        {
            return null;
        }
        return long.TryParse(url.AsSpan(Scheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
    }
}
