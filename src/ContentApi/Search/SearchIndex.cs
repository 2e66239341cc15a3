using System.Data.Common;
using ContentApi.Rendering;
using Dapper;

namespace ContentApi.Search;

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

    private sealed record ArticleText
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
            var articles = await connection.QueryAsync<ArticleText>(new CommandDefinition(ArticlesSql, ids, transaction, cancellationToken: cancellationToken));
            var authors = await RelatedAsync(AuthorNamesSql);
            var tags = await RelatedAsync(TagNamesSql);
            var images = await RelatedAsync(ImageTextsSql);
            var documents = articles.Select(a => new
            {
                a.Id,
                Title = SearchAnalyzer.AnalyzeForIndex(a.Title),
                Subtitle = SearchAnalyzer.AnalyzeForIndex(a.Subtitle),
                Excerpt = SearchAnalyzer.AnalyzeForIndex(a.Excerpt),
                Body = SearchAnalyzer.AnalyzeForIndex(MarkdownRenderer.ToPlainText(a.Body)),
                Authors = SearchAnalyzer.AnalyzeForIndex(string.Join(' ', authors[a.Id])),
                Tags = SearchAnalyzer.AnalyzeForIndex(string.Join(' ', tags[a.Id])),
                Images = SearchAnalyzer.AnalyzeForIndex(string.Join(' ', images[a.Id])),
            });
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, documents, transaction, cancellationToken: cancellationToken));

            async Task<ILookup<long, string>> RelatedAsync(string sql) =>
                (await connection.QueryAsync<RelatedText>(new CommandDefinition(sql, ids, transaction, cancellationToken: cancellationToken)))
                    .ToLookup(r => r.ArticleId, r => r.Text);
        }
    }

    /// <summary>Reindexes the articles that embed a changed author, tag or image (whose names, captions or credits are indexed).</summary>
    public static async Task UpdateArticlesOfAsync(DbConnection connection, DbTransaction transaction, string articlesOfSql, long id, CancellationToken cancellationToken)
    {
        var articleIds = (await connection.QueryAsync<long>(new CommandDefinition(articlesOfSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
        if (articleIds.Count > 0)
        {
            await UpdateAsync(connection, transaction, articleIds, cancellationToken);
        }
    }

    public static Task RemoveAsync(DbConnection connection, DbTransaction transaction, long articleId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Ids = new[] { articleId } }, transaction, cancellationToken: cancellationToken));
}
