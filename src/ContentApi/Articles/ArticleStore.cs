using System.Data.Common;
using ContentApi.Articles.Revisions;
using ContentApi.Data;
using ContentApi.Http.Lists;
using ContentApi.Text;
using ContentApi.Images;
using ContentApi.Search;
using Dapper;
using Microsoft.Extensions.Options;

namespace ContentApi.Articles;

/// <summary>
/// The articles' queries: here the reads, each from one snapshot; create, replace and delete in ArticleStore.Writes.cs,
/// and what those writes check and prepare in the other ArticleStore.*.cs files.
/// </summary>
public sealed partial class ArticleStore(Db db, ListTotals totals, TimeProvider clock, IOptions<RevisionOptions> revisions)
{
    private static readonly SortField<ArticleRow>[] SortFields =
    [
        new("publishedAt", "a.published_at", r => r.PublishedAt),
        new("createdAt", "a.created_at", r => r.CreatedAt),
        new("updatedAt", "a.updated_at", r => r.UpdatedAt),
        new("title", "a.title", r => r.Title),
        new("slug", "a.slug", r => r.Slug),
    ];

    /// <summary>Sorts of anonymous lists, where every article has a publishedAt; newest first by default.</summary>
    public static SortOptions<ArticleRow> PublicSorts { get; } = new(SortFields, "-publishedAt");

    /// <summary>
    /// Key holders also see drafts, whose publishedAt is null: sorting on publishedAt puts them by creation
    /// time instead, which keeps the keyset order total (no NULLs in the cursor comparison).
    /// </summary>
    public static SortOptions<ArticleRow> PrivateSorts { get; } = new(
        [new("publishedAt", "coalesce(a.published_at, a.created_at)", r => r.PublishedAt ?? r.CreatedAt), .. SortFields[1..]], "-publishedAt");

