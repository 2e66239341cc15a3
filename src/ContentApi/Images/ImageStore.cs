using System.Data.Common;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.Http.Lists;
using ContentApi.Http.Writes;
using ContentApi.Search;
using Dapper;

namespace ContentApi.Images;

public sealed class ImageStore(Db db, ListTotals totals, TimeProvider clock, ILogger<ImageStore> logger)
{
    /// <summary>The image columns under their ImageRow names; Articles embeds images with the same list.</summary>
    internal const string Columns = $"""
        i.id AS Id, i.url AS Url, i.alt_text AS AltText, i.caption AS Caption, i.credit AS Credit, i.license AS License,
               i.width AS Width, i.height AS Height, i.mime_type AS MimeType, i.byte_size AS ByteSize,
               i.focal_x AS FocalX, i.focal_y AS FocalY,
               i.created_at AS CreatedAt, i.updated_at AS UpdatedAt, i.version AS Version, {SqliteDialect.RestoredAtColumn},
               i.created_by AS CreatedBy, i.updated_by AS UpdatedBy
        """;

    private const string Select = "SELECT " + Columns;

    private const string From = "FROM images i";

    private const string InsertSql = $"""
        INSERT INTO images (id, url, alt_text, caption, credit, license, width, height, mime_type, byte_size, focal_x, focal_y, search_key, created_at, updated_at, version, created_by, updated_by)
        VALUES ({SqliteDialect.NextImageId}, @Url, @AltText, @Caption, @Credit, @License, @Width, @Height, @MimeType, @ByteSize, @FocalX, @FocalY, @SearchKey, @Now, @Now, 1, @Editor, @Editor)
        RETURNING id
        """;

    private const string UpdateSql = """
        UPDATE images SET url = @Url, alt_text = @AltText, caption = @Caption, credit = @Credit, license = @License,
               width = @Width, height = @Height, mime_type = @MimeType, byte_size = @ByteSize, focal_x = @FocalX, focal_y = @FocalY,
               search_key = @SearchKey, updated_at = @Now, updated_by = @Editor, version = version + 1
        WHERE id = @Id
        """;

    private const string DeleteSql = "DELETE FROM images WHERE id = @Id";

    // Each use found through its own index: as one OR over the articles, every delete of an image (in use or not) read
    // the whole table inside its write, 0.3-0.7 s at 100,000 articles, every other write waiting.
    /// <summary>The ids of the articles that use image @Id, as their cover or in their imageIds.</summary>
    private const string ArticlesUsingImage =
        "SELECT c.id FROM articles c WHERE c.cover_image_id = @Id UNION SELECT x.article_id FROM article_images x WHERE x.image_id = @Id";

    private const string UsedByArticlesCountSql = $"SELECT COUNT(*) FROM ({ArticlesUsingImage})";

    internal const string UsedByArticlesSql = $"""
        SELECT a.id AS Id, a.slug AS Slug FROM articles a
        WHERE a.id IN ({ArticlesUsingImage})
        ORDER BY a.id LIMIT 20
        """;

    /// <summary>
    /// Images that published content shows: the cover or an inline image of an article anonymous callers see, or the
    /// avatar of an author they see (<see cref="Authors.AuthorStore.PubliclyShown"/>). Anonymous callers see only these,
    /// so an embargoed article's images, and its guest author's avatar, stay hidden with it. Each use's article is checked on ix_articles_visibility: read from the table, each check walked
    /// the article's body (0.76 s against 0.38 s to count 200,000 images at 100,000 articles).
    /// </summary>
    internal static readonly string PubliclyShown = $"""
        (EXISTS (SELECT 1 FROM articles c {SqliteDialect.IndexHint("ix_articles_cover")} {SqliteDialect.JoinLeftFirst} {SqliteDialect.ArticlesForVisibility} ON a.id = c.id
                 WHERE c.cover_image_id = i.id AND {Articles.ArticleQueries.PubliclyVisible})
         OR EXISTS (SELECT 1 FROM article_images x {SqliteDialect.JoinLeftFirst} {SqliteDialect.ArticlesForVisibility} ON a.id = x.article_id
                    WHERE x.image_id = i.id AND {Articles.ArticleQueries.PubliclyVisible})
         OR EXISTS (SELECT 1 FROM authors au WHERE au.avatar_image_id = i.id AND {Authors.AuthorStore.PubliclyShown}))
        """;

