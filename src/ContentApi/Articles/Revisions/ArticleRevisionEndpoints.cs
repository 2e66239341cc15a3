using ContentApi.Auth;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using ContentApi.Idempotency;
using ContentApi.OpenApi;

namespace ContentApi.Articles.Revisions;

public static class ArticleRevisionEndpoints
{
    public static RouteGroupBuilder MapArticleRevisions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/articles/{id}").WithTags("Articles");

        group.MapMethods("/revisions", EndpointConventions.ReadMethods, ListRevisions).WithName("ListArticleRevisions").WithSummary("List an article's earlier versions")
            .WithDescription("The versions edits replaced (PUT, PATCH, import) and the one a delete removed, newest first, each with when it was written and replaced; " +
                "also of a deleted article. A create stores none. At most `Revisions:MaxPerArticle` (50) are kept per article, the oldest pruned. " +
                "For key holders (read scope) only: anonymous callers get a 401.")
            .RequireAuthorization(ApiKeyScopes.ReadPolicy).Lists<ListResponse<ArticleRevisionResponse>>().Sorts(ArticleRevisionStore.Sorts).Fields<ArticleRevisionResponse>()
            .WithMetadata(ParameterDescriptionMetadata.CursorOfSortedList)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapMethods("/revisions/{version}", EndpointConventions.ReadMethods, GetRevision).WithName("GetArticleRevision").WithSummary("Get an earlier version of an article")
            .WithDescription("The version's stored fields in the shape of an article request (an excerpt as it was given: null where it was derived), " +
                "so that a PUT of it to the article rolls the article back to it (a new version). Its ETag names the version, and Last-Modified is when it was written. " +
                "For key holders (read scope) only.")
            .RequireAuthorization(ApiKeyScopes.ReadPolicy).Reads<ArticleRequest>().SendsLastModified()
            .Fields(FieldSet.MembersOf(typeof(ArticleRequest)), "ArticleRequestField");
        group.MapPost("/restore", RestoreArticle).WithName("RestoreArticle").WithSummary("Restore a deleted article")
            .WithDescription("Makes a deleted article again from the version its delete stored, with the same id, slug, authors, tags, images and createdAt, " +
                "a new version and updatedAt now (so a site syncing by `updatedAfter` takes it again, superseding its entry in the deletions feed), " +
                "and indexed for search. 409 `already_exists` while the article exists, `slug_taken` when another article has taken its slug meanwhile, " +
                "`reference_conflict` when an author, tag or image it used has been deleted (errors names each); 404 when no article with the id was deleted since revisions are kept.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).WithMetadata(IdempotencyMiddleware.IdempotentWrite.Instance)
            .Produces<ArticleResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces<SlugConflictProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<IResult> ListRevisions(long id, [AsParameters] ListArticleRevisionsQuery query, ArticleRevisionStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(ArticleRevisionStore.Sorts);
        return await store.ListAsync(id, order, after, limit, query.Page, cancellationToken) is { } page
            ? Representation.List(page, limit, query.Fields, r => r.ToSummary())
            : Problems.NotFound("Article");
    }

    public static async Task<IResult> GetRevision(
        long id, long version, [AsParameters] ArticleRevisionQuery query, ArticleRevisionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, version, cancellationToken) is { } revision
            ? Representation.Ok(FieldSet.Shape(revision.ToRequest(), query.Fields), new Http.Caching.ResourceVersion("revisions", revision.ArticleId, revision.Version), Data.Timestamps.FromDb(revision.UpdatedAt))
            : Problems.NotFound("Revision");

    public static async Task<IResult> RestoreArticle(long id, ArticleStore store, CancellationToken cancellationToken) =>
        WriteResults.ToResult(await store.RestoreAsync(id, cancellationToken), "Article", a => a.ToResponse(keyed: true), a => a.Row.Version, a => a.LastModified,
            a => $"/api/v1/articles/{a.Row.Id}");
}