    public async Task<ArticleAggregate?> GetAsync(long id, bool includeUnpublished, CancellationToken cancellationToken, ArticleEmbeds embeds = ArticleEmbeds.All)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await GetAsync(connection, null, "a.id = @Key", id, includeUnpublished, cancellationToken, embeds);
    }

    public async Task<ArticleAggregate?> GetBySlugAsync(string slug, bool includeUnpublished, CancellationToken cancellationToken, ArticleEmbeds embeds = ArticleEmbeds.All)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        return await Slugs.FindBySpellingAsync(Slugs.WrittenSpellings(slug), spelling => GetAsync(connection, null, "a.slug = @Key", spelling, includeUnpublished, cancellationToken, embeds));
    }

    /// <summary>
    /// The article whose slug this is; else, when it is an earlier slug of one the caller may see, or another spelling
    /// of a slug (<see cref="Slugs.ForLookup"/>), the slug that article has now: one URL per article for caches.
    /// </summary>
    /// <param name="orUnpointed">
    /// Then also its <see cref="Slugs.Unpointed"/> spelling, as a reader's URL is read: a pointed title copied into one
    /// (שָׁלוֹם) leads to the slug derived from it (שלום). Not for a slug a file gives, which is that slug.
    /// </param>
    /// <param name="loadMoved">Also read the article a moved slug leads to, from the same snapshot (else its Article is null).</param>
    public async Task<(ArticleAggregate? Article, string? MovedTo)> GetBySlugOrMovedAsync(
        string slug, bool includeUnpublished, CancellationToken cancellationToken, ArticleEmbeds embeds = ArticleEmbeds.All, bool orUnpointed = false,
        bool loadMoved = false)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        if (await GetAsync(connection, null, "a.slug = @Key", slug, includeUnpublished, cancellationToken, embeds) is { } exact)
        {
            return (exact, null);
        }
        var visibility = includeUnpublished ? "" : " AND " + ArticleQueries.PubliclyVisible;
        var stored = Slugs.ForLookup(slug);
        // Each spelling as a slug, then as an earlier slug, before the next.
        foreach (var spelling in orUnpointed ? new[] { stored, Slugs.Unpointed(slug) }.Distinct(StringComparer.Ordinal) : [stored])
        {
            if (spelling != slug && await GetAsync(connection, null, "a.slug = @Key", spelling, includeUnpublished, cancellationToken, embeds) is { } respelled)
            {
                return (loadMoved ? respelled : null, spelling);
            }
            if (await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                ArticleQueries.SlugOfAlias + visibility, new { Key = spelling, Now = Now() }, cancellationToken: cancellationToken)) is { } current)
            {
                return (loadMoved ? await GetAsync(connection, null, "a.slug = @Key", current, includeUnpublished, cancellationToken, embeds) : null, current);
            }
        }
        return (null, null);
    }

    public async Task<(IReadOnlyList<ArticleAggregate> Items, string? NextCursor, long Total)> ListAsync(
        ArticleFilter filter, SortOrder<ArticleRow> order, Cursor? after, int limit, int? page, ArticleEmbeds embeds, long bodyBytes, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        var now = Now();
        if (filter.Slugs is { } slugs)
        {
            filter = filter with { Slugs = await Slugs.ListSpellingsAsync(slugs, async spellings => await connection.QueryAsync<string>(
                new CommandDefinition(ArticleQueries.StoredSlugs, new { Slugs = spellings }, cancellationToken: cancellationToken))) };
        }
        var few = await ArticleFilters.WithFewArticlesAsync(connection, filter, now, ArticleFilters.FewArticles, cancellationToken);
        var (conditions, parameters) = ArticleFilters.ToSql(filter, now, few);
        var result = await KeysetPage.RunAsync(connection, totals, new KeysetPage.Query<ArticleRow>(
            ArticleQueries.Select, ArticleFilters.From(filter), conditions, parameters, order, "a.id", r => r.Id, after, limit, page,
            ArticleQueries.BodyBudget(bodyBytes), ArticleFilters.TotalQuery(filter, now, few)), cancellationToken);
        var items = await EmbedAsync(connection, null, result.Rows, embeds, cancellationToken);
        return (items, result.NextCursor, result.Total);
    }

    /// <summary>
    /// A page of articles matching <paramref name="match"/> in the order of <paramref name="sort"/>, with the list's
    /// filters and visibility; their total; and whether hits follow the page in its order (under a date sort one more is
    /// read to know: after a cursor the page's position, and so what the total leaves, is unknown).
    /// </summary>
    /// <param name="bodyBytes">At most this many bytes of bodies in the page (see <see cref="PageBudget"/>); a page ended early for it has <c>More</c>.</param>
    public async Task<(IReadOnlyList<ArticleAggregate> Items, long Total, bool More)> SearchAsync(
        string match, ArticleFilter filter, SearchSort sort, Cursor? after, int offset, int limit, ArticleEmbeds embeds, long bodyBytes, CancellationToken cancellationToken)
    {
        // The match is the search's own condition; the filter's "id IN (matches)" form would run it twice.
        var (conditions, parameters) = ArticleFilters.ToSql(filter with { FullTextMatch = null }, Now());
        conditions.Insert(0, SqliteDialect.SearchCondition);
        parameters.Add("Match", match);
        parameters.Add("Take", sort.ByDate is null ? limit : limit + 1);
        parameters.Add("Offset", offset);
        var where = " WHERE " + string.Join(" AND ", conditions);
        var (pageWhere, pageParameters) = (where, parameters);
        if (after is not null && sort.ByDate is { } byDate)
        {
            // Under a date sort a cursor names the last hit shown; the total stays that of every hit (and keeps its key).
            pageWhere += " AND " + byDate.After("a.id");
            pageParameters = new DynamicParameters(parameters);
            pageParameters.Add("CursorValue", after.Value);
            pageParameters.Add("CursorId", after.Id);
        }
        await using var connection = await db.OpenSnapshotAsync(cancellationToken);
        // Order ids first, then load the page's rows: sorting whole rows would drag every matching body through the sorter.
        var candidates = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT a.id {SqliteDialect.SearchFrom}{pageWhere} ORDER BY {sort.OrderBy} LIMIT @Take OFFSET @Offset",
            pageParameters, cancellationToken: cancellationToken))).AsList();
        var more = candidates.Count > limit;
        if (more)
        {
            candidates.RemoveAt(limit);
        }
        var ids = await ArticleQueries.BodyBudget(bodyBytes).KeepAsync(connection, candidates, limit, cancellationToken);
        var byId = (await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            $"{ArticleQueries.Select} {ArticleQueries.From} WHERE a.id IN @Ids", new { Ids = ids }, cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var total = await totals.CountAsync(connection, $"SELECT count(*) {SqliteDialect.SearchFrom}{where}", parameters, cancellationToken);
        return (await EmbedAsync(connection, null, rows, embeds, cancellationToken), total, more || ids.Count < candidates.Count);
    }

    private async Task<ArticleAggregate?> GetAsync(
        DbConnection connection, DbTransaction? transaction, string condition, object key, bool includeUnpublished, CancellationToken cancellationToken,
        ArticleEmbeds embeds = ArticleEmbeds.All)
    {
        var visibility = includeUnpublished ? "" : " AND " + ArticleQueries.PubliclyVisible;
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition(
            $"{ArticleQueries.Select} {ArticleQueries.From} WHERE {condition}{visibility}", new { Key = key, Now = Now() }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : (await EmbedAsync(connection, transaction, [row], embeds, cancellationToken))[0];
    }

    /// <summary>Loads the asked-for embeds of a whole page in at most three statements, whatever its size (no N+1).</summary>
    private static async Task<IReadOnlyList<ArticleAggregate>> EmbedAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<ArticleRow> rows, ArticleEmbeds embeds, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = new { Ids = rows.Select(r => r.Id).ToArray() };
        var authors = embeds.HasFlag(ArticleEmbeds.Authors)
            ? (await QueryAuthorsAsync(connection, transaction, ArticleQueries.AuthorsOf, ids, cancellationToken)).ToLookup(a => a.ArticleId)
            : Array.Empty<ArticleAuthorRow>().ToLookup(a => a.ArticleId);
        var tags = embeds.HasFlag(ArticleEmbeds.Tags)
            ? (await connection.QueryAsync<ArticleTagRow>(new CommandDefinition(ArticleQueries.TagsOf, ids, transaction, cancellationToken: cancellationToken))).ToLookup(t => t.ArticleId)
            : Array.Empty<ArticleTagRow>().ToLookup(t => t.ArticleId);
        var images = (embeds & (ArticleEmbeds.CoverImage | ArticleEmbeds.Images)) != 0
            ? (await connection.QueryAsync<ArticleImageLink, ImageRow, ArticleImageRow>(
                new CommandDefinition(ArticleQueries.ImagesOf, ids, transaction, cancellationToken: cancellationToken),
                (link, image) => new ArticleImageRow(link.ArticleId, link.Position, image), splitOn: "Id")).ToLookup(i => i.ArticleId)
            : Array.Empty<ArticleImageRow>().ToLookup(i => i.ArticleId);
        return [.. rows.Select(row => new ArticleAggregate(
            row,
            [.. authors[row.Id]],
            [.. tags[row.Id]],
            images[row.Id].FirstOrDefault(i => i.Position < 0),
            [.. images[row.Id].Where(i => i.Position >= 0)]))];
    }

    /// <summary>Authors with their avatars, which the same statement reads after them (no statement per author).</summary>
    private static Task<IEnumerable<ArticleAuthorRow>> QueryAuthorsAsync(
        DbConnection connection, DbTransaction? transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.QueryAsync<ArticleAuthorRow, ImageRow?, ArticleAuthorRow>(
            new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken),
            (author, avatar) => author with { Avatar = avatar }, splitOn: "Id");

    private string Now() => Timestamps.ToDb(clock.GetUtcNow());
}
