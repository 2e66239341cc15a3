using ContentApi.Data;
using ContentApi.Rendering;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Search;

/// <summary>Rebuilding the index from the tables (the <c>reindex</c> command), beside a server that keeps serving and writing.</summary>
public static class SearchIndexRebuild
{
    /// <summary>
    /// Articles per transaction. Each holds the write lock while it renders and analyses its articles (2-9 ms each): 500
    /// held it 1-4 s, past a server's busy timeout (2 s), so the server's writes failed with 503; 100 hold it well under.
    /// </summary>
    private const int Batch = 100;

    /// <summary>What repairs a damaged index: it empties the index and rebuilds it from the tables, which the damage leaves alone.</summary>
    public const string RepairCommand = "reindex --clear";

    /// <summary>
    /// Whether <paramref name="exception"/> is FTS5 finding the index damaged ("fts5: corruption found reading blob ..."):
    /// searches, a reindex in place and writes whose merge of segments reaches the damage all fail until
    /// <see cref="RepairCommand"/> rebuilds the index from empty. Damage to the database file itself is plain SQLITE_CORRUPT.
    /// </summary>
    public static bool IsDamagedIndex(SqliteException exception) => exception.SqliteExtendedErrorCode == SqliteDialect.CorruptVirtualTableExtendedCode;

    /// <summary>Every article, in the order the rebuild takes them.</summary>
    public const string ArticleIdsSql = "SELECT id FROM articles ORDER BY id";

    /// <summary>
    /// Replaces these articles' entries in place, a batch per transaction, so that searches meanwhile find every article
    /// (by its old entry or its new one); then drops the entries of articles that no longer exist and compacts the
    /// index. <paramref name="clearFirst"/> empties the index first instead, to repair a damaged one (searches then
    /// find only what is reindexed so far). Returns how many orphaned entries were dropped. The steps that can change
    /// what a search finds advance the content version, so a server's cached search results never outlive them: the
    /// clearing, each batch after it, and the dropping of orphans (which always ends the rebuild). Batches replacing
    /// entries in place, whose searches still find every article, and the compaction, do not empty the response cache;
    /// a rebuild that stops after some of them advances it as it stops.
    /// </summary>
    public static async Task<int> ReindexAsync(Db db, IReadOnlyList<long> articleIds, bool clearFirst, Action<long> progress, CancellationToken cancellationToken)
    {
        if (clearFirst)
        {
            // The articles as they are when the index empties: one a server wrote since the caller listed them was
            // indexed by the server, and the clearing would have lost it for good.
            articleIds = await db.WriteRetryingBusyAsync<IReadOnlyList<long>>(async (connection, transaction) =>
            {
                await SearchAnalysis.MarkUnfinishedAsync(connection, transaction);
                await connection.ExecuteAsync(SqliteDialect.ClearSearchIndex, transaction: transaction);
                return [.. await connection.QueryAsync<long>(new CommandDefinition(ArticleIdsSql, transaction: transaction, cancellationToken: cancellationToken))];
            }, cancellationToken);
        }
        // The first analysis loads the Traditional-to-Simplified table and JIT-compiles the analyzer: not inside the lock.
        _ = SearchAnalyzer.AnalyzeForIndex(MarkdownRenderer.ToPlainText("通義千問 *warm-up*"));
        var done = 0L;
        var unannounced = false; // a batch in place has committed, and the content version has not moved since
        int orphans;
        try
        {
            foreach (var batch in articleIds.Chunk(Batch))
            {
                await db.WriteRetryingBusyAsync(async (connection, transaction) =>
                {
                    await SearchIndex.UpdateAsync(connection, transaction, batch, cancellationToken);
                    // Reindexed from the tables as they are now, so a rename's leftovers among them are done.
                    await connection.ExecuteAsync(new CommandDefinition(
                        SearchIndex.RemoveFromBacklogSql, new { Ids = batch }, transaction, cancellationToken: cancellationToken));
                    return 0;
                }, cancellationToken, changesContent: clearFirst);
                unannounced = !clearFirst;
                progress(done += batch.Length);
                await ServerLock.LetServerWriteAsync(db.ConnectionString, cancellationToken);
            }
            orphans = await db.WriteRetryingBusyAsync(async (connection, transaction) =>
            {
                await connection.ExecuteAsync(SearchIndex.RemoveGoneFromBacklogSql, transaction: transaction);
                return await connection.ExecuteAsync(SqliteDialect.DeleteOrphanedSearchEntries, transaction: transaction);
            }, cancellationToken);
        }
        catch (Exception) when (unannounced)
        {
            // Stopped (Ctrl+C, a failure) before the last step, which advances the content version for the batches in
            // place: after an analysis change they do change what searches find, and a server's cached searches missed
            // it until the next write. An empty write advances it instead; if that fails too, what stopped the rebuild
            // is still what the caller hears.
            try
            {
                await db.WriteRetryingBusyAsync((_, _) => Task.FromResult(0), CancellationToken.None);
            }
            catch (Exception exception) when (exception is DatabaseBusyException or DatabaseClosedException or SqliteException)
            {
            }
            throw;
        }
        await SearchIndex.OptimizeAsync(db, cancellationToken);
        return orphans;
    }
}
