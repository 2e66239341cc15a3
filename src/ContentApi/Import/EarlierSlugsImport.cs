using System.Data.Common;
using ContentApi.Articles;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Import;

/// <summary>
/// Makes the earlier slugs a file gives (Hugo's <c>aliases</c>, Jekyll's <c>redirect_from</c>) lead to its article, as
/// the slug an edit replaces does: a migrated site's old URLs answer 301 to the post. One that another article has as its
/// slug or an earlier one stays that article's, as the API leaves it.
/// </summary>
internal static class EarlierSlugsImport
{
    /// <returns>The slugs left to other articles.</returns>
    public static async Task<IReadOnlyList<string>> KeepAsync(Db db, long articleId, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return [];
        }
        // Read first: a file imported again, whose slugs lead here already, writes nothing (and moves no content version).
        await using (var snapshot = await db.OpenSnapshotAsync(cancellationToken))
        {
            var (toKeep, others) = await SortAsync(snapshot, null, articleId, slugs, cancellationToken);
            if (toKeep.Count == 0)
            {
                return others;
            }
        }
        return await db.WriteAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            var (toKeep, others) = await SortAsync(connection, transaction, articleId, slugs, cancellationToken);
            foreach (var slug in toKeep)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    ArticleQueries.KeepOldSlug, new { Slug = slug, Id = articleId }, transaction, cancellationToken: cancellationToken));
            }
            return others;
        }, cancellationToken);
    }

    /// <summary>The slugs nothing holds yet, and those another article holds; those leading here already are neither.</summary>
    private static async Task<(List<string> ToKeep, List<string> Others)> SortAsync(
        DbConnection connection, DbTransaction? transaction, long articleId, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        var (toKeep, others) = (new List<string>(), new List<string>());
        foreach (var slug in slugs)
        {
            var holders = (await connection.QueryAsync<long>(new CommandDefinition(
                SlugAllocator.HoldersSql(SluggedTable.Articles), new { Slug = slug }, transaction, cancellationToken: cancellationToken))).ToList();
            if (holders.Count == 0)
            {
                toKeep.Add(slug);
            }
            else if (holders.Any(holder => holder != articleId))
            {
                others.Add(slug);
            }
        }
        return (toKeep, others);
    }
}
