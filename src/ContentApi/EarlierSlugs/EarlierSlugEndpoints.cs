using ContentApi.Auth;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Idempotency;
using ContentApi.OpenApi;
using ContentApi.Text;

namespace ContentApi.EarlierSlugs;

/// <summary>
/// GET /{authors|tags}/{id}/earlier-slugs and DELETE /{authors|tags}/{id}/earlier-slugs/{slug}, and what they share
/// with an article's (ArticleEarlierSlugEndpoints, whose items also say whether an import gave them).
/// </summary>
public static class EarlierSlugEndpoints
{
    public static RouteGroupBuilder MapEarlierSlugs(this RouteGroupBuilder api, EarlierSlugOwner owner)
    {
        var group = api.MapGroup($"/{owner.Collection}/{{id}}").WithTags(owner.Name + "s");

        group.MapMethods("/earlier-slugs", EndpointConventions.ReadMethods,
                (long id, [AsParameters] ListEarlierSlugsQuery query, EarlierSlugStore store, CancellationToken cancellationToken) =>
                    ListEarlierSlugs(owner, id, query, store, cancellationToken))
            .ListsEarlierSlugs<EarlierSlugRow, EarlierSlugResponse>(owner, EarlierSlugStore.Sorts,
                $"The slugs that lead to the {owner.Noun} without being its slug (`GET /{owner.Collection}/slug/{{slug}}` with one answers 301 to its current slug, " +
                $"and the `{owner.Noun}` filter of the article list and search takes one): every one an edit replaced ({owner.Collection} have no drafts), " +
                "and those an import of an export gave it.");
        group.MapDelete("/earlier-slugs/{slug}",
                (long id, string slug, EarlierSlugStore store, CancellationToken cancellationToken) => RemoveEarlierSlug(owner, id, slug, store, cancellationToken))
            .RemovesEarlierSlug(owner);
        return group;
    }

    private static async Task<IResult> ListEarlierSlugs(EarlierSlugOwner owner, long id, ListEarlierSlugsQuery query, EarlierSlugStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(EarlierSlugStore.Sorts);
        return await store.ListAsync(owner.Table, id, order, after, limit, query.Page, cancellationToken) is { } page
            ? Representation.List(page, limit, query.Fields, r => r.ToResponse())
            : Problems.NotFound(owner.Name);
    }

    public static async Task<IResult> RemoveEarlierSlug(EarlierSlugOwner owner, long id, string slug, EarlierSlugStore store, CancellationToken cancellationToken) =>
        await store.RemoveAsync(owner.Table, id, slug, cancellationToken) switch
        {
            { Changed: true } => TypedResults.NoContent(),
            { OwnerFound: false } => Problems.NotFound(owner.Name),
            _ => Problems.NotFound("Earlier slug"),
        };

    /// <summary>Names and documents a list of earlier slugs; <paramref name="which"/> opens its description.</summary>
    public static RouteHandlerBuilder ListsEarlierSlugs<TRow, TResponse>(this RouteHandlerBuilder builder, EarlierSlugOwner owner, SortOptions<TRow> sorts, string which) =>
        builder.WithName($"List{owner.Name}EarlierSlugs").WithSummary($"List {owner.Article} {owner.Noun}'s earlier slugs")
            .WithDescription($"{which} When one stopped being the {owner.Noun}'s slug is not stored. For key holders (read scope) only: anonymous callers get a 401.")
            .RequireAuthorization(ApiKeyScopes.ReadPolicy).Lists<ListResponse<TResponse>>().Sorts(sorts).Fields<TResponse>()
            .WithMetadata(ParameterDescriptionMetadata.CursorOfSortedList)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Names and documents the removal of an earlier slug: write scope, Idempotency-Key, no If-Match.</summary>
    public static RouteHandlerBuilder RemovesEarlierSlug(this RouteHandlerBuilder builder, EarlierSlugOwner owner) =>
        builder.WithName($"Delete{owner.Name}EarlierSlug").WithSummary($"Remove an earlier slug of {owner.Article} {owner.Noun}")
            .WithDescription($"The slug no longer leads to the {owner.Noun}: `GET /{owner.Collection}/slug/{{slug}}` with it is a 404 from then on (for anonymous callers and key holders), " +
                $"and it is free for any {owner.Noun} to take, {owner.DerivedFrom} derived slug too. The slug is looked up as that read looks one up (percent-encode non-ASCII letters). " +
                $"The {owner.Noun} itself is unchanged: its version, ETag and updatedAt stay, as no representation of it shows its earlier slugs. " +
                $"Takes no If-Match: an earlier slug has no version to compare. 404 when the {owner.Noun} has no such earlier slug (its current slug is not one), or no {owner.Noun} has the id.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy)
            .WithMetadata(new ParameterDescriptionMetadata("slug",
                $"One of the {owner.Noun}'s earlier slugs, as `GET /{owner.Collection}/{{id}}/earlier-slugs` lists them, percent-encoded. Matched as `GET /{owner.Collection}/slug/{{slug}}` " +
                "matches the earlier slug it redirects: in Unicode NFKC (a decomposed é or full-width letters find it), else without the points of Hebrew or " +
                $"Arabic. The {owner.Noun}'s current slug is none of them (404). " + SlugCase.PathRule))
            .Produces(StatusCodes.Status204NoContent)
            .WithMetadata(IdempotencyMiddleware.IdempotentWrite.Instance)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
