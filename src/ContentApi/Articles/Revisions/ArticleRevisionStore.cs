using ContentApi.Data;
using ContentApi.Http.Lists;
using Dapper;

namespace ContentApi.Articles.Revisions;

/// <summary>Reads the revisions of an article (migration 0031), of a deleted one too.</summary>
public sealed class ArticleRevisionStore(Db db, ListTotals totals)
{
    private const string SummarySelect = """
        SELECT r.article_id AS ArticleId, r.version AS Version, r.title AS Title, r.slug AS Slug, r.status AS Status,
               r.published_at AS PublishedAt, r.updated_at AS UpdatedAt, r.updated_by AS UpdatedBy, r.replaced_at AS ReplacedAt, r.deleted AS Deleted
        """;

    private const string FullSelect = """
        SELECT article_id AS ArticleId, version AS Version, slug AS Slug, title AS Title, subtitle AS Subtitle, excerpt AS Excerpt,
               body AS Body, language AS Language, status AS Status, published_at AS PublishedAt, earlier_published_at AS EarlierPublishedAt,
               cover_image_id AS CoverImageId, canonical_url AS CanonicalUrl, author_ids AS AuthorIds, tag_ids AS TagIds, image_ids AS ImageIds,
               created_at AS CreatedAt, updated_at AS UpdatedAt, created_by AS CreatedBy, updated_by AS UpdatedBy, replaced_at AS ReplacedAt, deleted AS Deleted
        FROM article_revisions
        """;

    /// <summary>Whether the article exists, or did and left revisions (a deleted one).</summary>
    private const string Known = "SELECT EXISTS (SELECT 1 FROM articles WHERE id = @Id) OR EXISTS (SELECT 1 FROM article_revisions WHERE article_id = @Id)";

    /// <summary>Newest first by default, as an editor compares the last change first.</summary>
    public static SortOptions<ArticleRevisionRow> Sorts { get; } = new([SortField<ArticleRevisionRow>.Count("version", "r.version", r => r.Version)], "-version");

    /// <summary>A page of the article's revisions, or null when no article has or had the id.</summary>
    public async Task<Page<ArticleRevisionRow>?> ListAsync(
        long id, SortOrder<ArticleRevisionRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Known, new { Id = id }, cancellationToken: cancellationToken)))
        {
            return null;
        }
        var parameters = new DynamicParameters();
        parameters.Add("Id", id);
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<ArticleRevisionRow>(
            SummarySelect, "FROM article_revisions r", ["r.article_id = @Id"], parameters, order, "r.version", r => r.Version, after, limit, page), cancellationToken);
    }

    public async Task<ArticleRevisionRow?> GetAsync(long id, long version, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ArticleRevisionRow>(new CommandDefinition(
            FullSelect + " WHERE article_id = @Id AND version = @Version", new { Id = id, Version = version }, cancellationToken: cancellationToken));
    }

    /// <summary>The newest revision of the article: of a deleted one, the version its delete stored.</summary>
    public static Task<ArticleRevisionRow?> LastAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ArticleRevisionRow>(new CommandDefinition(
            FullSelect + " WHERE article_id = @Id ORDER BY version DESC LIMIT 1", new { Id = id }, transaction, cancellationToken: cancellationToken));
}
