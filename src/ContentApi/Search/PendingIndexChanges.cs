using System.Data.Common;
using ContentApi.Data;
using Microsoft.Data.Sqlite;

namespace ContentApi.Search;

/// <summary>
/// The index changes of one write transaction, made together just before it commits. FTS5 writes its pending
/// entries out as a new segment whenever a statement that may need undoing writes another table, so indexing each
/// article between the writes of a group commit wrote (and then merged) one small segment per article. Only the
/// last change to an article counts.
/// </summary>
internal sealed class PendingIndexChanges : IBeforeCommit
{
    private abstract record Change;

    /// <summary>The article's own text, analysed before the transaction; new articles have nothing in the index to replace.</summary>
    private sealed record Analyzed(AnalyzedArticleText Text, bool IsNew) : Change;

    /// <summary>Rebuilt from the tables at the end (an author, tag or image it embeds has changed).</summary>
    private sealed record FromTables : Change;

    private sealed record Removed : Change;

    private readonly Dictionary<long, Change> _changes = [];

    public void Index(long articleId, AnalyzedArticleText text, bool isNew)
    {
        var notInIndex = _changes.TryGetValue(articleId, out var earlier) ? earlier is Analyzed { IsNew: true } : isNew;
        _changes[articleId] = new Analyzed(text, notInIndex);
    }

    /// <summary>An article's own text, when this transaction has it, still holds; its related names are read at the end anyway.</summary>
    public void Reindex(long articleId)
    {
        if (!_changes.TryGetValue(articleId, out var earlier) || earlier is not Analyzed)
        {
            _changes[articleId] = new FromTables();
        }
    }

    public void Remove(long articleId) => _changes[articleId] = new Removed();

    /// <summary>Drops changes that an immediate reindex from the tables has made obsolete.</summary>
    public void Forget(IEnumerable<long> articleIds)
    {
        foreach (var articleId in articleIds)
        {
            _changes.Remove(articleId);
        }
    }

    public async Task RunAsync(SqliteConnection connection, DbTransaction transaction)
    {
        var (stale, analyzed, fromTables) = (new List<long>(), new List<KeyValuePair<long, AnalyzedArticleText>>(), new List<long>());
        foreach (var (articleId, change) in _changes)
        {
            if (change is not Analyzed { IsNew: true })
            {
                stale.Add(articleId);
            }
            if (change is Analyzed a)
            {
                analyzed.Add(KeyValuePair.Create(articleId, a.Text));
            }
            else if (change is FromTables)
            {
                fromTables.Add(articleId);
            }
        }
        _changes.Clear();
        var none = CancellationToken.None;
        foreach (var chunk in stale.Chunk(SearchIndex.ChunkSize))
        {
            await SearchIndex.DeleteAsync(connection, transaction, chunk, none);
        }
        foreach (var chunk in analyzed.Chunk(SearchIndex.ChunkSize))
        {
            await SearchIndex.InsertAsync(connection, transaction, await SearchIndex.WithRelatedAsync(connection, transaction, chunk, none), none);
        }
        foreach (var chunk in fromTables.Chunk(SearchIndex.ChunkSize))
        {
            await SearchIndex.InsertAsync(connection, transaction, await SearchIndex.FromTablesAsync(connection, transaction, chunk, none), none);
        }
    }
}
