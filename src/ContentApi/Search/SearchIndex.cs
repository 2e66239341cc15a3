using System.Data.Common;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Rendering;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Search;

/// <summary>One article's row in the index: every column already analysed.</summary>
public sealed record IndexDocument(long Id, string Title, string Subtitle, string Excerpt, string Body, string Authors, string Tags, string Images)
{
    public static IndexDocument Build(
        long id, string title, string? subtitle, string? excerpt, string bodyPlainText,
        IEnumerable<string> authorNames, IEnumerable<string> tagNames, IEnumerable<string> imageTexts) =>
        Build(id, AnalyzedArticleText.Of(title, subtitle, excerpt, bodyPlainText), authorNames, tagNames, imageTexts);

    /// <summary>The row of an article whose own text is already analysed.</summary>
    public static IndexDocument Build(
        long id, AnalyzedArticleText text, IEnumerable<string> authorNames, IEnumerable<string> tagNames, IEnumerable<string> imageTexts) => new(
        id, text.Title, text.Subtitle, text.Excerpt, text.Body,
        NamesApart(authorNames), NamesApart(tagNames), NamesApart(imageTexts));

    /// <summary>
    /// Names (and each line of an image's caption and credit) analysed one by one, with <see cref="SearchAnalyzer.Gap"/>
    /// between them: joined by a space, 豪王 found 劉家豪 and 王柏翰 (Chinese runs read across spaces), and the quoted
    /// "Quill Marlow" Jane Quill and Marlow Doe.
    /// </summary>
    internal static string NamesApart(IEnumerable<string> names) => string.Join(
        $" {SearchAnalyzer.Gap} ", names.SelectMany(name => name.Split('\n')).Select(SearchAnalyzer.AnalyzeForIndex).Where(tokens => tokens.Length > 0));
}

/// <summary>An article's own text, analysed for the index (its authors, tags and images are added in the transaction).</summary>
public sealed record AnalyzedArticleText(string Title, string Subtitle, string Excerpt, string Body)
{
    public static AnalyzedArticleText Of(string title, string? subtitle, string? excerpt, string bodyPlainText) => new(
        SearchAnalyzer.AnalyzeForIndex(title), SearchAnalyzer.AnalyzeForIndex(subtitle ?? ""),
        SearchAnalyzer.AnalyzeForIndex(excerpt ?? ""), SearchAnalyzer.AnalyzeForIndex(bodyPlainText));
}

/// <summary>
/// Keeps the full-text index in step with the tables. Every write calls it inside its own transaction,
/// so a search right after a 201 finds the article, and never finds a deleted one.
/// </summary>
public static class SearchIndex
{
    private const string ArticlesSql = """
        SELECT id AS Id, title AS Title, coalesce(subtitle, '') AS Subtitle, excerpt AS Excerpt, derived_excerpt AS DerivedExcerpt, body AS Body
        FROM articles WHERE id IN @Ids
        """;

    private const string AuthorNamesSql = """
        SELECT x.article_id AS ArticleId, u.name AS Text FROM article_authors x JOIN authors u ON u.id = x.author_id WHERE x.article_id IN @Ids
        """;

    private const string TagNamesSql = """
        SELECT x.article_id AS ArticleId, t.name AS Text FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id IN @Ids
        """;

    /// <summary>Each image of an article once: a cover its body also shows is one image (as the seed indexes it).</summary>
    private const string ImageTextsSql = $"""
        SELECT x.article_id AS ArticleId, coalesce(i.caption, '') || {SqliteDialect.LineBreak} || coalesce(i.credit, '') AS Text
        FROM (
            SELECT article_id, image_id FROM article_images WHERE article_id IN @Ids
            UNION
            SELECT id, cover_image_id FROM articles WHERE id IN @Ids AND cover_image_id IS NOT NULL
        ) x JOIN images i ON i.id = x.image_id
        """;

    public const string ArticlesOfAuthorSql = "SELECT article_id FROM article_authors WHERE author_id = @Id";
    public const string ArticlesOfTagSql = "SELECT article_id FROM article_tags WHERE tag_id = @Id";
    public const string ArticlesOfImageSql = "SELECT article_id FROM article_images WHERE image_id = @Id UNION SELECT id FROM articles WHERE cover_image_id = @Id";

    /// <summary>Articles reindexed in one transaction after a rename (about 2 ms each: ~0.4 s of the writer).</summary>
    internal const int ReindexBatch = 200;

