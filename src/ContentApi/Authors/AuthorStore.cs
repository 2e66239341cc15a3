using System.Data.Common;
using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.Search;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Authors;

public sealed class AuthorStore(Db db, ListTotals totals, TimeProvider clock, ILogger<AuthorStore> logger)
{
    internal static readonly string Select = SelectWith(SqliteDialect.VisiblePublishedArticleCount("author", "au.id"));

    internal static readonly string PageSelect =
        SqliteDialect.ScheduledArticlesBy("author") + SelectWith(SqliteDialect.PageVisiblePublishedArticleCount("author", "au.id"));

    private const string From = "FROM authors au";

    private const string ById = "au.id = @Key";

    /// <summary>The author an earlier slug (@Key) leads to (<see cref="SlugAliases"/>); its own slug differs, so a read by slug answers 301.</summary>
    private static readonly string EarlierSlug = $"au.id IN ({SlugAliases.OwnerOfSql(SluggedTable.Authors)})";

    /// <summary>
    /// Authors that published content credits: an author of an article anonymous callers see. Anonymous callers see
    /// only these, so a guest author of an embargoed article stays hidden with it.
    /// </summary>
    internal static readonly string PubliclyShown = SqliteDialect.UsedByVisibleArticle("author", "au.id");

    private const string InsertSql = $"""
        INSERT INTO authors (id, slug, name, bio, avatar_image_id, website, email, search_key, created_at, updated_at, version, created_by, updated_by)
        VALUES ({SqliteDialect.NextAuthorId}, @Slug, @Name, @Bio, @AvatarImageId, @Website, @Email, @SearchKey, @Now, @Now, 1, @Editor, @Editor)
        RETURNING id
        """;

    private const string UpdateSql = """
        UPDATE authors SET slug = @Slug, name = @Name, bio = @Bio, avatar_image_id = @AvatarImageId, website = @Website, email = @Email,
               search_key = @SearchKey, updated_at = @Now, updated_by = @Editor, version = version + 1
        WHERE id = @Id
        """;

    private const string DeleteSql = "DELETE FROM authors WHERE id = @Id";

    private const string ImageExistsSql = "SELECT EXISTS (SELECT 1 FROM images WHERE id = @Id)";

    public static SortOptions<AuthorRow> Sorts { get; } = new(
    [
        new("name", "au.name", r => r.Name),
        new("slug", "au.slug", r => r.Slug),
        new("createdAt", "au.created_at", r => r.CreatedAt),
        new("updatedAt", "au.updated_at", r => r.UpdatedAt),
        SortField<AuthorRow>.Count("publishedArticleCount", SqliteDialect.PageVisiblePublishedArticleCount("author", "au.id"), r => r.PublishedArticleCount),
    ], "name");

    public Task<AuthorRow?> GetAsync(long id, CancellationToken cancellationToken) => GetAsync(id, publiclyShownOnly: false, cancellationToken);

    /// <param name="publiclyShownOnly">Only an author that published content credits (anonymous callers).</param>
    public async Task<AuthorRow?> GetAsync(long id, bool publiclyShownOnly, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await GetAsync(connection, null, AndPubliclyShown(ById, publiclyShownOnly), id, cancellationToken);
    }

    /// <summary>The author whose slug this is in any spelling a lookup takes, else the one it was the slug of.</summary>
    /// <param name="publiclyShownOnly">Only an author that published content credits (anonymous callers).</param>
    public async Task<AuthorRow?> GetBySlugAsync(string slug, bool publiclyShownOnly, CancellationToken cancellationToken)
    {
        var condition = AndPubliclyShown("au.slug = @Key", publiclyShownOnly);
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await Slugs.FindBySpellingAsync(Slugs.Spellings(slug), spelling => GetAsync(connection, null, condition, spelling, cancellationToken))
            ?? await Slugs.FindBySpellingAsync(Slugs.Spellings(slug), spelling => GetAsync(connection, null, AndPubliclyShown(EarlierSlug, publiclyShownOnly), spelling, cancellationToken));
    }

