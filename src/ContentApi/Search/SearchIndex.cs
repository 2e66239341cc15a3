using System.Data.Common;
using ContentApi.Data;
using ContentApi.Rendering;
using Dapper;

namespace ContentApi.Search;

/// <summary>One article's row in the index: every column already analysed.</summary>
public sealed record IndexDocument(long Id, string Title, string Subtitle, string Excerpt, string Body, string Authors, string Tags, string Images)
{
    public static IndexDocument Build(
        long id, string title, string? subtitle, string? excerpt, string bodyPlainText,
        IEnumerable<string> authorNames, IEnumerable<string> tagNames, IEnumerable<string> imageTexts) => new(
        id,
        SearchAnalyzer.AnalyzeForIndex(title),
        SearchAnalyzer.AnalyzeForIndex(subtitle ?? ""),
        SearchAnalyzer.AnalyzeForIndex(excerpt ?? ""),
        SearchAnalyzer.AnalyzeForIndex(bodyPlainText),
        SearchAnalyzer.AnalyzeForIndex(string.Join(' ', authorNames)),
        SearchAnalyzer.AnalyzeForIndex(string.Join(' ', tagNames)),
        SearchAnalyzer.AnalyzeForIndex(string.Join(' ', imageTexts)));
}

/// <summary>An article's own text, analysed for the index (its authors, tags and images are added in the transaction).</summary>
public sealed record AnalyzedArticleText(string Title, string Subtitle, string Excerpt, string Body)
{
    public static AnalyzedArticleText Of(string title, string? subtitle, string excerpt, string bodyPlainText) => new(
        SearchAnalyzer.AnalyzeForIndex(title), SearchAnalyzer.AnalyzeForIndex(subtitle ?? ""),
        SearchAnalyzer.AnalyzeForIndex(excerpt), SearchAnalyzer.AnalyzeForIndex(bodyPlainText));
}

/// <summary>
/// Keeps the full-text index in step with the tables. Every write calls it inside its own transaction,
/// so a search right after a 201 finds the article, and never finds a deleted one.
/// </summary>
public static class SearchIndex
{
    private const string DeleteSql = "DELETE FROM articles_fts WHERE rowid IN @Ids";

    private const string InsertSql = """
        INSERT INTO articles_fts (rowid, title, subtitle, excerpt, body, authors, tags, images)
        VALUES (@Id, @Title, @Subtitle, @Excerpt, @Body, @Authors, @Tags, @Images)
        """;

    private const string ArticlesSql = """
        SELECT id AS Id, title AS Title, coalesce(subtitle, '') AS Subtitle, coalesce(excerpt, derived_excerpt) AS Excerpt, body AS Body
        FROM articles WHERE id IN @Ids
        """;

    private const string AuthorNamesSql = """
        SELECT x.article_id AS ArticleId, u.name AS Text FROM article_authors x JOIN authors u ON u.id = x.author_id WHERE x.article_id IN @Ids
        """;

    private const string TagNamesSql = """
        SELECT x.article_id AS ArticleId, t.name AS Text FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id IN @Ids
        """;

    private const string ImageTextsSql = """
        SELECT x.article_id AS ArticleId, coalesce(i.caption, '') || ' ' || coalesce(i.credit, '') AS Text
        FROM article_images x JOIN images i ON i.id = x.image_id WHERE x.article_id IN @Ids
        UNION ALL
        SELECT a.id, coalesce(i.caption, '') || ' ' || coalesce(i.credit, '')
        FROM articles a JOIN images i ON i.id = a.cover_image_id WHERE a.id IN @Ids
        """;

    public const string ArticlesOfAuthorSql = "SELECT article_id FROM article_authors WHERE author_id = @Id";
    public const string ArticlesOfTagSql = "SELECT article_id FROM article_tags WHERE tag_id = @Id";
    public const string ArticlesOfImageSql = "SELECT article_id FROM article_images WHERE image_id = @Id UNION SELECT id FROM articles WHERE cover_image_id = @Id";

