using ContentApi.Images;

namespace ContentApi.Articles;

/// <summary>
/// The authors, tags and images a create or replace refers to, read once in its transaction: they prove the references
/// exist, and they are what the written article embeds, so its response needs no second read.
/// </summary>
internal sealed record ArticleReferences(
    IReadOnlyDictionary<long, ArticleAuthorRow> Authors, IReadOnlyDictionary<long, ArticleTagRow> Tags, IReadOnlyDictionary<long, ImageRow> Images)
{
    /// <summary>The article as a read of it would return it, embeds in the order the request gave them.</summary>
    public ArticleAggregate Embed(ArticleRow row, ArticleRequest request) => new(
        row,
        [.. request.AuthorIds.Select(id => Authors[id] with { ArticleId = row.Id })],
        [.. (request.TagIds ?? []).Select(id => Tags[id] with { ArticleId = row.Id })],
        request.CoverImageId is { } cover ? new ArticleImageRow(row.Id, -1, Images[cover]) : null,
        [.. (request.ImageIds ?? []).Select((id, position) => new ArticleImageRow(row.Id, position, Images[id]))]);
}
