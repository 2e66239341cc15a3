using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace ContentApi.Rendering;

/// <summary>
/// Rendered bodies by what they are rendered from (a SHA-256 of the Markdown and of every image it may place), so an
/// article is rendered once per version, not again for every <c>format=html</c> URL that differs in another parameter,
/// nor after every write anywhere (which clears the response cache). Bounded by the characters of HTML it holds.
/// </summary>
internal sealed class RenderedArticleCache(long maxCharacters, Func<string, IReadOnlyDictionary<long, InlineImage>, RenderedArticle> render)
{
    public static RenderedArticleCache Shared { get; } = new(8_000_000, MarkdownRenderer.Render);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = maxCharacters });

    public RenderedArticle Render(string markdown, IReadOnlyDictionary<long, InlineImage> images)
    {
        var key = KeyOf(markdown, images);
        if (_entries.TryGetValue(key, out RenderedArticle? rendered))
        {
            return rendered!;
        }
        rendered = render(markdown, images);
        // One larger than the whole cache is simply not kept.
        _entries.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Html.Length + 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return rendered;
    }

    private static string KeyOf(string markdown, IReadOnlyDictionary<long, InlineImage> images)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(markdown.AsSpan()));
        foreach (var image in images.Values.OrderBy(i => i.Id))
        {
            // Fields are separated by NUL, which no text the API stores may hold, so no two inputs hash alike.
            hash.AppendData(Encoding.UTF8.GetBytes($"\0{image.Id}\0{image.Url}\0{image.AltText}\0{image.Caption}\0{image.Credit}\0{image.Width}\0{image.Height}"));
        }
        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
