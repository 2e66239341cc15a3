using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ContentApi.Rendering;

/// <summary>
/// Rendered bodies by what they are rendered from (a SHA-256 of the article's id, its Markdown and every image it may place), so an
/// article is rendered once per version, not again for every <c>format=html</c> or <c>format=text</c> URL that differs
/// in another parameter, nor after every write anywhere (which clears the response cache). Bounded by the characters of
/// HTML and text it holds, the least recently used making room.
/// </summary>
/// <param name="heavyTurns">Turns a long body renders in, if any.</param>
internal sealed class RenderedArticleCache(long maxCharacters, Func<long, string, IReadOnlyDictionary<long, InlineImage>, string?, RenderedArticle> render, Func<string, string> toPlainText,
    HeavyMarkdownTurns? heavyTurns = null)
{
    public static RenderedArticleCache Shared { get; } = new(8_000_000, MarkdownRenderer.Render, MarkdownRenderer.ToPlainText, HeavyMarkdownTurns.Shared);

    private readonly LeastRecentlyUsed<RenderedArticle> _renderings = new(maxCharacters);
    private readonly LeastRecentlyUsed<string> _plainTexts = new(maxCharacters / 4);

    /// <summary>The body rendered, from the cache if held; <paramref name="rendering"/> is told when this caller renders it.</summary>
    /// <param name="language">The article's language (<see cref="MarkdownRenderer.Render"/>).</param>
    public RenderedArticle Render(long articleId, string markdown, IReadOnlyDictionary<long, InlineImage> images, Action? rendering = null, string? language = null) =>
        _renderings.GetOrAdd(KeyOf(articleId, markdown, images, Text.RightToLeftLanguages.IsRightToLeft(language)), () =>
        {
            rendering?.Invoke();
            using var turn = heavyTurns?.Take(markdown) ?? default;
            return render(articleId, markdown, images, language);
        }, rendered => rendered.Html.Length + 1);

    /// <summary>The body as plain text (<see cref="MarkdownRenderer.ToPlainText"/>), which places no image.</summary>
    public string PlainText(string markdown, Action? rendering = null) =>
        _plainTexts.GetOrAdd(KeyOf(NoArticle, markdown, EmptyImages), () =>
        {
            rendering?.Invoke();
            using var turn = heavyTurns?.Take(markdown) ?? default;
            return toPlainText(markdown);
        }, text => text.Length + 1);

    /// <summary>Whether the HTML of article <paramref name="articleId"/>'s <paramref name="markdown"/> (placing no image) is kept, and its plain text.</summary>
    internal (bool Html, bool PlainText) Holds(long articleId, string markdown) =>
        (_renderings.TryGet(KeyOf(articleId, markdown, EmptyImages), out _), _plainTexts.TryGet(KeyOf(NoArticle, markdown, EmptyImages), out _));

    /// <summary>The plain text names no element, so it is the same for every article with the body.</summary>
    private const long NoArticle = 0;

    private static readonly Dictionary<long, InlineImage> EmptyImages = [];

    /// <param name="rightToLeftArticle">All the article's language changes in its HTML (<see cref="RightToLeftBlocks"/>).</param>
    private static string KeyOf(long articleId, string markdown, IReadOnlyDictionary<long, InlineImage> images, bool rightToLeftArticle = false)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(articleId));
        hash.AppendData(BitConverter.GetBytes(rightToLeftArticle));
        hash.AppendData(MemoryMarshal.AsBytes(markdown.AsSpan()));
        foreach (var image in images.Values.OrderBy(i => i.Id))
        {
            // Fields are separated by NUL, which no text the API stores may hold, so no two inputs hash alike.
            hash.AppendData(Encoding.UTF8.GetBytes($"\0{image.Id}\0{image.Url}\0{image.AltText}\0{image.Caption}\0{image.Credit}\0{image.Width}\0{image.Height}"));
        }
        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