    public async Task<Page<AuthorRow>> ListAsync(AuthorFilter filter, SortOrder<AuthorRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        var (conditions, parameters) = await NamedListConditions.OfAsync(connection, filter, SluggedTable.Authors, "authors", "au", PubliclyShown, Now(), cancellationToken);
        var result = await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<AuthorRow>(
            PageSelect, From, conditions, parameters, order, "au.id", r => r.Id, after, limit, page), cancellationToken);
        return result with { Rows = await WithAvatarsAsync(connection, null, result.Rows, cancellationToken) };
    }

    public Task<WriteOutcome<AuthorRow>> CreateAsync(AuthorRequest request, CancellationToken cancellationToken)
    {
        var editor = db.Editor;
        return db.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, request, cancellationToken, editor), cancellationToken);
    }

    /// <summary>The work of <see cref="CreateAsync"/>, for a write that decides in its own transaction whether to create (import).</summary>
    internal async Task<WriteOutcome<AuthorRow>> InsertAsync(
        DbConnection connection, DbTransaction transaction, AuthorRequest request, CancellationToken cancellationToken, string? editor = null)
    {
        if (await MissingAvatarAsync(connection, transaction, request.AvatarImageId, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var (row, chosen, slugTaken) = await RowAsync(connection, transaction, request, request.Slug, null, editor, cancellationToken);
        if (slugTaken is not null)
        {
            return slugTaken;
        }
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, row, transaction, cancellationToken: cancellationToken));
        await SlugAliases.MoveAsync(connection, transaction, SluggedTable.Authors, id, null, chosen, cancellationToken);
        return new WriteOutcome<AuthorRow>.Saved((await GetAsync(connection, transaction, ById, id, cancellationToken))!);
    }

    public Task<WriteOutcome<AuthorRow>> ReplaceAsync(long id, AuthorRequest request, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var editor = db.Editor;
        return db.WriteAsync<WriteOutcome<AuthorRow>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, ById, id, cancellationToken);
            if (preconditions.Refuse(current, out var refusal))
            {
                return refusal;
            }
            if (Restatement.ChangesNothing(current.ToRequest(), request with { Slug = request.Slug ?? current.Slug }))
            {
                return Restatement.AsItIs(current);
            }
            if (await MissingAvatarAsync(connection, transaction, request.AvatarImageId, cancellationToken) is { } invalid)
            {
                return invalid;
            }
            var (row, chosen, slugTaken) = await RowAsync(connection, transaction, request, request.Slug ?? current.Slug, id, editor, cancellationToken);
            if (slugTaken is not null)
            {
                return slugTaken;
            }
            var visibleAt = Now();
            var avatarShown = request.AvatarImageId != current.AvatarImageId
                ? await WithdrawnRelations.AvatarBeforeAsync(connection, transaction, id, visibleAt, cancellationToken) : [];
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, row, transaction, cancellationToken: cancellationToken));
            await SlugAliases.MoveAsync(connection, transaction, SluggedTable.Authors, id, current.Slug, chosen, cancellationToken);
            await WithdrawnRelations.RecordAsync(connection, transaction, avatarShown, visibleAt, Timestamps.ServerNow(clock), cancellationToken);
            if (request.Name != current.Name)
            {
                await SearchIndex.UpdateArticlesOfAsync(connection, transaction, SearchIndex.ArticlesOfAuthorSql, id, cancellationToken);
            }
            return new WriteOutcome<AuthorRow>.Saved((await GetAsync(connection, transaction, ById, id, cancellationToken))!);
        }, cancellationToken).ThenDrainAsync(db, logger);
    }

    public Task<WriteOutcome<AuthorRow>> DeleteAsync(long id, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        db.WriteAsync<WriteOutcome<AuthorRow>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, ById, id, cancellationToken);
            if (preconditions.Refuse(current, out var refusal))
            {
                return refusal;
            }
            if (await ArticleLinks.Authors.RefuseDeleteAsync<AuthorRow>(connection, transaction, id, cancellationToken) is { } inUse)
            {
                return inUse;
            }
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await DeletionLog.RecordDeletedAsync(connection, transaction, DeletionType.Author, id, current.Slug, Timestamps.ServerNow(clock), cancellationToken);
            return new WriteOutcome<AuthorRow>.Deleted();
        }, cancellationToken);

    private async Task<AuthorRow?> GetAsync(DbConnection connection, DbTransaction? transaction, string condition, object key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AuthorRow>(new CommandDefinition(
            $"{Select} {From} WHERE {condition}", new { Key = key, Now = Now() }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : (await WithAvatarsAsync(connection, transaction, [row], cancellationToken))[0];
    }

    private static async Task<IReadOnlyList<AuthorRow>> WithAvatarsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<AuthorRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.AvatarImageId).OfType<long>().ToList();
        var avatars = (await ImageStore.GetManyAsync(connection, transaction, ids, cancellationToken)).ToDictionary(i => i.Id);
        return [.. rows.Select(r => r.AvatarImageId is { } id && avatars.TryGetValue(id, out var avatar) ? r with { Avatar = avatar } : r)];
    }

    private static async Task<WriteOutcome<AuthorRow>.Invalid?> MissingAvatarAsync(DbConnection connection, DbTransaction transaction, long? imageId, CancellationToken cancellationToken)
    {
        if (imageId is not { } id || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ImageExistsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)))
        {
            return null;
        }
        return new(new Dictionary<string, string[]> { ["avatarImageId"] = [$"There is no image with id {id}."] });
    }

    /// <summary>
    /// The parameters of <see cref="InsertSql"/> or <see cref="UpdateSql"/> (<paramref name="id"/> null for a new author):
    /// the request's fields and search key under <paramref name="slug"/>, else a slug derived from the name; or, when
    /// another author holds the slug asked for, the conflict, and nothing to write.
    /// </summary>
    private async Task<(object? Row, SlugChoice Chosen, WriteOutcome<AuthorRow>.Conflict? SlugTaken)> RowAsync(
        DbConnection connection, DbTransaction transaction, AuthorRequest request, string? slug, long? id, string? editor, CancellationToken cancellationToken)
    {
        var chosen = await SlugAllocator.ChooseAsync(connection, transaction, SluggedTable.Authors, slug, request.Name, "author", id, cancellationToken);
        if (chosen.TakenBy is { } holder)
        {
            return (null, chosen, SlugTaken(request.Slug!, holder));
        }
        return (new
        {
            Editor = editor,
            Id = id,
            Slug = chosen.Slug,
            request.Name,
            request.Bio,
            request.AvatarImageId,
            request.Website,
            request.Email,
            SearchKey = FoldedKeys.AuthorKey(request.Name, chosen.Slug!),
            Now = Timestamps.ToDb(Timestamps.ServerNow(clock)),
        }, chosen, null);
    }

    /// <summary><paramref name="condition"/>, and <see cref="PubliclyShown"/> too when <paramref name="publiclyShownOnly"/>.</summary>
    private static string AndPubliclyShown(string condition, bool publiclyShownOnly) => publiclyShownOnly ? $"{condition} AND {PubliclyShown}" : condition;

    private static string SelectWith(string publishedArticleCount) => $"""
        SELECT au.id AS Id, au.slug AS Slug, au.name AS Name, au.bio AS Bio, au.avatar_image_id AS AvatarImageId,
               au.website AS Website, au.email AS Email,
               {publishedArticleCount} AS PublishedArticleCount,
               au.created_at AS CreatedAt, au.updated_at AS UpdatedAt, au.version AS Version,
               au.created_by AS CreatedBy, au.updated_by AS UpdatedBy
        """;

    private string Now() => Timestamps.ToDb(clock.GetUtcNow());

    private static WriteOutcome<AuthorRow>.Conflict SlugTaken(string slug, long holder) =>
        FieldConflict.Of<AuthorRow>(ProblemCodes.SlugTaken, "slug", $"The slug '{slug}' is already used by author {holder}.", holder);
}

/// <summary>Filters of the author list.</summary>
/// <param name="PubliclyShownOnly">Only authors that published content credits (anonymous callers).</param>
public sealed record AuthorFilter(IReadOnlyList<string>? Slugs, string? Q, bool PubliclyShownOnly, DateTimeOffset? UpdatedAfter = null, DateTimeOffset? UpdatedBefore = null) : INamedListFilter;
