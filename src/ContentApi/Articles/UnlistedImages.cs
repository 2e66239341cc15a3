using ContentApi.Text;

namespace ContentApi.Articles;

/// <summary>
/// A body places only its article's own images: those in imageIds and the cover. Any other renders as nothing, and is
/// not held against the image's deletion. Writes and import apply it alike.
/// </summary>
public static class UnlistedImages
{
    /// <summary>The images the body places (<see cref="ArticleTextStats.PlacedImageIds"/>) that are neither listed nor the cover, each once.</summary>
    public static List<long> Of(IEnumerable<long> placed, long? coverImageId, IReadOnlyCollection<long>? imageIds) =>
        [.. placed.Where(id => id != coverImageId && imageIds?.Contains(id) != true).Distinct()];

    public static string References(IEnumerable<long> unlisted) => string.Join(", ", unlisted.Select(ImageReferences.For));

    public static string PlacedMessage(IEnumerable<long> unlisted) =>
        $"Places images that are neither in imageIds nor the coverImageId: {References(unlisted)}. Add them to imageIds.";
}
