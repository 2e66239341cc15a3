using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// Where the imported folder is served (<c>import --image-base-url</c>), so that the images a static site names by a
/// path become images: one relative to its site (<c>/images/chart.png</c>) or to its file (a Hugo page bundle's
/// <c>chart.png</c> beside <c>index.md</c>) is resolved as a browser resolves it on the file's page, the file's folder
/// under the imported folder standing for the page's path under the URL. Links stay as written.
/// </summary>
public sealed class ImageBaseUrl
{
    private readonly Uri _root;
    private readonly string _importedFolder;

    private ImageBaseUrl(Uri root, string importedFolder)
    {
        _root = root;
        _importedFolder = importedFolder;
    }

    /// <summary>
    /// Why <paramref name="url"/> cannot be the base: null when it is an http(s) URL an image may have
    /// (<see cref="TextRules.IsHttpUrl"/>), without query or fragment; what the API says of its host when only that is wrong.
    /// </summary>
    public static string? ProblemWith(string url) =>
        TextRules.HostRefusal(url) is { } host ? $"--image-base-url '{url}' names no host browsers open. {host}"
        : TextRules.IsHttpUrl(url) && Uri.TryCreate(url, UriKind.Absolute, out var root) && root.Query.Length == 0 && root.Fragment.Length == 0
            ? null
            : $"--image-base-url '{url}' is no absolute http(s) URL of a folder (no query or fragment).";

    /// <summary>The base for files under <paramref name="importedFolder"/>; <paramref name="url"/> has no <see cref="ProblemWith"/>.</summary>
    public static ImageBaseUrl Create(string url, string importedFolder)
    {
        if (ProblemWith(url) is { } problem)
        {
            throw new ArgumentException(problem, nameof(url));
        }
        var root = new Uri(url, UriKind.Absolute);
        // A folder: "https://example.com/blog" serves the imported folder at /blog/, not at /.
        return new ImageBaseUrl(root.AbsolutePath.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/"), Path.GetFullPath(importedFolder));
    }

    /// <summary>The URL of the page <paramref name="file"/> is, as a folder: where its relative images are.</summary>
    public Uri PageOf(string file)
    {
        var folder = Path.GetRelativePath(_importedFolder, Path.GetDirectoryName(Path.GetFullPath(file)) ?? _importedFolder);
        if (folder == "." || folder == ".." || folder.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(folder))
        {
            return _root;
        }
        var segments = folder.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString);
        return new Uri(_root, string.Join('/', segments) + "/");
    }

    /// <summary>
    /// <paramref name="url"/> resolved on <paramref name="page"/> when it is a path (or starts with "//"); as written when
    /// it has a scheme (an http(s) URL, <c>image:ID</c>, <c>data:</c>), is empty, or resolves to no http(s) URL.
    /// </summary>
    public static string Resolve(Uri? page, string url)
    {
        if (page is null || string.IsNullOrWhiteSpace(url) || HasScheme(url) || !Uri.TryCreate(page, url, out var resolved) || resolved.Scheme is not ("http" or "https"))
        {
            return url;
        }
        return resolved.AbsoluteUri;
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }
}
