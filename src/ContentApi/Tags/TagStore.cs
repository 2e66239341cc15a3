using System.Data.Common;
using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Writes;
using ContentApi.Search;
using ContentApi.Text;
using Dapper;

namespace ContentApi.Tags;

public sealed class TagStore(Db db, ListTotals totals, TimeProvider clock, ILogger<TagStore> logger)
{
    internal static readonly string Select = SelectWith(SqliteDialect.VisiblePublishedArticleCount("tag", "t.id"));

    internal static readonly string PageSelect =
        SqliteDialect.ScheduledArticlesBy("tag") + SelectWith(SqliteDialect.PageVisiblePublishedArticleCount("tag", "t.id"));

    private const string From = "FROM tags t";

    private const string ById = "t.id = @Key";

    /// <summary>The tag an earlier slug (@Key) leads to (<see cref="SlugAliases"/>); its own slug differs, so a read by slug answers 301.</summary>
    private static readonly string EarlierSlug = $"t.id IN ({SlugAliases.OwnerOfSql(SluggedTable.Tags)})";

    /// <summary>
    /// Tags that published content carries: a tag of an article anonymous callers see. Anonymous callers see only
    /// these, so a tag made for an embargoed article stays hidden with it.
    /// </summary>
    internal static readonly string PubliclyShown = SqliteDialect.UsedByVisibleArticle("tag", "t.id");

    private const string InsertSql = $"""
        INSERT INTO tags (id, slug, name, description, name_key, search_key, created_at, updated_at, version, created_by, updated_by)
        VALUES ({SqliteDialect.NextTagId}, @Slug, @Name, @Description, @NameKey, @SearchKey, @Now, @Now, 1, @Editor, @Editor)
        RETURNING id
        """;

    private const string UpdateSql = """
        UPDATE tags SET slug = @Slug, name = @Name, description = @Description, name_key = @NameKey, search_key = @SearchKey,
               updated_at = @Now, updated_by = @Editor, version = version + 1
        WHERE id = @Id
        """;

    private const string DeleteSql = "DELETE FROM tags WHERE id = @Id";

    public static SortOptions<TagRow> Sorts { get; } = new(
    [
        new("name", "t.name", r => r.Name),
        new("slug", "t.slug", r => r.Slug),
        new("createdAt", "t.created_at", r => r.CreatedAt),
        new("updatedAt", "t.updated_at", r => r.UpdatedAt),
        SortField<TagRow>.Count("publishedArticleCount", SqliteDialect.PageVisiblePublishedArticleCount("tag", "t.id"), r => r.PublishedArticleCount),
    ], "name");

    public Task<TagRow?> GetAsync(long id, CancellationToken cancellationToken) => GetAsync(id, publiclyShownOnly: false, cancellationToken);

    /// <param name="publiclyShownOnly">Only a tag that published content carries (anonymous callers).</param>
    public async Task<TagRow?> GetAsync(long id, bool publiclyShownOnly, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await GetAsync(connection, null, AndPubliclyShown(ById, publiclyShownOnly), id, cancellationToken);
    }

    /// <summary>The tag whose slug this is in any spelling a lookup takes, else the one it was the slug of.</summary>
    /// <param name="publiclyShownOnly">Only a tag that published content carries (anonymous callers).</param>
    public async Task<TagRow?> GetBySlugAsync(string slug, bool publiclyShownOnly, CancellationToken cancellationToken)
    {
        var condition = AndPubliclyShown("t.slug = @Key", publiclyShownOnly);
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await Slugs.FindBySpellingAsync(Slugs.Spellings(slug), spelling => GetAsync(connection, null, condition, spelling, cancellationToken))
            ?? await Slugs.FindBySpellingAsync(Slugs.Spellings(slug), spelling => GetAsync(connection, null, AndPubliclyShown(EarlierSlug, publiclyShownOnly), spelling, cancellationToken));
    }