    private sealed record ArticleFields
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Subtitle { get; init; } = "";
        public string Excerpt { get; init; } = "";
        public string Body { get; init; } = "";
    }

    private sealed record RelatedText
    {
        public long ArticleId { get; init; }
        public string Text { get; init; } = "";
    }

    /// <summary>(Re)indexes these articles from the tables; ids of deleted articles are simply removed.</summary>
    public static async Task UpdateAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in articleIds.Distinct().Chunk(500))
        {
            var ids = new { Ids = chunk };
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, ids, transaction, cancellationToken: cancellationToken));
            var articles = await connection.QueryAsync<ArticleFields>(new CommandDefinition(ArticlesSql, ids, transaction, cancellationToken: cancellationToken));
            var authors = await RelatedAsync(AuthorNamesSql);
            var tags = await RelatedAsync(TagNamesSql);
            var images = await RelatedAsync(ImageTextsSql);
            var documents = articles.Select(a => IndexDocument.Build(
                a.Id, a.Title, a.Subtitle, a.Excerpt, MarkdownRenderer.ToPlainText(a.Body), authors[a.Id], tags[a.Id], images[a.Id]));
            await InsertAsync(connection, transaction, documents, cancellationToken);

            async Task<ILookup<long, string>> RelatedAsync(string sql) =>
                (await connection.QueryAsync<RelatedText>(new CommandDefinition(sql, ids, transaction, cancellationToken: cancellationToken)))
                    .ToLookup(r => r.ArticleId, r => r.Text);
        }
    }

    /// <summary>
    /// (Re)indexes one article whose own text was analysed before the write transaction began (the expensive part),
    /// so the writer slot is held only for the database work.
    /// </summary>
    public static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, long articleId, AnalyzedArticleText text, CancellationToken cancellationToken)
    {
        var ids = new { Ids = new[] { articleId } };
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, ids, transaction, cancellationToken: cancellationToken));
        var authors = await RelatedAsync(AuthorNamesSql);
        var tags = await RelatedAsync(TagNamesSql);
        var images = await RelatedAsync(ImageTextsSql);
        await InsertAsync(connection, transaction, [new IndexDocument(articleId, text.Title, text.Subtitle, text.Excerpt, text.Body,
            SearchAnalyzer.AnalyzeForIndex(string.Join(' ', authors)), SearchAnalyzer.AnalyzeForIndex(string.Join(' ', tags)),
            SearchAnalyzer.AnalyzeForIndex(string.Join(' ', images)))], cancellationToken);

        async Task<IEnumerable<string>> RelatedAsync(string sql) =>
            (await connection.QueryAsync<RelatedText>(new CommandDefinition(sql, ids, transaction, cancellationToken: cancellationToken))).Select(r => r.Text);
    }

    /// <summary>Adds documents for articles that have none yet (bulk loads such as the seed build them in parallel).</summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<IndexDocument> documents, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, documents, transaction, cancellationToken: cancellationToken));

    /// <summary>Reindexes the articles that embed a changed author, tag or image (whose names, captions or credits are indexed).</summary>
    public static async Task UpdateArticlesOfAsync(DbConnection connection, DbTransaction transaction, string articlesOfSql, long id, CancellationToken cancellationToken)
    {
        var articleIds = (await connection.QueryAsync<long>(new CommandDefinition(articlesOfSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (articleIds.Count > 0)
        {
            await UpdateAsync(connection, transaction, articleIds, cancellationToken);
        }
    }

    /// <summary>Compacts the index after a bulk load (seed, reindex); holds the writer slot while it runs (~13 s at 100,000 articles).</summary>
    public static Task OptimizeAsync(Db db, CancellationToken cancellationToken) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            new CommandDefinition(SqliteDialect.OptimizeSearchIndex, transaction: transaction, cancellationToken: cancellationToken)), cancellationToken, changesContent: false);

    public static Task RemoveAsync(DbConnection connection, DbTransaction transaction, long articleId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Ids = new[] { articleId } }, transaction, cancellationToken: cancellationToken));
}
