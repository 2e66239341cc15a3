using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentApi.Rendering;

/// <summary>
/// A page a frontend embeds, named by a link that is all its paragraph holds (as the import writes Hugo's embeds,
/// <c>&lt;https://…&gt;</c>): a YouTube or Vimeo video, which gets a player we build from its parsed id
/// (<see cref="PlayerUrl"/>), or an X post, an Instagram post or a gist, whose link the provider's own script can
/// enhance. A link inside a sentence, in a list, quote, table or note, or naming no valid id, is no embed.
/// </summary>
/// <param name="Provider">youtube, vimeo, x, instagram or gist, as <c>data-embed</c>.</param>
internal sealed partial record Embed(string Provider, string? PlayerUrl, string? PlayerTitle)
{
    public const string YouTubePlayer = "https://www.youtube-nocookie.com/embed/";
    public const string VimeoPlayer = "https://player.vimeo.com/video/";

    /// <summary>The embed a paragraph of the body (not inside another block) stands for, if it is one link alone.</summary>
    public static Embed? Of(ParagraphBlock paragraph) =>
        paragraph.Parent is MarkdownDocument && AloneLinkUrl(paragraph) is { } url ? OfUrl(url) : null;

    /// <summary>Whether an iframe's src is a player <see cref="OfUrl"/> builds: exactly a prefix and an id of its pattern.</summary>
    public static bool IsPlayerUrl(string? src) =>
        src is not null && (src.StartsWith(YouTubePlayer, StringComparison.Ordinal) && YouTubeId().IsMatch(src[YouTubePlayer.Length..])
            || src.StartsWith(VimeoPlayer, StringComparison.Ordinal) && VimeoId().IsMatch(src[VimeoPlayer.Length..]));

    public static Embed? OfUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || !uri.IsDefaultPort)
        {
            return null;
        }
        var path = uri.AbsolutePath;
        return uri.Host.ToLowerInvariant() switch
        {
            "youtube.com" or "www.youtube.com" or "m.youtube.com" => YouTube(path == "/watch" ? QueryValue(uri.Query, "v") : YouTubePath().Match(path) is { Success: true } m ? m.Groups["id"].Value : null),
            "youtube-nocookie.com" or "www.youtube-nocookie.com" => YouTube(YouTubePath().Match(path) is { Success: true } m && m.Groups["kind"].Value == "embed" ? m.Groups["id"].Value : null),
            "youtu.be" => YouTube(path[1..]),
            "vimeo.com" or "www.vimeo.com" => VimeoPath().Match(path) is { Success: true } m ? new("vimeo", VimeoPlayer + m.Groups["id"].Value, "Vimeo video") : null,
            "x.com" or "www.x.com" or "mobile.x.com" or "twitter.com" or "www.twitter.com" or "mobile.twitter.com" => LinkOnly("x", XStatusPath(), path),
            "instagram.com" or "www.instagram.com" => LinkOnly("instagram", InstagramPostPath(), path),
            "gist.github.com" => LinkOnly("gist", GistPath(), path),
            _ => null,
        };
    }

    private static Embed? YouTube(string? id) => id is not null && YouTubeId().IsMatch(id) ? new("youtube", YouTubePlayer + id, "YouTube video") : null;

    private static Embed? LinkOnly(string provider, Regex path, string value) => path.IsMatch(value) ? new(provider, null, null) : null;

    private static string? QueryValue(string query, string name) =>
        query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair.Length == 2 && pair[0] == name)?[1];

    /// <summary>The URL of the one link a paragraph holds and nothing else, written as its URL: an autolink, a bare URL, or <c>[url](url)</c>.</summary>
    private static string? AloneLinkUrl(ParagraphBlock paragraph)
    {
        var content = paragraph.Inline?.Where(inline => inline is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()).Take(2).ToList();
        return content switch
        {
            [AutolinkInline { IsEmail: false } autolink] => autolink.Url,
            [LinkInline { IsImage: false } link] when link.IsAutoLink || PlainText.Of(link).Trim() == link.Url => SafeLinkRenderer.Url(link),
            _ => null,
        };
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{11}\z", RegexOptions.CultureInvariant)]
    private static partial Regex YouTubeId();

    [GeneratedRegex(@"\A/(?<kind>shorts|embed)/(?<id>[^/]*)/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex YouTubePath();

    [GeneratedRegex(@"\A[0-9]{1,12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VimeoId();

    [GeneratedRegex(@"\A/(?<id>[0-9]{1,12})/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex VimeoPath();

    [GeneratedRegex(@"\A/[A-Za-z0-9_]{1,15}/status/[0-9]{1,20}/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex XStatusPath();

    [GeneratedRegex(@"\A/(p|reel|tv)/[A-Za-z0-9_-]{1,64}/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex InstagramPostPath();

    [GeneratedRegex(@"\A/[A-Za-z0-9-]{1,39}/[0-9a-f]{1,64}/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GistPath();
}