    /// <summary>Followed by one of the ArticlesOf queries: records its articles in the backlog (migration 0015).</summary>
    private static readonly string AddToBacklogSql = $"{SqliteDialect.InsertOrIgnoreInto("search_backlog")} (article_id) ";

    /// <summary>Up to @Limit ids of the backlog, each with whether its article still exists.</summary>
    internal const string TakeFromBacklogSql = """
        SELECT b.article_id AS ArticleId, a.id IS NOT NULL AS ArticleExists
        FROM search_backlog b LEFT JOIN articles a ON a.id = b.article_id ORDER BY b.article_id LIMIT @Limit
        """;

    internal const string RemoveFromBacklogSql = "DELETE FROM search_backlog WHERE article_id IN @Ids";

    internal const string BacklogIsEmptySql = "SELECT NOT EXISTS (SELECT 1 FROM search_backlog)";

    internal const string BacklogCountSql = "SELECT count(*) FROM search_backlog";

    /// <summary>The ids of articles deleted since they were recorded (the <c>reindex</c> command takes the others out with their batches).</summary>
    internal const string RemoveGoneFromBacklogSql = "DELETE FROM search_backlog WHERE article_id NOT IN (SELECT id FROM articles)";

    private sealed record ArticleFields
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Subtitle { get; init; } = "";
        public string? Excerpt { get; init; }
        public string DerivedExcerpt { get; init; } = "";
        public string Body { get; init; } = "";
    }

    private sealed record RelatedText
    {
        public long ArticleId { get; init; }
        public string Text { get; init; } = "";
    }

    /// <summary>
    /// (Re)indexes these articles from the tables at once (reindex, import); ids of deleted articles are simply removed.
    /// What it reads supersedes any change to the same articles still waiting for the end of the transaction.
    /// </summary>
    public static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        BeforeCommit.Find<PendingIndexChanges>(transaction)?.Forget(articleIds);
        foreach (var chunk in articleIds.Distinct().Chunk(ChunkSize))
        {
            await DeleteAsync(connection, transaction, chunk, cancellationToken);
            await InsertAsync(connection, transaction, await FromTablesAsync(connection, transaction, chunk, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Indexes an article, at the end of the write transaction, from its own text (analysed before the transaction
    /// began, the expensive part) and the names of its authors, tags and images as they are then.
    /// </summary>
    public static void Index(DbTransaction transaction, long articleId, AnalyzedArticleText text, bool isNew) =>
        BeforeCommit.Of<PendingIndexChanges>(transaction).Index(articleId, text, isNew);

    /// <summary>Takes a deleted article out of the index at the end of the write transaction.</summary>
    public static void Remove(DbTransaction transaction, long articleId) =>
        BeforeCommit.Of<PendingIndexChanges>(transaction).Remove(articleId);

    /// <summary>
    /// Reindexes the articles that embed a changed author, tag or image (whose names, captions or credits are indexed):
    /// up to <see cref="ReindexBatch"/> of them in this transaction; more are recorded in the backlog instead, in this
    /// transaction too, for <see cref="SearchBacklog.DrainAsync"/> to reindex in batches once it has committed (renaming
    /// an author of 10,761 articles in one transaction held every other write ~20 s).
    /// </summary>
    public static async Task UpdateArticlesOfAsync(DbConnection connection, DbTransaction transaction, string articlesOfSql, long id, CancellationToken cancellationToken)
    {
        var articleIds = (await connection.QueryAsync<long>(new CommandDefinition(articlesOfSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (articleIds.Count > ReindexBatch)
        {
            await connection.ExecuteAsync(new CommandDefinition(AddToBacklogSql + articlesOfSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
            return;
        }
        var pending = BeforeCommit.Of<PendingIndexChanges>(transaction);
        foreach (var articleId in articleIds)
        {
            pending.Reindex(articleId);
        }
    }

    /// <summary>Most ids one statement carries.</summary>
    internal const int ChunkSize = 500;

    internal static Task DeleteAsync(DbConnection connection, DbTransaction transaction, long[] articleIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SqliteDialect.DeleteFromSearchIndex, new { Ids = articleIds }, transaction, cancellationToken: cancellationToken));

    /// <summary>The documents of these articles, built from the tables.</summary>
    internal static async Task<IEnumerable<IndexDocument>> FromTablesAsync(DbConnection connection, DbTransaction transaction, long[] articleIds, CancellationToken cancellationToken)
    {
        var articles = await connection.QueryAsync<ArticleFields>(new CommandDefinition(ArticlesSql, new { Ids = articleIds }, transaction, cancellationToken: cancellationToken));
        var related = await RelatedAsync(connection, transaction, articleIds, cancellationToken);
        return articles.Select(a =>
        {
            var (excerpt, plainText) = Text(a);
            return IndexDocument.Build(a.Id, a.Title, a.Subtitle, excerpt, plainText, related.Authors[a.Id], related.Tags[a.Id], related.Images[a.Id]);
        });
    }

    /// <summary>An article's excerpt as indexed (a derived one with the line breaks between its paragraphs) and its plain text.</summary>
    private static (string Excerpt, string PlainText) Text(ArticleFields article)
    {
        if (article.Excerpt is { } given)
        {
            return (given, MarkdownRenderer.ToPlainText(article.Body));
        }
        var stats = ArticleText.Measure(article.Body);
        return (stats.IndexedFormOf(article.DerivedExcerpt), stats.PlainText);
    }

    /// <summary>The documents of articles whose own text is already analysed; the names of their authors, tags and images come from the tables.</summary>
    internal static async Task<IEnumerable<IndexDocument>> WithRelatedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<KeyValuePair<long, AnalyzedArticleText>> articles, CancellationToken cancellationToken)
    {
        var related = await RelatedAsync(connection, transaction, [.. articles.Select(a => a.Key)], cancellationToken);
        return articles.Select(a => IndexDocument.Build(a.Key, a.Value, related.Authors[a.Key], related.Tags[a.Key], related.Images[a.Key]));
    }

    private static async Task<(ILookup<long, string> Authors, ILookup<long, string> Tags, ILookup<long, string> Images)> RelatedAsync(
        DbConnection connection, DbTransaction transaction, long[] articleIds, CancellationToken cancellationToken)
    {
        return (await LookupAsync(AuthorNamesSql), await LookupAsync(TagNamesSql), await LookupAsync(ImageTextsSql));

        async Task<ILookup<long, string>> LookupAsync(string sql) =>
            (await connection.QueryAsync<RelatedText>(new CommandDefinition(sql, new { Ids = articleIds }, transaction, cancellationToken: cancellationToken)))
                .ToLookup(r => r.ArticleId, r => r.Text);
    }

    /// <summary>Adds documents for articles that have none yet (bulk loads such as the seed build them in parallel).</summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<IndexDocument> documents, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SqliteDialect.InsertIntoSearchIndex, documents, transaction, cancellationToken: cancellationToken));

    /// <summary>Leaf pages one merge step writes (~4 MB): a server writing to the same database waits for one step at most.</summary>
    private const int MergeStepPages = 1_000;

    private sealed record MergeStep(bool Merged) : IWriteResult
    {
        public bool Changed => Merged;
    }

    /// <summary>
    /// Compacts the index into one segment after a bulk load (seed, reindex), in bounded steps of their own transactions.
    /// FTS5's 'optimize' does it in one, which at 100,000 articles held the database ~13 s while a running server's
    /// writes timed out. The first step gathers every segment into one merge; the next ones only continue it (a
    /// gathering step again would restart it whenever a concurrent write had added a segment, and never finish). Writes
    /// arriving meanwhile leave small segments, which FTS5's automerge takes care of, and at most twice the steps the
    /// index's size calls for are taken.
    /// </summary>
    public static async Task OptimizeAsync(Db db, CancellationToken cancellationToken)
    {
        long leafRows;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            leafRows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteDialect.SearchIndexDataRows, cancellationToken: cancellationToken));
        }
        var maxSteps = 2 * (leafRows / MergeStepPages) + 10;
        for (var step = 0; step < maxSteps && await MergeStepAsync(db, gather: step == 0, cancellationToken); step++)
        {
            await ServerLock.LetServerWriteAsync(db.ConnectionString, cancellationToken);
        }
    }

    /// <summary>One merge step in its own transaction; false when it found nothing to merge.</summary>
    private static async Task<bool> MergeStepAsync(Db db, bool gather, CancellationToken cancellationToken) =>
        (await db.WriteRetryingBusyAsync(async (connection, transaction) =>
        {
            var before = SqliteDialect.RowsChanged(connection);
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteDialect.MergeSearchIndexStep(gather ? -MergeStepPages : MergeStepPages), transaction: transaction, cancellationToken: cancellationToken));
            // The command's own row is one change; merging writes FTS5's shadow tables, which count too.
            return new MergeStep(SqliteDialect.RowsChanged(connection) - before > 1);
        }, cancellationToken, changesContent: false)).Merged;
}
