using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.Http.Binding;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Json;
using ContentApi.Http.Limits;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using ContentApi.OpenApi;
using ContentApi.Rendering;
using ContentApi.Text;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ContentApi.Articles;

public static class ArticleEndpoints
{
    public static RouteGroupBuilder MapArticles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/articles").WithTags("Articles");

        group.MapMethods("/", EndpointConventions.ReadMethods, ListArticles).WithName("ListArticles").WithSummary("List articles")
            .WithDescription($"Published articles, newest first; a key with the read scope also sees drafts and scheduled articles. Sort: {ArticleStore.PublicSorts.Description}; default -publishedAt. " + ArticleView.PageBudgetRule)
            .Lists<ListResponse<ArticleResponse>>().Sorts(ArticleStore.PublicSorts,
                "With a read key, drafts (which have no publishedAt) take their createdAt under `publishedAt`, so `-publishedAt` shows recent drafts among recent articles.").Fields(ArticleView.FieldNames, "ArticleField", ArticleView.UnsentFieldsRule)
            .WithMetadata(new ParameterDescriptionMetadata("status",
                "`draft`, `scheduled` (published with a `publishedAt` still to come) or `published` (live: what anonymous callers see, so a key holder's " +
                "build never takes an embargoed article). Anonymous callers see live articles only, so `draft` and `scheduled` need a key with the read scope " +
                "(without a key, the 401 of a missing key; a key without that scope, the 403 of one too narrow) and `published` changes nothing for them. " +
                "Any other value is a 400. Without it, a key holder sees all three.",
                Values: new(nameof(ArticleListStatus), EnumValuesConverter.ValuesOf(typeof(ArticleListStatus)))))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new ParameterDescriptionMetadata("id",
                $"Only these articles, by id, comma-separated (`id=12,7,31`; up to {Paging.MaxIds}, none empty): an editor's featured block or a page built " +
                "from a list of articles in one request. Listed in the list's `sort`, not in the order given; an id no article has, or one of an article the " +
                "caller may not see (a draft or a scheduled article, for anonymous callers), is simply absent. Ids are written as in paths: digits, from 1, " +
                "without a plus sign or leading zeros (else a 400 naming the item). Combined with `slug` and the other filters, each narrowing the list."))
            .WithMetadata(new ParameterDescriptionMetadata("slug",
                $"Only these articles, by slug, comma-separated (`slug=deepseek-v3,qwen3-max`; up to {Paging.MaxSlugs}, none empty; percent-encode non-ASCII letters). " +
                "Each is looked up as `GET /articles/slug/{slug}` looks one up: another spelling Unicode NFKC reads as the same, or one with the points of Hebrew or Arabic, " +
                "finds the article, and so does an earlier slug of an article (which that URL redirects to it), which is listed with its current `slug`. " +
                "Listed in the list's `sort`; a slug no article has, or one of an article the caller may not see, is simply absent. Combined with `id` and the other filters. " +
                SlugCase.FilterRule));
        group.MapMethods("/{id}", EndpointConventions.ReadMethods, GetArticle).WithName("GetArticle").WithSummary("Get an article by id")
            .WithDescription("Drafts and scheduled articles are 404 for anonymous callers.").Reads<ArticleResponse>().Fields(ArticleView.FieldNames, "ArticleField", ArticleView.UnsentFieldsRule).SendsLastModified().SameAtGoLive();
        group.MapMethods("/slug/{slug}", EndpointConventions.ReadMethods, GetArticleBySlug).WithName("GetArticleBySlug").WithSummary("Get an article by slug")
            .WithDescription("Drafts and scheduled articles are 404 for anonymous callers. An earlier slug of an article (one an edit replaced while it was published or scheduled, or one an import gave it as a migrated post's earlier URL) answers 301 " +
                "with the URL of its current slug and the same query; a slug another article has taken since leads to that one. " +
                "So does a slug in another spelling that Unicode NFKC reads as the same (a decomposed é, as macOS passes links on; full-width letters), or spelling Thai ำ or Lao ຳ as two characters (ํา, ໍາ: their NFKC form, which earlier builds stored), to the slug as stored; " +
                "and then one written with the points of Hebrew or Arabic or the tatweel, which derived slugs leave out (مُحَمَّد leads to محمد), when no slug is so spelled. " +
                "Those 301s are for anonymous callers: a key holder gets the article in place (200, with `Content-Location` naming that URL), as keyed answers are private, " +
                "and .NET's and Java's HttpClients drop the `Authorization` header when they follow a redirect, even on the same host.")
            .Reads<ArticleResponse>().Fields(ArticleView.FieldNames, "ArticleField", ArticleView.UnsentFieldsRule).SendsLastModified().SameAtGoLive()
            .Produces(StatusCodes.Status301MovedPermanently);
        group.MapPost("/", CreateArticle).WithName("CreateArticle").WithSummary("Create an article")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ArticleResponse>(created: true).SendsLastModified();
        group.MapPut("/{id}", ReplaceArticle).WithName("ReplaceArticle").WithSummary("Replace an article")
            .WithDescription("The body is the whole article: a member left out takes its default, as on create, so `status` left out makes it a draft " +
                "(unpublished, publishedAt dropped); subtitle, tags, images, cover and canonicalUrl left out are removed, an excerpt left out is derived " +
                "from the body again, and only `slug` is kept. " +
                "To change some members and keep the rest, PATCH.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ArticleResponse>().SendsLastModified()
            // Judged against the article as a read shows it, its derived excerpt included: a client sending that back restates
            // a stored value (one derived before today's rules, until a reindex), which the replace keeps derived.
            .JudgesPreconditionsFirst(PreconditionsFirst.For<ArticleAggregate, ArticleRequest>(
                (services, id, ct) => services.GetRequiredService<ArticleStore>().GetAsync(id, true, ct),
                a => a.ToRequest() with { Excerpt = a.Row.Excerpt ?? a.Row.DerivedExcerpt }, (o, _) => ToResult(o)));
        group.MapPatch("/{id}", PatchArticle).WithName("PatchArticle").WithSummary("Update an article with a JSON merge patch")
            .WithDescription("RFC 7396: members set replace, null removes, absent ones stay. `{\"status\":\"draft\"}` unpublishes, and publishedAt goes with it.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ArticleResponse>().AcceptsMergePatch<ArticleRequest>().SendsLastModified();
        group.MapDelete("/{id}", DeleteArticle).WithName("DeleteArticle").WithSummary("Delete an article")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Deletes(refusedWhileInUse: false).SendsLastModified();
        return group;
    }

    public static async Task<IResult> ListArticles(
        [AsParameters] ListArticlesQuery query, HttpContext http, ArticleStore store, IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        var privileged = ApiKeyScopes.CanSeeUnpublished(http);
        if ((query.Status is "draft" or "scheduled" || query.CreatedBy is not null || query.UpdatedBy is not null) && !privileged)
        {
            // Missing credentials, not a bad value (RFC 9110 §15.5.2): the challenge is what lets a client attach its key and retry.
            return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Challenge();
        }
        var (order, after, limit) = query.Paging(privileged ? ArticleStore.PrivateSorts : ArticleStore.PublicSorts);
        var filter = new ArticleFilter(
            privileged,
            query.Status switch { "draft" => ArticleListStatus.Draft, "scheduled" => ArticleListStatus.Scheduled, "published" => ArticleListStatus.Published, _ => null },
            query.Author, query.Tag, query.Language, query.PublishedAfter?.Value, query.PublishedBefore?.Value,
            query.Q is null ? null : Search.Fts5Match.ToFts5Match(Search.SearchQuery.Parse(query.Q)),
            ListParameterRules.Ids(query.Id), ListParameters.Items(query.Slug), ListParameterRules.Ids(query.AuthorId), ListParameterRules.Ids(query.TagId),
            ListParameterRules.Ids(query.ImageId), query.UpdatedAfter?.Value, query.UpdatedBefore?.Value,
            query.CreatedBy is null ? null : KeyNames.ForComparison(query.CreatedBy), query.UpdatedBy is null ? null : KeyNames.ForComparison(query.UpdatedBy));
        var view = ArticleView.From(query.Include, query.Fields, query.Format);
        var bodyBytes = view.PageBodyBytes(limits.Value.ListPageTextBytes);
        var (items, next, total) = await store.ListAsync(filter, order, after, limit, query.Page, view.LoadEmbeds, bodyBytes, cancellationToken);
        var cost = RequestCost.Of(http);
        var images = new PageImageLoading();
        return Representation.List(new ListResponse<object>([.. items.Select(article => view.Shape(article, cost, privileged, images))], new PageInfo(limit, next, total)));
    }

    public static async Task<IResult> GetArticle(
        long id, [AsParameters] ArticleViewQuery query, HttpContext http, ArticleStore store, RenderingFloor renderingFloor, CancellationToken cancellationToken) =>
        Found(await store.GetAsync(id, ApiKeyScopes.CanSeeUnpublished(http), cancellationToken, query.View.LoadEmbeds), query.View, renderingFloor, RequestCost.Of(http), ApiKeyScopes.CanSeeUnpublished(http));

    public static async Task<IResult> GetArticleBySlug(
        string slug, [AsParameters] ArticleViewQuery query, HttpContext http, ArticleStore store, RenderingFloor renderingFloor, CancellationToken cancellationToken)
    {
        var keyed = ApiKeyScopes.CanSeeUnpublished(http);
        var (article, movedTo) = await store.GetBySlugOrMovedAsync(slug, keyed, cancellationToken, query.View.LoadEmbeds, orUnpointed: true, loadMoved: keyed);
        if (movedTo is null)
        {
            return Found(article, query.View, renderingFloor, RequestCost.Of(http), keyed);
        }
        return CanonicalSlugAnswer.MovedOrInPlace(http, keyed, "articles", movedTo, article is not null, () => Found(article, query.View, renderingFloor, RequestCost.Of(http), keyed));
    }

    public static async Task<IResult> CreateArticle(ArticleRequest request, ArticleStore store, CancellationToken cancellationToken) =>
        ToResult(await store.CreateAsync(request, cancellationToken), created: true);

    public static Task<IResult> ReplaceArticle(long id, ArticleRequest request, HttpRequest http, ArticleStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.ReplaceAsync(id, request, preconditions, cancellationToken)));

    public static Task<IResult> PatchArticle(long id, HttpRequest http, ArticleStore store, IValidator<ArticleRequest> validator, CancellationToken cancellationToken) =>
        PatchHandler.HandleAsync(http, validator, new PatchHandler.Steps<ArticleAggregate, ArticleRequest>(
            "Article", ct => store.GetAsync(id, true, ct), a => a.ToRequest(),
            (request, preconditions, ct) => store.ReplaceAsync(id, request, preconditions, ct), o => ToResult(o), Reconcile), cancellationToken);

    /// <summary>
    /// <c>{"status":"draft"}</c> unpublishes: the publishedAt the article had goes with it (drafts have none), unless the
    /// patch sets one, which stays the 400 it is on PUT (the store keeps it for publishing again). Nulls that a replace
    /// reads as "as it is" or "none" are written out: a null slug keeps the slug, a null status the status (as a PUT
    /// leaving it out does), a null publishedAt of an article that stays published keeps its date, null tag and
    /// image lists are empty. The derived excerpt restated, as a form posting every field does, stays derived (as the
    /// replace would keep it).
    /// </summary>
    private static ArticleRequest Reconcile(ArticleAggregate current, ArticleRequest before, ArticleRequest merged, JsonObject patch)
    {
        var unpublishes = merged.Status == ArticleStatus.Draft && !patch.ContainsKey("publishedAt");
        return merged with
        {
            Slug = merged.Slug ?? before.Slug,
            Excerpt = current.Row.RestatesDerivedExcerpt(merged.Excerpt) ? null : merged.Excerpt,
            PublishedAt = unpublishes ? null : merged.PublishedAt ?? (merged.Status == ArticleStatus.Published ? before.PublishedAt : null),
            TagIds = merged.TagIds ?? [],
            ImageIds = merged.ImageIds ?? [],
        };
    }

    public static Task<IResult> DeleteArticle(long id, HttpRequest http, ArticleStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.DeleteAsync(id, preconditions, cancellationToken)));

    private static IResult Found(ArticleAggregate? article, ArticleView view, RenderingFloor renderingFloor, RequestCost cost, bool keyed) =>
        article is null ? Problems.NotFound("Article") : Representation.Ok(view.Shape(article, cost, keyed), new ResourceVersion("articles", article.Row.Id, article.Row.Version),
            view.SendsRendering ? renderingFloor.NotBefore(article.LastModified) : article.LastModified);

    private static IResult ToResult(WriteOutcome<ArticleAggregate> outcome, bool created = false) =>
        WriteResults.ToResult(outcome, "Article", a => a.ToResponse(keyed: true), a => a.Row.Version, a => a.LastModified, created ? a => $"/api/v1/articles/{a.Row.Id}" : null);
}
