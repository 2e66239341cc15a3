using System.Data.Common;
using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Import;

/// <summary>
/// Makes the earlier slugs a file gives (Hugo's <c>aliases</c>, Jekyll's <c>redirect_from</c>) lead to its article, as
/// the slug an edit replaces does: a migrated site's old URLs answer 301 to the post. One that another article has as its
/// slug or an earlier one stays that article's, as the API leaves it. They are marked as the import's
/// (<see cref="ArticleQueries.KeepImportedSlug"/>), so that a file giving one as its own slug is not taken for the
/// article's file from before an edit (<see cref="IsImportedAliasAsync"/>).
/// </summary>
internal static class EarlierSlugsImport
{
    /// <returns>The slugs kept, and those left to other articles; null when the database stayed busy.</returns>
    public static async Task<(IReadOnlyList<EarlierSlug> Kept, IReadOnlyList<EarlierSlug> Others)?> KeepAsync(
        Db db, long articleId, IReadOnlyList<EarlierSlug> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return ([], []);
        }
        // Read first: a file imported again, whose slugs lead here already, writes nothing (and moves no content version).
        await using (var snapshot = await db.OpenSnapshotAsync(cancellationToken))
        {
            var (toKeep, others) = await SortAsync(snapshot, null, articleId, slugs, cancellationToken);
            if (toKeep.Count == 0)
            {
                return ([], others);
            }
        }
        // Retried here, not with the file: the article is saved by now, and saving the file again would count it twice.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.WriteAsync<(IReadOnlyList<EarlierSlug>, IReadOnlyList<EarlierSlug>)>(async (connection, transaction) =>
                {
                    var (toKeep, others) = await SortAsync(connection, transaction, articleId, slugs, cancellationToken);
                    foreach (var earlier in toKeep)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(
                            ArticleQueries.KeepImportedSlug, new { earlier.Slug, Id = articleId }, transaction, cancellationToken: cancellationToken));
                    }
                    return (toKeep, others);
                }, cancellationToken);
            }
            catch (DatabaseBusyException) when (attempt < BusyRetry.Attempts)
            {
                await BusyRetry.PauseAsync(attempt, cancellationToken);
            }
            catch (DatabaseBusyException)
            {
                return null;
            }
        }
    }

    /// <summary>Whether <paramref name="slug"/> leads to an article only as an earlier URL an import gave it.</summary>
    public static async Task<bool> IsImportedAliasAsync(Db db, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            ArticleQueries.IsImportedAlias, new { Spellings = Slugs.WrittenSpellings(slug).ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>The slugs nothing holds yet, and those another article holds; those leading here already are neither.</summary>
    private static async Task<(List<EarlierSlug> ToKeep, List<EarlierSlug> Others)> SortAsync(
        DbConnection connection, DbTransaction? transaction, long articleId, IReadOnlyList<EarlierSlug> slugs, CancellationToken cancellationToken)
    {
        var (toKeep, others) = (new List<EarlierSlug>(), new List<EarlierSlug>());
        foreach (var earlier in slugs)
        {
            var holders = (await connection.QueryAsync<long>(new CommandDefinition(
                SlugAllocator.HoldersSql(SluggedTable.Articles), new { earlier.Slug }, transaction, cancellationToken: cancellationToken))).ToList();
            if (holders.Count == 0)
            {
                toKeep.Add(earlier);
            }
            else if (holders.Any(holder => holder != articleId))
            {
                others.Add(earlier);
            }
        }
        return (toKeep, others);
    }
}
