using ContentApi.Auth;
using ContentApi.Http.Binding;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using FluentValidation;

namespace ContentApi.Tags;

public static class TagEndpoints
{
    private const string AnonymousTags =
        "Without a key (or with a key lacking the read scope), only tags that published content carries: a tag of a published article " +
        "(live, not scheduled); any other tag is a 404 and left out of lists, so a tag made for a draft or a scheduled article stays private until it is published. " +
        "publishedArticleCount counts the articles anonymous readers see (published and live, not scheduled).";

    private const string EarlierSlugRule =
        "A slug the tag had before an edit changed it leads to it as well: 301 to its current slug (`Cache-Control: public, no-cache`), " +
        "or to a key holder 200 in place with `Content-Location`, until another tag is given that slug explicitly or the tag is deleted.";

    public static RouteGroupBuilder MapTags(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tags").WithTags("Tags");

        group.MapMethods("/", EndpointConventions.ReadMethods, ListTags).WithName("ListTags").WithSummary("List tags")
            .WithDescription($"Tags in pages (keyset cursor or page number). Sort: {TagStore.Sorts.Description}; default name. {AnonymousTags}")
            .Lists<ListResponse<TagResponse>>().Sorts(TagStore.Sorts).Fields<TagResponse>().WithMetadata(NameSearch.Parameter("name or slug", "ai")).UpdatedRangeOf("tags");
        group.MapMethods("/{id}", EndpointConventions.ReadMethods, GetTag).WithName("GetTag").WithSummary("Get a tag by id")
            .WithDescription(AnonymousTags).Reads<TagResponse>().Fields<TagResponse>();
        group.MapMethods("/slug/{slug}", EndpointConventions.ReadMethods, GetTagBySlug).WithName("GetTagBySlug").WithSummary("Get a tag by slug")
            .WithDescription(AnonymousTags + " " + CanonicalSlugAnswer.SpellingsRule("a tag") + " " + EarlierSlugRule)
            .Reads<TagResponse>().Fields<TagResponse>().Produces(StatusCodes.Status301MovedPermanently);
        group.MapPost("/", CreateTag).WithName("CreateTag").WithSummary("Create a tag")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<TagResponse>(created: true);
        group.MapPut("/{id}", ReplaceTag).WithName("ReplaceTag").WithSummary("Replace a tag")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<TagResponse>()
            .JudgesPreconditionsFirst(PreconditionsFirst.For<TagRow, TagRequest>(
                (services, id, ct) => services.GetRequiredService<TagStore>().GetAsync(id, ct), r => r.ToRequest(), (o, _) => ToResult(o)));
        group.MapPatch("/{id}", PatchTag).WithName("PatchTag").WithSummary("Update a tag with a JSON merge patch")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<TagResponse>().AcceptsMergePatch<TagRequest>();
        group.MapDelete("/{id}", DeleteTag).WithName("DeleteTag").WithSummary("Delete a tag")
            .WithDescription("Refused with 409, naming the articles, while any article uses the tag.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Deletes(refusedWhileInUse: true);
        return group;
    }

    public static async Task<IResult> ListTags([AsParameters] ListTagsQuery query, HttpContext http, TagStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(TagStore.Sorts);
        var keyed = ApiKeyScopes.CanSeeUnpublished(http);
        var page = await store.ListAsync(new TagFilter(ListParameters.Items(query.Slug), null, query.Q, !keyed, query.UpdatedAfter?.Value, query.UpdatedBefore?.Value), order, after, limit, query.Page, cancellationToken);
        return Representation.List(page, limit, query.Fields, r => r.ToResponse(keyed));
    }

    public static async Task<IResult> GetTag(long id, [AsParameters] TagViewQuery query, HttpContext http, TagStore store, CancellationToken cancellationToken) =>
        Found(await store.GetAsync(id, publiclyShownOnly: !ApiKeyScopes.CanSeeUnpublished(http), cancellationToken), query, ApiKeyScopes.CanSeeUnpublished(http));

    public static async Task<IResult> GetTagBySlug(string slug, [AsParameters] TagViewQuery query, HttpContext http, TagStore store, CancellationToken cancellationToken)
    {
        var keyed = ApiKeyScopes.CanSeeUnpublished(http);
        var row = await store.GetBySlugAsync(slug, publiclyShownOnly: !keyed, cancellationToken);
        return CanonicalSlugAnswer.ForSpelling(http, keyed, "tags", slug, row?.Slug, () => Found(row, query, keyed));
    }

    public static async Task<IResult> CreateTag(TagRequest request, TagStore store, CancellationToken cancellationToken) =>
        ToResult(await store.CreateAsync(request, cancellationToken), created: true);

    public static Task<IResult> ReplaceTag(long id, TagRequest request, HttpRequest http, TagStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.ReplaceAsync(id, request, preconditions, cancellationToken)));

    public static Task<IResult> PatchTag(long id, HttpRequest http, TagStore store, IValidator<TagRequest> validator, CancellationToken cancellationToken) =>
        PatchHandler.HandleAsync(http, validator, new PatchHandler.Steps<TagRow, TagRequest>(
            "Tag", ct => store.GetAsync(id, ct), r => r.ToRequest(),
            (request, preconditions, ct) => store.ReplaceAsync(id, request, preconditions, ct), o => ToResult(o),
            (_, before, merged, _) => merged with { Slug = merged.Slug ?? before.Slug }), cancellationToken);

    public static Task<IResult> DeleteTag(long id, HttpRequest http, TagStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.DeleteAsync(id, preconditions, cancellationToken)));

    // No Last-Modified: publishedArticleCount changes when an article is published, unpublished, deleted or reaches its
    // publish time, none of which touches the tag's timestamps, so If-Modified-Since would answer a stale 304. The
    // ETag covers the whole representation.
    private static IResult Found(TagRow? row, TagViewQuery query, bool keyed) =>
        row is null ? Problems.NotFound("Tag") : Representation.Ok(FieldSet.Shape(row.ToResponse(keyed), query.Fields), new ResourceVersion("tags", row.Id, row.Version));

    private static IResult ToResult(WriteOutcome<TagRow> outcome, bool created = false) =>
        WriteResults.ToResult(outcome, "Tag", r => r.ToResponse(keyed: true), r => r.Version, _ => null, created ? r => $"/api/v1/tags/{r.Id}" : null);
}
