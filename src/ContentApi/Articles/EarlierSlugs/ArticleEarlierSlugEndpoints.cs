using ContentApi.Auth;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Idempotency;
using ContentApi.OpenApi;
using ContentApi.Text;

namespace ContentApi.Articles.EarlierSlugs;

public static class ArticleEarlierSlugEndpoints
{
    public static RouteGroupBuilder MapArticleEarlierSlugs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/articles/{id}").WithTags("Articles");

        group.MapMethods("/earlier-slugs", EndpointConventions.ReadMethods, ListEarlierSlugs).WithName("ListArticleEarlierSlugs").WithSummary("List an article's earlier slugs")
            .WithDescription("The slugs that lead to the article without being its slug (`GET /articles/slug/{slug}` with one answers 301 to its current slug): " +
                "those an edit replaced while it was published or scheduled, and those an import gave it as a migrated post's earlier URLs (`fromImport`). " +
                "When one stopped being the article's slug is not stored. For key holders (read scope) only: anonymous callers get a 401.")
            .RequireAuthorization(ApiKeyScopes.ReadPolicy).Lists<ListResponse<ArticleEarlierSlugResponse>>().Sorts(ArticleEarlierSlugStore.Sorts).Fields<ArticleEarlierSlugResponse>()
            .WithMetadata(ParameterDescriptionMetadata.CursorOfSortedList)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/earlier-slugs/{slug}", RemoveEarlierSlug).WithName("DeleteArticleEarlierSlug").WithSummary("Remove an earlier slug of an article")
            .WithDescription("The slug no longer leads to the article: `GET /articles/slug/{slug}` with it is a 404 from then on (for anonymous callers and key holders), " +
                "and it is free for any article to take, a title's derived slug too. The slug is looked up as that read looks one up (percent-encode non-ASCII letters). " +
                "The article itself is unchanged: its version, ETag and updatedAt stay, as no representation of it shows its earlier slugs. " +
                "Takes no If-Match: an earlier slug has no version to compare. 404 when the article has no such earlier slug (its current slug is not one), or no article has the id.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy)
            .WithMetadata(new ParameterDescriptionMetadata("slug",
                "One of the article's earlier slugs, as `GET /articles/{id}/earlier-slugs` lists them, percent-encoded. Matched as `GET /articles/slug/{slug}` " +
                "matches the earlier slug it redirects: in Unicode NFKC (a decomposed é or full-width letters find it), else without the points of Hebrew or " +
                "Arabic. The article's current slug is none of them (404). " + SlugCase.PathRule))
            .Produces(StatusCodes.Status204NoContent)
            .WithMetadata(IdempotencyMiddleware.IdempotentWrite.Instance)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<IResult> ListEarlierSlugs(long id, [AsParameters] ListArticleEarlierSlugsQuery query, ArticleEarlierSlugStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(ArticleEarlierSlugStore.Sorts);
        return await store.ListAsync(id, order, after, limit, query.Page, cancellationToken) is { } page
            ? Representation.List(page, limit, query.Fields, r => r.ToResponse())
            : Problems.NotFound("Article");
    }

    public static async Task<IResult> RemoveEarlierSlug(long id, string slug, ArticleEarlierSlugStore store, CancellationToken cancellationToken) =>
        await store.RemoveAsync(id, slug, cancellationToken) switch
        {
            { Changed: true } => TypedResults.NoContent(),
            { ArticleFound: false } => Problems.NotFound("Article"),
            _ => Problems.NotFound("Earlier slug"),
        };
}
