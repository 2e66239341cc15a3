using System.Data.Common;
using ContentApi.Articles.Revisions;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Writes;
using ContentApi.Text;
using ContentApi.Images;
using ContentApi.Search;
using Dapper;
using Microsoft.Extensions.Options;

namespace ContentApi.Articles;

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

    public async Task<WriteOutcome<ArticleAggregate>> CreateAsync(ArticleRequest given, CancellationToken cancellationToken)
    {
        var (request, invalidStatus) = WithStatus(given, ArticleStatus.Draft);
        if (invalidStatus is not null)
        {
            return invalidStatus;
        }
        var (text, tooLargeWithoutImages) = await PrepareTextInTurnAsync(request, cancellationToken);
        if (BodyRefusal(text.Stats) is { } refused)
        {
            return refused;
        }
        if (UnlistedPlacedImages(request, text.Stats) is { Count: > 0 } unlisted)
        {
            return PlacesUnlistedImages(unlisted);
        }
        if (tooLargeWithoutImages is { } tooLarge)
        {
            return tooLarge;
        }
        var editor = db.Editor;
        return await db.WriteAsync<WriteOutcome<ArticleAggregate>>(async (connection, transaction) =>
        {
            var (references, invalid) = await ResolveReferencesAsync(connection, transaction, request, cancellationToken);
            if ((invalid ?? HtmlRefusalWithImages(text.Stats, references!)) is { } refused)
            {
                return refused;
            }
            var slug = await SlugAllocator.ChooseAsync(connection, transaction, SluggedTable.Articles, request.Slug, request.Title, "article", null, cancellationToken);
            if (slug.TakenBy is { } holder)
            {
                return SlugTaken(request.Slug!, holder);
            }
            await MoveSlugAsync(connection, transaction, null, slug, cancellationToken);
            var now = Timestamps.ServerNow(clock);
            var row = await connection.QuerySingleAsync<ArticleRow>(new CommandDefinition(
                ArticleQueries.Insert, Columns(request, text.Stats, slug.Slug!, PublishedAt(request, null, now), now, editor), transaction, cancellationToken: cancellationToken));
            await InsertLinksAsync(connection, transaction, row.Id, request, cancellationToken);
            SearchIndex.Index(transaction, row.Id, text.Analyzed, isNew: true);
            return new WriteOutcome<ArticleAggregate>.Saved(references!.Embed(row, request));
        }, cancellationToken);
    }

    public async Task<WriteOutcome<ArticleAggregate>> ReplaceAsync(long id, ArticleRequest replacement, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var (prepared, tooLargeWithoutImages) = await PrepareTextInTurnAsync(replacement, cancellationToken);
        var editor = db.Editor;
        return await db.WriteAsync<WriteOutcome<ArticleAggregate>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, "a.id = @Key", id, true, cancellationToken, ArticleEmbeds.None);
            if (preconditions.Refuse(current, out var refusal))
            {
                return await WithEmbedsAsync(connection, transaction, refusal, cancellationToken);
            }
            var (stated, invalidStatus) = WithStatus(replacement, current.Row.StatusValue);
            if (invalidStatus is not null)
            {
                return invalidStatus;
            }
            var (request, text) = KeepingDerivedExcerpt(stated, prepared, current.Row);
            if (await RestatedAsync(connection, transaction, current, request, cancellationToken) is { } asItIs)
            {
                return Restatement.AsItIs(asItIs);
            }
            // A body stored before these rules (or imported) may stay as it is while other fields change.
            if (request.Body != current.Row.Body && BodyRefusal(text.Stats) is { } refused)
            {
                return refused;
            }
            if (await NewlyUnlistedPlacedImagesAsync(connection, transaction, request, text.Stats, current.Row, cancellationToken) is { Count: > 0 } unlisted)
            {
                return request.Body == current.Row.Body ? StillPlacesUnlistedImages(unlisted) : PlacesUnlistedImages(unlisted);
            }
            var (references, invalid) = await ResolveReferencesAsync(connection, transaction, request, cancellationToken);
            if (invalid is not null)
            {
                return invalid;
            }
            if (request.Body != current.Row.Body && (tooLargeWithoutImages ?? HtmlRefusalWithImages(text.Stats, references!)) is { } tooLarge)
            {
                return tooLarge;
            }
            var slug = await SlugAllocator.ChooseAsync(connection, transaction, SluggedTable.Articles, request.Slug ?? current.Row.Slug, request.Title, "article", id, cancellationToken);
            if (slug.TakenBy is { } holder)
            {
                return SlugTaken(request.Slug!, holder);
            }
            await MoveSlugAsync(connection, transaction, current.Row, slug, cancellationToken);
            var now = Timestamps.ServerNow(clock);
            var columns = Columns(request, text.Stats, slug.Slug!, PublishedAt(request, current.Row, now), now, editor);
            columns.Add("Id", id);
            columns.Add("EarlierPublishedAt", EarlierPublishedAt(request, current.Row));
            var indexedTextChanges = !await IndexedTextUnchangedAsync(connection, transaction, current.Row, request, text.Stats, cancellationToken);
            var visibleAt = Now();
            var shownBefore = await WithdrawnRelations.BeforeAsync(connection, transaction, id, visibleAt, cancellationToken);
            await ArticleRevisionLog.RecordAsync(connection, transaction, id, now, deleted: false, revisions.Value.MaxPerArticle, cancellationToken);
            var row = await connection.QuerySingleAsync<ArticleRow>(new CommandDefinition(ArticleQueries.Update, columns, transaction, cancellationToken: cancellationToken));
            if (IsPubliclyVisible(current.Row, visibleAt) && !IsPubliclyVisible(row, visibleAt))
            {
                await DeletionLog.RecordAsync(connection, transaction, DeletionType.Article, id, current.Row.Slug, DeletionReason.Withdrawn, now, wasPublic: true, cancellationToken);
            }
            await connection.ExecuteAsync(new CommandDefinition(ArticleQueries.DeleteLinks, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await InsertLinksAsync(connection, transaction, id, request, cancellationToken);
            await WithdrawnRelations.RecordAsync(connection, transaction, shownBefore, visibleAt, now, cancellationToken);
            if (indexedTextChanges)
            {
                SearchIndex.Index(transaction, id, text.Analyzed, isNew: false);
            }
            return new WriteOutcome<ArticleAggregate>.Saved(references!.Embed(row, request));
        }, cancellationToken);
    }

    public Task<WriteOutcome<ArticleAggregate>> DeleteAsync(long id, WritePreconditions preconditions, CancellationToken cancellationToken) =>
        db.WriteAsync<WriteOutcome<ArticleAggregate>>(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, "a.id = @Key", id, true, cancellationToken, ArticleEmbeds.None);
            if (preconditions.Refuse(current, out var refusal))
            {
                return await WithEmbedsAsync(connection, transaction, refusal, cancellationToken);
            }
            var visibleAt = Now();
            var now = Timestamps.ServerNow(clock);
            var shownBefore = await WithdrawnRelations.BeforeAsync(connection, transaction, id, visibleAt, cancellationToken);
            await ArticleRevisionLog.RecordAsync(connection, transaction, id, now, deleted: true, revisions.Value.MaxPerArticle, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(ArticleQueries.Delete, new { Id = id }, transaction, cancellationToken: cancellationToken));
            await DeletionLog.RecordAsync(connection, transaction, DeletionType.Article, id, current.Row.Slug, DeletionReason.Deleted,
                now, IsPubliclyVisible(current.Row, visibleAt), cancellationToken);
            await WithdrawnRelations.RecordAsync(connection, transaction, shownBefore, visibleAt, now, cancellationToken);
            SearchIndex.Remove(transaction, id);
            return new WriteOutcome<ArticleAggregate>.Deleted();
        }, cancellationToken);

    /// <summary>What <see cref="ArticleQueries.PubliclyVisible"/> says of the row at <paramref name="now"/> (as stored).</summary>
    private static bool IsPubliclyVisible(ArticleRow row, string now) =>
        row.StatusValue == ArticleStatus.Published && row.PublishedAt is { } publishedAt && string.CompareOrdinal(publishedAt, now) <= 0;

    /// <summary>
    /// The slug chosen stops being an alias (the article takes it over), and the one a published (or scheduled) article
    /// leaves leads to it from now on (see migration 0019). A draft's slug has been nobody's link: kept, every change of
    /// it would hold a slug that a later article's title could give.
    /// </summary>
    private static async Task MoveSlugAsync(DbConnection connection, DbTransaction transaction, ArticleRow? current, SlugChoice chosen, CancellationToken cancellationToken)
    {
        if (chosen.TakesOverAlias)
        {
            await connection.ExecuteAsync(new CommandDefinition(ArticleQueries.DeleteSlugAlias, new { chosen.Slug }, transaction, cancellationToken: cancellationToken));
        }
        if (current is not null && current.Slug != chosen.Slug && current.StatusValue == ArticleStatus.Published)
        {
            await connection.ExecuteAsync(new CommandDefinition(ArticleQueries.KeepOldSlug, new { current.Slug, current.Id }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// A client that read an article and sends it back (GET, then PUT) restates its derived excerpt as if it were its
    /// own; taken at its word, the excerpt would stop following the body. An excerpt equal to the derived one the
    /// article shows therefore stays derived.
    /// </summary>
    private static (ArticleRequest Request, PreparedText Text) KeepingDerivedExcerpt(ArticleRequest request, PreparedText text, ArticleRow current)
    {
        if (!current.RestatesDerivedExcerpt(request.Excerpt))
        {
            return (request, text);
        }
        var derived = request with { Excerpt = null };
        return (derived, text.Stats.IndexedDerivedExcerpt == request.Excerpt ? text : PrepareText(derived, text.Stats));
    }

    /// <summary>
    /// The article as stored, with its embeds, when <paramref name="request"/> (its status and derived excerpt as the
    /// replace reads them) restates it: an omitted slug, or publishedAt while published, is kept, and omitted tags and
    /// images are none, as the replace writes them. Its links are read only once everything else matches.
    /// </summary>
    private async Task<ArticleAggregate?> RestatedAsync(
        DbConnection connection, DbTransaction transaction, ArticleAggregate current, ArticleRequest request, CancellationToken cancellationToken)
    {
        var written = request with
        {
            Slug = request.Slug ?? current.Row.Slug,
            PublishedAt = PublishedAt(request, current.Row, Timestamps.ServerNow(clock)),
            TagIds = request.TagIds ?? [],
            ImageIds = request.ImageIds ?? [],
        };
        var withoutLinks = current.ToRequest() with { AuthorIds = written.AuthorIds, TagIds = written.TagIds, ImageIds = written.ImageIds };
        if (!Restatement.ChangesNothing(withoutLinks, written))
        {
            return null;
        }
        var stored = (await EmbedAsync(connection, transaction, [current.Row], ArticleEmbeds.All, cancellationToken))[0];
        return Restatement.ChangesNothing(stored.ToRequest(), written) ? stored : null;
    }

    private sealed record LinkId(string Kind, long Id);

    /// <summary>
    /// Whether a replace leaves everything the search index holds for the article as it is: its text, and which
    /// authors, tags and images (whose names, captions and credits are indexed) it has. Then the index is not
    /// rewritten: publishing, scheduling, a new slug or canonical URL cost no reindexing. Names changed on the
    /// authors, tags and images themselves reindex through their own writes.
    /// </summary>
    private static async Task<bool> IndexedTextUnchangedAsync(
        DbConnection connection, DbTransaction transaction, ArticleRow current, ArticleRequest request, ArticleTextStats stats, CancellationToken cancellationToken)
    {
        if (current.Title != request.Title || current.Subtitle != request.Subtitle || current.Body != request.Body ||
            (current.Excerpt ?? current.DerivedExcerpt) != (request.Excerpt ?? stats.DerivedExcerpt) || current.CoverImageId != request.CoverImageId)
        {
            return false;
        }
        var links = (await connection.QueryAsync<LinkId>(new CommandDefinition(ArticleQueries.LinkIds, new { current.Id }, transaction, cancellationToken: cancellationToken))).ToLookup(l => l.Kind, l => l.Id);
        return SameIds(links["a"], request.AuthorIds) && SameIds(links["t"], request.TagIds ?? []) && SameIds(links["i"], request.ImageIds ?? []);

        static bool SameIds(IEnumerable<long> stored, IEnumerable<long> requested) => stored.Order().SequenceEqual(requested.Order());
    }

    /// <summary>
    /// Replace and delete read the current article without its embeds, which only a 412 needs: it sends the current
    /// ETag, and that covers the embeds.
    /// </summary>
    private static async Task<WriteOutcome<ArticleAggregate>> WithEmbedsAsync(
        DbConnection connection, DbTransaction transaction, WriteOutcome<ArticleAggregate> refusal, CancellationToken cancellationToken) =>
        refusal is WriteOutcome<ArticleAggregate>.PreconditionFailed failed
            ? failed with { Current = (await EmbedAsync(connection, transaction, [failed.Current.Row], ArticleEmbeds.All, cancellationToken))[0] }
            : refusal;

    /// <summary>
    /// The request with its status stated: a status left out is <paramref name="kept"/> (a new article's is draft, a
    /// replaced one keeps its own, as it keeps its slug). A draft so stated with a publishedAt is the 400 the validator
    /// gives a draft stated in the request.
    /// </summary>
    private static (ArticleRequest Request, WriteOutcome<ArticleAggregate>.Invalid? Invalid) WithStatus(ArticleRequest request, ArticleStatus kept)
    {
        var stated = request.Status is null ? request with { Status = kept } : request;
        return stated is { Status: ArticleStatus.Draft, PublishedAt: not null }
            ? (stated, new(new Dictionary<string, string[]> { ["publishedAt"] = [ArticleRequestValidator.DraftPublishedAtMessage] }))
            : (stated, null);
    }

    /// <summary>
    /// Publishing sets publishedAt: as given, else kept from an earlier publish (while published, or from before it was
    /// unpublished: <see cref="EarlierPublishedAt"/>), else now. Drafts never have one.
    /// </summary>
    private static DateTimeOffset? PublishedAt(ArticleRequest request, ArticleRow? current, DateTimeOffset now) =>
        request.Status == ArticleStatus.Draft ? null
        : request.PublishedAt ?? Timestamps.FromDbOrNull(current?.PublishedAt ?? current?.EarlierPublishedAt) ?? now;

    /// <summary>
    /// What a draft keeps of its publication (migration 0028): unpublishing keeps the publishedAt it had, a draft
    /// edited keeps what it kept, and publishing takes it back into publishedAt.
    /// </summary>
    private static string? EarlierPublishedAt(ArticleRequest request, ArticleRow current) =>
        request.Status == ArticleStatus.Draft ? current.PublishedAt ?? current.EarlierPublishedAt : null;

    /// <summary>
    /// A body places images by id, and only the article's own (its imageIds and cover): those are the ones a read
    /// embeds and renders, and deleting one is refused while the article uses it. Any other would vanish from the HTML.
    /// </summary>
    private static List<long> UnlistedPlacedImages(ArticleRequest request, ArticleTextStats stats) =>
        UnlistedImages.Of(stats.PlacedImageIds, request.CoverImageId, request.ImageIds);

    /// <summary>
    /// The images a replace would leave placed but unlisted. A body stored before the rule (or imported) may keep
    /// placing images it never listed while other fields change; only those the article showed until now count.
    /// </summary>
    private static async Task<List<long>> NewlyUnlistedPlacedImagesAsync(
        DbConnection connection, DbTransaction transaction, ArticleRequest request, ArticleTextStats stats, ArticleRow current, CancellationToken cancellationToken)
    {
        var unlisted = UnlistedPlacedImages(request, stats);
        if (unlisted.Count == 0 || request.Body != current.Body)
        {
            return unlisted;
        }
        var shown = (await connection.QueryAsync<long>(new CommandDefinition(
            ArticleQueries.ImageIdsOfArticle, new { Id = current.Id }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        return [.. unlisted.Where(id => shown.Contains(id) || id == current.CoverImageId)];
    }

    private static WriteOutcome<ArticleAggregate>.Invalid PlacesUnlistedImages(List<long> unlisted) => new(new Dictionary<string, string[]>
    {
        ["body"] = [UnlistedImages.PlacedMessage(unlisted)],
    });

    /// <summary>
    /// A replace or patch that leaves the body as stored but drops images it places from imageIds or the cover: told
    /// where the editor acted (the image picker), not under a body they did not change.
    /// </summary>
    private static WriteOutcome<ArticleAggregate>.Invalid StillPlacesUnlistedImages(List<long> unlisted) => new(new Dictionary<string, string[]>
    {
        ["imageIds"] = [$"The body still places images that would be neither in imageIds nor the coverImageId: {string.Join(", ", unlisted.Select(ImageReferences.For))}. Remove them from the body first, or keep them in imageIds."],
    });

    /// <summary>
    /// Why a create or replace would refuse this request's body (the importer asks before it creates what the article
    /// needs), or null: one too complex or placing no image, or one placing images neither listed nor the cover. A body
    /// that restates the stored one (<paramref name="stored"/>) is kept as it is, but for the images it placed that
    /// the article listed or had as its cover until now.
    /// </summary>
    public static string? BodyProblem(ArticleRequest request, ArticleAggregate? stored)
    {
        var restated = request.Body == stored?.Row.Body;
        bool Kept(long id) => id == request.CoverImageId || request.ImageIds?.Contains(id) == true;
        if (restated && stored!.Images.All(image => Kept(image.Image.Id)) && (stored.Row.CoverImageId is not { } cover || Kept(cover)))
        {
            return null; // every image it showed is still listed or the cover: no need to parse it (an import of a whole export restates thousands)
        }
        var stats = ArticleText.Measure(request.Body);
        // Without its images, which the import may create after asking: what they add is judged when it is stored.
        if (!restated && (BodyRefusal(stats) ?? HtmlRefusal(stats, NoImages)) is { } refusal)
        {
            return refusal.Errors["body"][0];
        }
        var unlisted = UnlistedPlacedImages(request, stats);
        if (restated)
        {
            unlisted = [.. unlisted.Where(id => id == stored!.Row.CoverImageId || stored.Images.Any(image => image.Image.Id == id))];
        }
        return unlisted.Count > 0 ? PlacesUnlistedImages(unlisted).Errors["body"][0] : null;
    }

    /// <summary>Why a new body cannot be stored as it is: Markdown too complex, or image references that name no image.</summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? BodyRefusal(ArticleTextStats stats) =>
        stats.TooComplex is { } reason ? new(new Dictionary<string, string[]> { ["body"] = [reason] })
        : stats.MalformedImageReferences is { Count: > 0 } malformed ? new(new Dictionary<string, string[]>
        {
            ["body"] = [$"Places images by references that name no image: {string.Join(", ", malformed.Take(10).Select(url => url.Length > 60 ? url[..60] + "…" : url))}. Write image:ID, the id of an image in imageIds or the coverImageId."],
        })
        : null;

    /// <summary>
    /// Why a new body cannot be stored with the images it places (loaded by the write, in its transaction, as a read
    /// renders them): it would render to more HTML than allowed, so every reader would get its source.
    /// </summary>
    /// <summary>
    /// The HTML check of a body that places no image, which its images cannot change: judged before the write queues, so
    /// that a body that must be rendered to tell (rare, near the bound) is not rendered while every other write waits.
    /// </summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusalWithoutImages(ArticleTextStats stats) =>
        stats.PlacedImageIds.Count == 0 ? HtmlRefusal(stats, NoImages) : null;

    /// <summary>The HTML check of a body that places images, with them as stored: in the write, which has loaded them.</summary>
    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusalWithImages(ArticleTextStats stats, ArticleReferences references) =>
        stats.PlacedImageIds.Count > 0 ? HtmlRefusal(stats, InlineImages.Of(references.Images.Values)) : null;

    private static WriteOutcome<ArticleAggregate>.Invalid? HtmlRefusal(ArticleTextStats stats, IReadOnlyDictionary<long, Rendering.InlineImage> images) =>
        stats.Html?.RendersPastBound(images) == true
            ? new(new Dictionary<string, string[]> { ["body"] = [Rendering.MarkdownRenderer.HtmlTooLargeExplanation] })
            : null;

    private static readonly Dictionary<long, Rendering.InlineImage> NoImages = [];

    /// <summary>
    /// The CPU-heavy text work of a write, done before it queues for the single writer slot (a replace that keeps a
    /// derived excerpt analyses the excerpt again in the writer, which is cheap: see <see cref="KeepingDerivedExcerpt"/>).
    /// </summary>
    private sealed record PreparedText(ArticleTextStats Stats, AnalyzedArticleText Analyzed);

    private static PreparedText PrepareText(ArticleRequest request) => PrepareText(request, ArticleText.Measure(request.Body));

    /// <summary>
    /// The text work of a write and the HTML check of a body that places no image (which renders it, when near the
    /// bound), in a turn for long bodies (<see cref="Rendering.HeavyMarkdownTurns"/>). A body that is not too complex
    /// passes it with or without refusal: what it says in <see cref="BodyRefusal"/> is asked first. The wait holds no
    /// thread, and ends when the client goes.
    /// </summary>
    private static async Task<(PreparedText Text, WriteOutcome<ArticleAggregate>.Invalid? TooLargeWithoutImages)> PrepareTextInTurnAsync(
        ArticleRequest request, CancellationToken cancellationToken)
    {
        using var turn = await Rendering.HeavyMarkdownTurns.Shared.TakeAsync(request.Body, cancellationToken);
        var text = PrepareText(request);
        return (text, BodyRefusal(text.Stats) is null ? HtmlRefusalWithoutImages(text.Stats) : null);
    }

    private static PreparedText PrepareText(ArticleRequest request, ArticleTextStats stats) =>
        new(stats, AnalyzedArticleText.Of(request.Title, request.Subtitle, request.Excerpt ?? stats.IndexedDerivedExcerpt, stats.PlainText));

    private static DynamicParameters Columns(ArticleRequest request, ArticleTextStats stats, string slug, DateTimeOffset? publishedAt, DateTimeOffset now, string? editor)
    {
        return new DynamicParameters(new
        {
            Editor = editor,
            Slug = slug,
            request.Title,
            request.Subtitle,
            request.Excerpt,
            stats.DerivedExcerpt,
            request.Body,
            request.Language,
            Status = request.Status == ArticleStatus.Published ? "published" : "draft",
            PublishedAt = Timestamps.ToDb(publishedAt),
            request.CoverImageId,
            request.CanonicalUrl,
            ReadingTimeMinutes = (long)stats.ReadingTimeMinutes,
            CharacterCount = (long)stats.CharacterCount,
            Now = Timestamps.ToDb(now),
        });
    }

    private static async Task InsertLinksAsync(DbConnection connection, DbTransaction transaction, long id, ArticleRequest request, CancellationToken cancellationToken)
    {
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertAuthorLink, id, request.AuthorIds, cancellationToken);
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertTagLink, id, request.TagIds ?? [], cancellationToken);
        await InsertLinksAsync(connection, transaction, ArticleQueries.InsertImageLink, id, request.ImageIds ?? [], cancellationToken);
    }

    private static Task InsertLinksAsync(DbConnection connection, DbTransaction transaction, string sql, long articleId, IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync(new CommandDefinition(
            sql, ids.Select((refId, position) => new { ArticleId = articleId, RefId = refId, Position = (long)position }), transaction, cancellationToken: cancellationToken));

    /// <summary>Every referenced author, tag and image must exist: a 400 names each missing one by its field.</summary>
    private static async Task<(ArticleReferences? References, WriteOutcome<ArticleAggregate>.Invalid? Invalid)> ResolveReferencesAsync(
        DbConnection connection, DbTransaction transaction, ArticleRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var authors = (await QueryAuthorsAsync(
            connection, transaction, ArticleQueries.ReferencedAuthors, new { Ids = request.AuthorIds.Distinct().ToArray() }, cancellationToken)).ToDictionary(a => a.Id);
        CollectMissing(authors, "authorIds", "author", request.AuthorIds);
        var tags = await FindAsync<ArticleTagRow>(ArticleQueries.ReferencedTags, request.TagIds ?? [], t => t.Id);
        CollectMissing(tags, "tagIds", "tag", request.TagIds ?? []);
        IReadOnlyList<long> inline = request.ImageIds ?? [];
        var images = await FindAsync<ImageRow>(
            ArticleQueries.ReferencedImages, request.CoverImageId is { } cover ? [.. inline, cover] : inline, i => i.Id);
        CollectMissing(images, "imageIds", "image", inline);
        if (request.CoverImageId is { } coverId)
        {
            CollectMissing(images, "coverImageId", "image", [coverId], single: true);
        }
        return errors.Count == 0 ? (new ArticleReferences(authors, tags, images), null) : (null, new WriteOutcome<ArticleAggregate>.Invalid(errors));

        async Task<Dictionary<long, T>> FindAsync<T>(string sql, IReadOnlyList<long> ids, Func<T, long> idOf) =>
            ids.Count == 0 ? [] : (await connection.QueryAsync<T>(new CommandDefinition(
                sql, new { Ids = ids.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken))).ToDictionary(idOf);

        void CollectMissing<T>(Dictionary<long, T> found, string field, string what, IReadOnlyList<long> ids, bool single = false)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!found.ContainsKey(ids[i]))
                {
                    errors[single ? field : $"{field}[{i}]"] = [$"There is no {what} with id {ids[i]}."];
                }
            }
        }
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

    private static WriteOutcome<ArticleAggregate>.Conflict SlugTaken(string slug, long holder) =>
        FieldConflict.Of<ArticleAggregate>(ProblemCodes.SlugTaken, "slug", $"The slug '{slug}' is already used by article {holder}.", holder);
}
