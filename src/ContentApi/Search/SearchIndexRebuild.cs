using ContentApi.Data;
using Dapper;

namespace ContentApi.Search;

/// <summary>Rebuilding the index from the tables (the <c>reindex</c> command), beside a server that keeps serving and writing.</summary>
public static class SearchIndexRebuild
{
    private const int Batch = 500;

    /// <summary>
    /// Replaces these articles' entries in place, a batch per transaction, so that searches meanwhile find every article
    /// (by its old entry or its new one); then drops the entries of articles that no longer exist and compacts the
    /// index. <paramref name="clearFirst"/> empties the index first instead, to repair a damaged one (searches then
    /// find only what is reindexed so far). Returns how many orphaned entries were dropped. The steps that can change
    /// what a search finds advance the content version, so a server's cached search results never outlive them: the
    /// clearing, each batch after it, and the dropping of orphans (which always ends the rebuild). Batches replacing
    /// entries in place, whose searches still find every article, and the compaction, do not empty the response cache.
    /// </summary>
    public static async Task<int> ReindexAsync(Db db, IReadOnlyList<long> articleIds, bool clearFirst, Action<long> progress, CancellationToken cancellationToken)
    {
        if (clearFirst)
        {
            await db.WriteRetryingBusyAsync(
                (connection, transaction) => connection.ExecuteAsync(SqliteDialect.ClearSearchIndex, transaction: transaction), cancellationToken);
        }
        var done = 0L;
        foreach (var batch in articleIds.Chunk(Batch))
        {
            await db.WriteRetryingBusyAsync(async (connection, transaction) =>
            {
                await SearchIndex.UpdateAsync(connection, transaction, batch, cancellationToken);
                return 0;
            }, cancellationToken, changesContent: clearFirst);
            progress(done += batch.Length);
        }
        var orphans = await db.WriteRetryingBusyAsync(
            (connection, transaction) => connection.ExecuteAsync(SqliteDialect.DeleteOrphanedSearchEntries, transaction: transaction), cancellationToken);
        await SearchIndex.OptimizeAsync(db, cancellationToken);
        return orphans;
    }
}
