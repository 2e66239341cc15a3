using System.Text;
using ContentApi.Text;

namespace ContentApi.Seeding;

/// <summary>
/// A generated article. Authors and tags are indexes into <see cref="SeedContentGenerator.Authors"/> and
/// <see cref="SeedContentGenerator.Tags"/>; the body points at <see cref="Images"/> as <c>![alt](image:{n})</c>,
/// so the caller creates the images first and then calls <see cref="BodyWith"/>.
/// </summary>
/// <param name="Number">The article's position in the generated sequence, from 0.</param>
/// <param name="Slug">Unique within one generator's output (it ends with <paramref name="Number"/>).</param>
/// <param name="Language"><c>zh-Hant</c>, <c>zh-Hans</c> or <c>en</c>.</param>
/// <param name="Status"><c>published</c>, or <c>draft</c> with a null <paramref name="PublishedAt"/>.</param>
/// <param name="CoverImageIndex">Which of <see cref="Images"/> is the cover, if any.</param>
public sealed record SeedArticle(
    int Number,
    string Title,
    string Slug,
    string? Subtitle,
    string? Excerpt,
    string Body,
    string Language,
    string Status,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<int> AuthorIndexes,
    IReadOnlyList<int> TagIndexes,
    IReadOnlyList<SeedImage> Images,
    int? CoverImageIndex)
{
    /// <summary>The body with <c>image:{n}</c> replaced by <c>image:ID</c> of the n-th created image.</summary>
    public string BodyWith(IReadOnlyList<long> imageIds)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        if (imageIds.Count != Images.Count)
        {
            throw new ArgumentException($"Expected {Images.Count} image ids, got {imageIds.Count}.", nameof(imageIds));
        }
        var body = new StringBuilder(Body, Body.Length + (Images.Count * 8));
        for (var i = 0; i < imageIds.Count; i++)
        {
            // Generated text never holds braces, so the placeholder cannot occur by accident.
            body.Replace(ImageReferences.Placeholder(i), ImageReferences.For(imageIds[i]));
        }
        return body.ToString();
    }
}