    /// <summary>
    /// How many images <see cref="PubliclyShown"/> holds, from the uses migration 0018 keeps: the images with a
    /// published use, plus the avatars of shown authors without one, less the images (not such avatars) whose every
    /// published use is by an article scheduled after @Now, found from the scheduled articles. Checking every image
    /// took 0.29 s at 200,456.
    /// </summary>
    internal static readonly string PubliclyShownTotal = $"""
        SELECT (SELECT count(*) FROM image_published_uses WHERE uses > 0)
             + (SELECT count(*) FROM (SELECT DISTINCT au.avatar_image_id AS id FROM authors au
                                      WHERE au.avatar_image_id IS NOT NULL AND {Authors.AuthorStore.PubliclyShown}) v
                WHERE NOT EXISTS (SELECT 1 FROM image_published_uses u WHERE u.image_id = v.id AND u.uses > 0))
             - (SELECT count(*) FROM (
                    SELECT s.image_id, count(*) AS scheduled FROM (
                        SELECT a.cover_image_id AS image_id FROM articles a {SqliteDialect.IndexHint("ix_articles_published")}
                        WHERE a.status = 'published' AND a.published_at > @Now AND a.cover_image_id IS NOT NULL
                        UNION ALL
                        SELECT x.image_id FROM articles a {SqliteDialect.IndexHint("ix_articles_published")} JOIN article_images x ON x.article_id = a.id
                        WHERE a.status = 'published' AND a.published_at > @Now) s
                    GROUP BY s.image_id) g
                JOIN image_published_uses u ON u.image_id = g.image_id
                WHERE u.uses = g.scheduled
                  AND NOT EXISTS (SELECT 1 FROM authors au WHERE au.avatar_image_id = g.image_id AND {Authors.AuthorStore.PubliclyShown}))
        """;


    private const string UsedByAuthorsSql = "SELECT id AS Id, slug AS Slug FROM authors WHERE avatar_image_id = @Id ORDER BY id LIMIT 20";

    public static SortOptions<ImageRow> Sorts { get; } = new(
    [
        new("createdAt", "i.created_at", r => r.CreatedAt),
        new("updatedAt", "i.updated_at", r => r.UpdatedAt),
    ], "-createdAt");

    public Task<ImageRow?> GetAsync(long id, CancellationToken cancellationToken) => GetAsync(id, publiclyShownOnly: false, cancellationToken);

    /// <param name="publiclyShownOnly">Only an image that published content shows (what anonymous callers may read).</param>
    public async Task<ImageRow?> GetAsync(long id, bool publiclyShownOnly, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return publiclyShownOnly
            ? await connection.QuerySingleOrDefaultAsync<ImageRow>(new CommandDefinition(
                $"{Select} {From} WHERE i.id = @Id AND {PubliclyShown}", new { Id = id, Now = Timestamps.ToDb(clock.GetUtcNow()) }, cancellationToken: cancellationToken))
            : await GetAsync(connection, null, id, cancellationToken);
    }

    /// <summary>The images with these ids, in one query; ids that do not exist are simply absent.</summary>
    public static async Task<IReadOnlyList<ImageRow>> GetManyAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        return (await connection.QueryAsync<ImageRow>(new CommandDefinition(
            $"{Select} {From} WHERE i.id IN @Ids", new { Ids = ids.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<Page<ImageRow>> ListAsync(ImageFilter filter, SortOrder<ImageRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = filter.PubliclyShownOnly ? ListTotals.ParametersVisibleAt(Timestamps.ToDb(clock.GetUtcNow())) : new DynamicParameters();
        if (filter.PubliclyShownOnly)
        {
            conditions.Add(PubliclyShown);
        }
        if (filter.MimeType is { } mimeType)
        {
            conditions.Add("i.mime_type = @MimeType");
            parameters.Add("MimeType", mimeType);
        }
        if (filter.Url is { } url)
        {
            conditions.Add("i.url = @Url");
            parameters.Add("Url", url);
        }
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        InstantRange.AddTo(conditions, parameters, "i.updated_at", "Updated", filter.UpdatedAfter, filter.UpdatedBefore);
        if (filter.Q is { } q)
        {
            conditions.Add(FoldedTextScan.Condition("i.search_key"));
            parameters.Add("Needle", FoldedTextScan.Needle(q));
        }
        var total = filter is { PubliclyShownOnly: true, MimeType: null, Url: null, Q: null, UpdatedAfter: null, UpdatedBefore: null } ? new KeysetPage.TotalQuery(PubliclyShownTotal) : null;
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<ImageRow>(
            Select, From, conditions, parameters, order, "i.id", r => r.Id, after, limit, page, TotalBy: total), cancellationToken);
    }

    public Task<WriteOutcome<ImageRow>> CreateAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        var editor = db.Editor;
        return db.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, request, cancellationToken, editor), cancellationToken);
    }