    public async Task<Page<TagRow>> ListAsync(TagFilter filter, SortOrder<TagRow> order, Cursor? after, int limit, int? page, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        var (conditions, parameters) = await NamedListConditions.OfAsync(connection, filter, SluggedTable.Tags, "tags", "t", PubliclyShown, Now(), cancellationToken);
        if (filter.Ids is { Count: > 0 } ids)
        {
            conditions.Add("t.id IN @Ids");
            parameters.Add("Ids", ids);
        }
        return await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<TagRow>(
            PageSelect, From, conditions, parameters, order, "t.id", r => r.Id, after, limit, page), cancellationToken);
    }

    public Task<WriteOutcome<TagRow>> CreateAsync(TagRequest request, CancellationToken cancellationToken)
    {
        var editor = db.Editor;
        return db.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, request, cancellationToken, editor), cancellationToken);
    }

    /// <summary>The work of <see cref="CreateAsync"/>, for a write that decides in its own transaction whether to create (import).</summary>
    internal async Task<WriteOutcome<TagRow>> InsertAsync(
        DbConnection connection, DbTransaction transaction, TagRequest request, CancellationToken cancellationToken, string? editor = null)
    {
        if (await TagNames.FindAsync(connection, transaction, request.Name, null, cancellationToken) is { } named)
        {
            return NameTaken(named);
        }
        var (row, chosen, slugTaken) = await RowAsync(connection, transaction, request, request.Slug, null, editor, cancellationToken);
        if (slugTaken is not null)
        {
            return slugTaken;
        }
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, row, transaction, cancellationToken: cancellationToken));
        await SlugAliases.MoveAsync(connection, transaction, SluggedTable.Tags, id, null, chosen, cancellationToken);
        return new WriteOutcome<TagRow>.Saved((await GetAsync(connection, transaction, ById, id, cancellationToken))!);
    }

    public Task<WriteOutcome<TagRow>> ReplaceAsync(long id, TagRequest request, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var editor = db.Editor;
        return db.WriteAsync<WriteOutcome<TagRow>>(async (connection, transaction) =>
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
            // Only a new name is checked: a tag that shares its name with another from before this rule can still be edited.
            if (!TagNames.AreSame(request.Name, current.Name)
                && await TagNames.FindAsync(connection, transaction, request.Name, id, cancellationToken) is { } named)
            {
                return NameTaken(named);
            }
            var (row, chosen, slugTaken) = await RowAsync(connection, transaction, request, request.Slug ?? current.Slug, id, editor, cancellationToken);
            if (slugTaken is not null)
            {
                return slugTaken;
            }
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, row, transaction, cancellationToken: cancellationToken));
            await SlugAliases.MoveAsync(connection, transaction, SluggedTable.Tags, id, current.Slug, chosen, cancellationToken);
            if (request.Name != current.Name)
            {
                await SearchIndex.UpdateArticlesOfAsync(connection, transaction, SearchIndex.ArticlesOfTagSql, id, cancellationToken);
            }
            return new WriteOutcome<TagRow>.Saved((await GetAsync(connection, transaction, ById, id, cancellationToken))!);
        }, cancellationToken).ThenDrainAsync(db, logger);
    }

    public Task<WriteOutcome<TagRow>> DeleteAsync(long id, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        db.WriteAsync<WriteOutcome<TagRow>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, ById, id, cancellationToken);
            if (preconditions.Refuse(current, out var refusal))
            {
                return refusal;
            }
            if (await ArticleLinks.Tags.RefuseDeleteAsync<TagRow>(connection, transaction, id, cancellationToken) is { } inUse)
            {
                return inUse;
            }
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await DeletionLog.RecordDeletedAsync(connection, transaction, DeletionType.Tag, id, current.Slug, Timestamps.ServerNow(clock), cancellationToken);
            return new WriteOutcome<TagRow>.Deleted();
        }, cancellationToken);

    private async Task<TagRow?> GetAsync(DbConnection connection, DbTransaction? transaction, string condition, object key, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<TagRow>(new CommandDefinition(
            $"{Select} {From} WHERE {condition}", new { Key = key, Now = Now() }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The parameters of <see cref="InsertSql"/> or <see cref="UpdateSql"/> (<paramref name="id"/> null for a new tag):
    /// the request's texts and folded keys under <paramref name="slug"/>, else a slug derived from the name; or, when
    /// another tag holds the slug asked for, the conflict, and nothing to write.
    /// </summary>
    private async Task<(object? Row, SlugChoice Chosen, WriteOutcome<TagRow>.Conflict? SlugTaken)> RowAsync(
        DbConnection connection, DbTransaction transaction, TagRequest request, string? slug, long? id, string? editor, CancellationToken cancellationToken)
    {
        var chosen = await SlugAllocator.ChooseAsync(connection, transaction, SluggedTable.Tags, slug, request.Name, "tag", id, cancellationToken);
        if (chosen.TakenBy is { } holder)
        {
            return (null, chosen, SlugTaken(request.Slug!, holder));
        }
        var (nameKey, searchKey) = FoldedKeys.TagKeys(request.Name, chosen.Slug!);
        return (new
        {
            Editor = editor,
            Id = id,
            Slug = chosen.Slug,
            request.Name,
            request.Description,
            NameKey = nameKey,
            SearchKey = searchKey,
            Now = Timestamps.ToDb(Timestamps.ServerNow(clock)),
        }, chosen, null);
    }

    /// <summary><paramref name="condition"/>, and <see cref="PubliclyShown"/> too when <paramref name="publiclyShownOnly"/>.</summary>
    private static string AndPubliclyShown(string condition, bool publiclyShownOnly) => publiclyShownOnly ? $"{condition} AND {PubliclyShown}" : condition;

    private static string SelectWith(string publishedArticleCount) => $"""
        SELECT t.id AS Id, t.slug AS Slug, t.name AS Name, t.description AS Description,
               {publishedArticleCount} AS PublishedArticleCount,
               t.created_at AS CreatedAt, t.updated_at AS UpdatedAt, t.version AS Version,
               t.created_by AS CreatedBy, t.updated_by AS UpdatedBy
        """;

    private string Now() => Timestamps.ToDb(clock.GetUtcNow());

    private static WriteOutcome<TagRow>.Conflict NameTaken(NamedTag holder) =>
        FieldConflict.Of<TagRow>(ProblemCodes.NameTaken, "name",
            $"The name is already that of tag {holder.Id}, '{Echoed.Cut(holder.Name)}' (tag names are compared in Unicode NFKC, ignoring case and format characters).", holder.Id);

    private static WriteOutcome<TagRow>.Conflict SlugTaken(string slug, long holder) =>
        FieldConflict.Of<TagRow>(ProblemCodes.SlugTaken, "slug", $"The slug '{slug}' is already used by tag {holder}.", holder);
}

/// <summary>Filters of the tag list.</summary>
/// <param name="Q">Only tags whose name or slug holds this text (<see cref="FoldedTextScan"/>).</param>
/// <param name="PubliclyShownOnly">Only tags that published content carries (anonymous callers).</param>
public sealed record TagFilter(IReadOnlyList<string>? Slugs, IReadOnlyList<long>? Ids, string? Q, bool PubliclyShownOnly, DateTimeOffset? UpdatedAfter = null, DateTimeOffset? UpdatedBefore = null) : INamedListFilter;
