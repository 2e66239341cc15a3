using System.Data.Common;
using ContentApi.Articles.Revisions;
using ContentApi.Data;
using ContentApi.Deletions;
using ContentApi.Http.Errors;
using ContentApi.Http.Writes;
using ContentApi.Text;
using ContentApi.Search;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// Create, replace and delete, each in the writer's transaction, and the columns they store from a request.
/// </summary>
public sealed partial class ArticleStore
{
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
            await using var snapshot = await db.OpenSnapshotAsync(cancellationToken);
            return await PlacesUnlistedImagesAsync(snapshot, null, unlisted, cancellationToken);
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
                return request.Body == current.Row.Body ? StillPlacesUnlistedImages(unlisted) : await PlacesUnlistedImagesAsync(connection, transaction, unlisted, cancellationToken);
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
    /// Replace and delete read the current article without its embeds, which only a 412 needs: it sends the current
    /// ETag, and that covers the embeds.
    /// </summary>
    private static async Task<WriteOutcome<ArticleAggregate>> WithEmbedsAsync(
        DbConnection connection, DbTransaction transaction, WriteOutcome<ArticleAggregate> refusal, CancellationToken cancellationToken) =>
        refusal is WriteOutcome<ArticleAggregate>.PreconditionFailed failed
            ? failed with { Current = (await EmbedAsync(connection, transaction, [failed.Current.Row], ArticleEmbeds.All, cancellationToken))[0] }
            : refusal;

    private static WriteOutcome<ArticleAggregate>.Conflict SlugTaken(string slug, long holder) =>
        FieldConflict.Of<ArticleAggregate>(ProblemCodes.SlugTaken, "slug", $"The slug '{slug}' is already used by article {holder}.", holder);

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
}