    /// <summary>The work of <see cref="CreateAsync"/>, for a write that decides in its own transaction whether to create (import).</summary>
    internal async Task<WriteOutcome<ImageRow>> InsertAsync(
        DbConnection connection, DbTransaction transaction, ImageRequest request, CancellationToken cancellationToken, string? editor = null)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            InsertSql, Parameters(request, 0, editor), transaction, cancellationToken: cancellationToken));
        return new WriteOutcome<ImageRow>.Saved((await GetAsync(connection, transaction, id, cancellationToken))!);
    }

    public async Task<WriteOutcome<ImageRow>> ReplaceAsync(long id, ImageRequest request, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var judged = await PlacingArticlesHtml.JudgeOnSnapshotAsync(db, id, request, preconditions, cancellationToken);
        var editor = db.Editor;
        return await db.WriteAsync<WriteOutcome<ImageRow>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, id, cancellationToken);
            if (preconditions.Refuse(current, out var refusal))
            {
                return refusal;
            }
            if (Restatement.ChangesNothing(current.ToRequest(), request))
            {
                return Restatement.AsItIs(current);
            }
            if (await PlacingArticlesHtml.RefusalAsync(connection, transaction, current, request, judged, cancellationToken) is { } tooLarge)
            {
                return tooLarge;
            }
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, Parameters(request, id, editor), transaction, cancellationToken: cancellationToken));
            if (request.Caption != current.Caption || request.Credit != current.Credit)
            {
                await SearchIndex.UpdateArticlesOfAsync(connection, transaction, SearchIndex.ArticlesOfImageSql, id, cancellationToken);
            }
            return new WriteOutcome<ImageRow>.Saved((await GetAsync(connection, transaction, id, cancellationToken))!);
        }, cancellationToken).ThenDrainAsync(db, logger);
    }

    public Task<WriteOutcome<ImageRow>> DeleteAsync(long id, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        db.WriteAsync<WriteOutcome<ImageRow>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, id, cancellationToken);
            if (preconditions.Refuse(current, out var refusal))
            {
                return refusal;
            }
            var articles = (await connection.QueryAsync<ArticleReference>(new CommandDefinition(UsedByArticlesSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
            var authors = (await connection.QueryAsync<AuthorReference>(new CommandDefinition(UsedByAuthorsSql, new { Id = id }, transaction, cancellationToken: cancellationToken))).AsList();
            if (articles.Count > 0 || authors.Count > 0)
            {
                var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(UsedByArticlesCountSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
                return InUse.Conflict<ImageRow>("image", articles, total, authors);
            }
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await DeletionLog.RecordDeletedAsync(connection, transaction, DeletionType.Image, id, null, Timestamps.ServerNow(clock), cancellationToken);
            return new WriteOutcome<ImageRow>.Deleted();
        }, cancellationToken);

    private static async Task<ImageRow?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ImageRow>(new CommandDefinition(
            $"{Select} {From} WHERE i.id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    private object Parameters(ImageRequest request, long id, string? editor) => new
    {
        Editor = editor,
        Id = id,
        request.Url,
        request.AltText,
        request.Caption,
        request.Credit,
        request.License,
        request.Width,
        request.Height,
        request.MimeType,
        request.ByteSize,
        FocalX = request.FocalPoint?.X,
        FocalY = request.FocalPoint?.Y,
        SearchKey = FoldedKeys.ImageKey(request.AltText, request.Caption, request.Credit),
        Now = Timestamps.ToDb(Timestamps.ServerNow(clock)),
    };
}

/// <summary>Filters of the image list.</summary>
/// <param name="Q">Only images whose alt text, caption or credit holds this text (<see cref="FoldedTextScan"/>).</param>
/// <param name="PubliclyShownOnly">Only images that published content shows (anonymous callers).</param>
public sealed record ImageFilter(string? MimeType, string? Url, string? Q, bool PubliclyShownOnly, DateTimeOffset? UpdatedAfter = null, DateTimeOffset? UpdatedBefore = null);
