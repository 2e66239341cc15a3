using System.Data.Common;
using ContentApi.Http.Writes;
using ContentApi.Images;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// An article's links to its authors, tags and images: each must exist, and they are stored in the request's order.
/// </summary>
public sealed partial class ArticleStore
{
    /// <summary>Every referenced author, tag and image must exist: a 400 names each missing one by its field.</summary>
    private static async Task<(ArticleReferences? References, WriteOutcome<ArticleAggregate>.Invalid? Invalid)> ResolveReferencesAsync(
        DbConnection connection, DbTransaction transaction, ArticleRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var authors = (await QueryAuthorsAsync(
            connection, transaction, ArticleQueries.ReferencedAuthors, new { Ids = request.AuthorIds.Distinct().ToArray() }, cancellationToken)).ToDictionary(a => a.Id);
        CollectMissing(authors, "authorIds", "author", request.AuthorIds);
        var tags = await FindAsync<ArticleTagRow>(ArticleQueries.ReferencedTags, request.TagIds ?? [], t => t.Id);
        CollectMissing(tags, "tagIds", "tag", request.TagIds ?? []);
        IReadOnlyList<long> inline = request.ImageIds ?? [];
        var images = await FindAsync<ImageRow>(
            ArticleQueries.ReferencedImages, request.CoverImageId is { } cover ? [.. inline, cover] : inline, i => i.Id);
        CollectMissing(images, "imageIds", "image", inline);
        if (request.CoverImageId is { } coverId)
        {
            CollectMissing(images, "coverImageId", "image", [coverId], single: true);
        }
        return errors.Count == 0 ? (new ArticleReferences(authors, tags, images), null) : (null, new WriteOutcome<ArticleAggregate>.Invalid(errors));

        async Task<Dictionary<long, T>> FindAsync<T>(string sql, IReadOnlyList<long> ids, Func<T, long> idOf) =>
            ids.Count == 0 ? [] : (await connection.QueryAsync<T>(new CommandDefinition(
                sql, new { Ids = ids.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken))).ToDictionary(idOf);

        void CollectMissing<T>(Dictionary<long, T> found, string field, string what, IReadOnlyList<long> ids, bool single = false)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!found.ContainsKey(ids[i]))
                {
                    errors[single ? field : $"{field}[{i}]"] = [$"There is no {what} with id {ids[i]}."];
                }
            }
        }
    }

    private static async Task InsertLinksAsync(DbConnection connection, DbTransaction transaction, long id, ArticleRequest request, CancellationToken cancellationToken)
    {
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertAuthorLink, id, request.AuthorIds, cancellationToken);
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertTagLink, id, request.TagIds ?? [], cancellationToken);
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertImageLink, id, request.ImageIds ?? [], cancellationToken);
    }

    private static Task InsertLinksAsync(DbConnection connection, DbTransaction transaction, string sql, long articleId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync(new CommandDefinition(
            sql, ids.Select((refId, position) => new { ArticleId = articleId, RefId = refId, Position = (long)position }), transaction, cancellationToken: cancellationToken));
}
