using ContentApi.Articles.Revisions;
using ContentApi.Data;
using ContentApi.Http.Errors;
using ContentApi.Http.Writes;
using ContentApi.Search;
using Dapper;

namespace ContentApi.Articles;

public sealed partial class ArticleStore
{
    /// <summary>
    /// A deleted article made again from the version its delete stored (<see cref="ArticleRevisionLog"/>), with its id,
    /// slug, links and createdAt, a version past that one and updatedAt now (so a sync by updatedAfter takes it again,
    /// superseding its entry in the deletions feed). Refused with 409 while the article exists, when its slug has been
    /// taken meanwhile, or when an author, tag or image it used is gone (each named).
    /// </summary>
    public async Task<WriteOutcome<ArticleAggregate>> RestoreAsync(long id, CancellationToken cancellationToken)
    {
        ArticleRevisionRow? last;
        await using (var snapshot = await db.OpenSnapshotAsync(cancellationToken))
        {
            last = await ArticleRevisionStore.LastAsync(snapshot, null, id, cancellationToken);
        }
        if (last is not { Deleted: true } deleted)
        {
            return await ExistsAsync(id, cancellationToken) ? AlreadyThere(id) : new WriteOutcome<ArticleAggregate>.Missing();
        }
        var request = deleted.ToRequest();
        var editor = db.Editor;
        var (text, _) = await PrepareTextInTurnAsync(request, cancellationToken);
        return await db.WriteAsync<WriteOutcome<ArticleAggregate>>(async (connection, transaction) =>
        {
            // Judged again in the write: restored (and perhaps edited) by another request meanwhile.
            if (await ArticleRevisionStore.LastAsync(connection, transaction, id, cancellationToken) is not { Deleted: true } stillLast || stillLast.Version != deleted.Version
                || await GetAsync(connection, transaction, "a.id = @Key", id, true, cancellationToken, ArticleEmbeds.None) is not null)
            {
                return AlreadyThere(id);
            }
            var (references, invalid) = await ResolveReferencesAsync(connection, transaction, request, cancellationToken);
            if (invalid is not null)
            {
                return new WriteOutcome<ArticleAggregate>.Conflict(ProblemCodes.ReferenceConflict,
                    "The article uses what has been deleted since: " + string.Join(" ", invalid.Errors.Values.SelectMany(e => e)) + " Create it again, or PUT the revision without it.",
                    new Dictionary<string, object?> { ["errors"] = invalid.Errors });
            }
            var slug = await SlugAllocator.ChooseAsync(connection, transaction, SluggedTable.Articles, request.Slug, request.Title, "article", null, cancellationToken);
            if (slug.TakenBy is { } holder)
            {
                return SlugTaken(request.Slug!, holder);
            }
            await MoveSlugAsync(connection, transaction, null, slug, cancellationToken);
            var columns = Columns(request, text.Stats, slug.Slug!, Timestamps.FromDbOrNull(deleted.PublishedAt), Timestamps.ServerNow(clock), editor);
            columns.Add("Id", id);
            columns.Add("EarlierPublishedAt", deleted.EarlierPublishedAt);
            columns.Add("CreatedAt", deleted.CreatedAt);
            columns.Add("CreatedBy", deleted.CreatedBy);
            columns.Add("Version", deleted.Version + 1);
            var row = await connection.QuerySingleAsync<ArticleRow>(new CommandDefinition(RestoreInsert, columns, transaction, cancellationToken: cancellationToken));
            await InsertLinksAsync(connection, transaction, id, request, cancellationToken);
            SearchIndex.Index(transaction, id, text.Analyzed, isNew: true);
            return new WriteOutcome<ArticleAggregate>.Saved(references!.Embed(row, request));
        }, cancellationToken);
    }

    private const string RestoreInsert = $"""
        INSERT INTO articles (id, slug, title, subtitle, excerpt, derived_excerpt, body, language, status, published_at, earlier_published_at,
                              cover_image_id, canonical_url, reading_time_minutes, character_count, created_at, updated_at, version, created_by, updated_by)
        VALUES (@Id, @Slug, @Title, @Subtitle, @Excerpt, @DerivedExcerpt, @Body, @Language, @Status, @PublishedAt, @EarlierPublishedAt,
                @CoverImageId, @CanonicalUrl, @ReadingTimeMinutes, @CharacterCount, @CreatedAt, @Now, @Version, @CreatedBy, @Editor)
        RETURNING {ArticleQueries.Columns}
        """;

    private async Task<bool> ExistsAsync(long id, CancellationToken cancellationToken) => await GetAsync(id, true, cancellationToken, ArticleEmbeds.None) is not null;

    private static WriteOutcome<ArticleAggregate>.Conflict AlreadyThere(long id) =>
        new(ProblemCodes.AlreadyExists, $"Article {id} exists: only a deleted article can be restored. To put back an earlier version, PUT its revision.");
}
