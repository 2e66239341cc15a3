using ContentApi.EarlierSlugs;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;

namespace ContentApi.Articles.EarlierSlugs;

public static class ArticleEarlierSlugEndpoints
{
    public static RouteGroupBuilder MapArticleEarlierSlugs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/articles/{id}").WithTags("Articles");

        group.MapMethods("/earlier-slugs", EndpointConventions.ReadMethods, ListEarlierSlugs)
            .ListsEarlierSlugs<ArticleEarlierSlugRow, ArticleEarlierSlugResponse>(EarlierSlugOwner.Articles, EarlierSlugStore.ArticleSorts,
                "The slugs that lead to the article without being its slug (`GET /articles/slug/{slug}` with one answers 301 to its current slug): " +
                "those an edit replaced while it was published or scheduled, and those an import gave it as a migrated post's earlier URLs (`fromImport`).");
        group.MapDelete("/earlier-slugs/{slug}", RemoveEarlierSlug).RemovesEarlierSlug(EarlierSlugOwner.Articles);
        return group;
    }

    public static async Task<IResult> ListEarlierSlugs(long id, [AsParameters] ListArticleEarlierSlugsQuery query, EarlierSlugStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(EarlierSlugStore.ArticleSorts);
        return await store.ListAsync(EarlierSlugOwner.Articles.Table, id, order, after, limit, query.Page, cancellationToken) is { } page
            ? Representation.List(page, limit, query.Fields, r => r.ToResponse())
            : Problems.NotFound("Article");
    }

    public static Task<IResult> RemoveEarlierSlug(long id, string slug, EarlierSlugStore store, CancellationToken cancellationToken) =>
        EarlierSlugEndpoints.RemoveEarlierSlug(EarlierSlugOwner.Articles, id, slug, store, cancellationToken);
}
