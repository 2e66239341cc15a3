using System.Data.Common;
using ContentApi.Text;
using Dapper;

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

    /// <summary>
    /// What a body placing these unlisted images is told: of those that do not exist at all, that they do not
    /// (<see cref="MissingMessage"/>), so the writer is not sent to list an id only to be told next that no image has it,
    /// and of the others to list them. One query, asked only of a body that places unlisted images.
    /// </summary>
    public static async Task<string[]> MessagesAsync(DbConnection connection, DbTransaction? transaction, List<long> unlisted, CancellationToken cancellationToken)
    {
        var existing = (await connection.QueryAsync<long>(new CommandDefinition(
            ArticleQueries.ExistingImageIds, new { Ids = unlisted.ToArray() }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        var messages = new List<string>();
        if (unlisted.Where(id => !existing.Contains(id)).ToList() is { Count: > 0 } missing)
        {
            messages.Add(MissingMessage(missing));
        }
        if (unlisted.Where(existing.Contains).ToList() is { Count: > 0 } listable)
        {
            messages.Add(PlacedMessage(listable));
        }
        return [.. messages];
    }

    /// <summary>What a body placing images that do not exist is told, instead of <see cref="PlacedMessage"/>: listing them would only be refused next.</summary>
    public static string MissingMessage(IEnumerable<long> missing) =>
        $"Places images that do not exist: {References(missing)} (there is no image with those ids). Remove them from the body, or create the images (POST /api/v1/images) and place and list their new ids.";
}
