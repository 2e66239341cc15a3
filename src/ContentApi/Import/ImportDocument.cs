using System.Text;
using ContentApi.Text;

namespace ContentApi.Import;

/// <summary>
/// An article read from a Markdown file. The body is kept as written except for the lines the parser consumed
/// (title, byline, image captions and credits) and the image URLs, which become placeholders until the caller
/// has created the images and calls <see cref="BodyWith"/>.
/// </summary>
public sealed class ImportDocument
{
    // The body split around image URLs: always one more part than images, image i sits between parts i and i + 1.
    private readonly IReadOnlyList<string> _bodyParts;

    internal ImportDocument(IReadOnlyList<string> bodyParts, IReadOnlyList<ImportImage> images)
    {
        if (bodyParts.Count != images.Count + 1)
        {
            throw new ArgumentException("A body needs one more part than it has images.", nameof(bodyParts));
        }
        _bodyParts = bodyParts;
        Images = images;
    }

    public required string Title { get; init; }
    public string? Slug { get; init; }
    public string? Subtitle { get; init; }
    public string? Excerpt { get; init; }
    public string? Language { get; init; }

    /// <summary><c>draft</c>, <c>published</c>, or null when the file does not say.</summary>
    public string? Status { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
    public IReadOnlyList<NamedRef> Authors { get; init; } = [];
    public IReadOnlyList<NamedRef> Tags { get; init; } = [];
    public CoverImageRef? CoverImage { get; init; }
    /// <summary>The file line of the cover in the front matter, for problems with its image.</summary>
    public int CoverLine { get; init; } = 1;
    public string? CanonicalUrl { get; init; }
    /// <summary>Slugs the article had on the site it comes from (<see cref="FrontMatterFields.EarlierSlugs"/>), which lead to it once imported.</summary>
    public IReadOnlyList<EarlierSlug> EarlierSlugs { get; init; } = [];

    /// <summary>
    /// The article's stored images, in order (front matter's <c>imageIds</c>, as an export writes it), to which the
    /// importer adds the images the body places that it leaves out. Null when the file does not say: the body's images
    /// are the article's.
    /// </summary>
    public IReadOnlyList<long>? ListedImageIds { get; init; }
    /// <summary>The file line of each front-matter key (<c>authors</c> for Hugo's <c>author</c>; <c>publishedAt</c> for its <c>date</c>).</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<ImportImage> Images { get; }

    /// <summary>
    /// The body would take Markdig seconds to parse (<see cref="Rendering.MarkdownScanCost"/>): it was taken whole, with
    /// no image, caption or byline read from it, and is imported only as the body its article has stored already.
    /// </summary>
    public bool BodyUnscanned { get; init; }

    /// <summary>The body with <c>image:{0}</c>, <c>image:{1}</c>, ... where the image URLs were.</summary>
    public string BodyTemplate => Build(i => ImageReferences.Placeholder(i));

    /// <summary>The body with each image pointing at its stored image: <c>![alt](image:ID)</c>; a stored image's reference stays as written.</summary>
    public string BodyWith(IReadOnlyList<long> imageIds)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        if (imageIds.Count != Images.Count)
        {
            throw new ArgumentException($"Expected {Images.Count} image ids, got {imageIds.Count}.", nameof(imageIds));
        }
        return Build(i => Images[i] is { ExistingImageId: { } id, WrittenDestination: { } written } && id == imageIds[i] ? written : ImageReferences.For(imageIds[i]));
    }

    private string Build(Func<int, string> imageUrl)
    {
        var builder = new StringBuilder(_bodyParts.Sum(p => p.Length) + (Images.Count * 16));
        builder.Append(_bodyParts[0]);
        for (var i = 0; i < Images.Count; i++)
        {
            builder.Append(imageUrl(i)).Append(_bodyParts[i + 1]);
        }
        return builder.ToString();
    }
}
