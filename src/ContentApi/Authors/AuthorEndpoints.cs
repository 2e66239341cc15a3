using ContentApi.Auth;
using ContentApi.Http.Binding;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using FluentValidation;

namespace ContentApi.Authors;

public static class AuthorEndpoints
{
    private const string AnonymousAuthors =
        "Without a key (or with a key lacking the read scope), only authors that published content credits: an author of a published article " +
        "(live, not scheduled); any other author is a 404 and left out of lists, so a guest author of a draft or a scheduled article stays private until it is published. The email is null without a key.";

    private const string EarlierSlugRule =
        "A slug the author had before an edit changed it leads to it as well: 301 to its current slug (`Cache-Control: public, no-cache`), " +
        "or to a key holder 200 in place with `Content-Location`, until another author is given that slug explicitly or the author is deleted.";

    public static RouteGroupBuilder MapAuthors(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/authors").WithTags("Authors");

        group.MapMethods("/", EndpointConventions.ReadMethods, ListAuthors).WithName("ListAuthors").WithSummary("List authors")
            .WithDescription($"Authors in pages (keyset cursor or page number). Sort: {AuthorStore.Sorts.Description}; default name. {AnonymousAuthors}")
            .Lists<ListResponse<AuthorResponse>>().Sorts(AuthorStore.Sorts).Fields<AuthorResponse>().WithMetadata(NameSearch.Parameter("name or slug", "wang")).UpdatedRangeOf("authors");
        group.MapMethods("/{id}", EndpointConventions.ReadMethods, GetAuthor).WithName("GetAuthor").WithSummary("Get an author by id")
            .WithDescription(AnonymousAuthors).Reads<AuthorResponse>().Fields<AuthorResponse>();
        group.MapMethods("/slug/{slug}", EndpointConventions.ReadMethods, GetAuthorBySlug).WithName("GetAuthorBySlug").WithSummary("Get an author by slug")
            .WithDescription(AnonymousAuthors + " " + CanonicalSlugAnswer.SpellingsRule("an author") + " " + EarlierSlugRule)
            .Reads<AuthorResponse>().Fields<AuthorResponse>().Produces(StatusCodes.Status301MovedPermanently);
        group.MapPost("/", CreateAuthor).WithName("CreateAuthor").WithSummary("Create an author")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<AuthorResponse>(created: true);
        group.MapPut("/{id}", ReplaceAuthor).WithName("ReplaceAuthor").WithSummary("Replace an author")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<AuthorResponse>()
            .JudgesPreconditionsFirst(PreconditionsFirst.For<AuthorRow, AuthorRequest>(
                (services, id, ct) => services.GetRequiredService<AuthorStore>().GetAsync(id, ct), r => r.ToRequest(), (o, http) => ToResult(o, http)));
        group.MapPatch("/{id}", PatchAuthor).WithName("PatchAuthor").WithSummary("Update an author with a JSON merge patch")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<AuthorResponse>().AcceptsMergePatch<AuthorRequest>();
        group.MapDelete("/{id}", DeleteAuthor).WithName("DeleteAuthor").WithSummary("Delete an author")
            .WithDescription("Refused with 409, naming the articles, while any article credits the author.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Deletes(refusedWhileInUse: true);
        return group;
    }

    public static async Task<IResult> ListAuthors([AsParameters] ListAuthorsQuery query, HttpContext http, AuthorStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(AuthorStore.Sorts);
        var includeEmail = ApiKeyScopes.CanSeeUnpublished(http);
        var page = await store.ListAsync(new AuthorFilter(ListParameters.Items(query.Slug), query.Q, !includeEmail, query.UpdatedAfter?.Value, query.UpdatedBefore?.Value), order, after, limit, query.Page, cancellationToken);
        return Representation.List(page, limit, query.Fields, r => r.ToResponse(includeEmail));
    }

    public static async Task<IResult> GetAuthor(long id, [AsParameters] AuthorViewQuery query, HttpContext http, AuthorStore store, CancellationToken cancellationToken) =>
        Found(await store.GetAsync(id, publiclyShownOnly: !ApiKeyScopes.CanSeeUnpublished(http), cancellationToken), query, http);

    public static async Task<IResult> GetAuthorBySlug(string slug, [AsParameters] AuthorViewQuery query, HttpContext http, AuthorStore store, CancellationToken cancellationToken)
    {
        var keyed = ApiKeyScopes.CanSeeUnpublished(http);
        var row = await store.GetBySlugAsync(slug, publiclyShownOnly: !keyed, cancellationToken);
        return CanonicalSlugAnswer.ForSpelling(http, keyed, "authors", slug, row?.Slug, () => Found(row, query, http));
    }

    public static async Task<IResult> CreateAuthor(AuthorRequest request, HttpContext http, AuthorStore store, CancellationToken cancellationToken) =>
        ToResult(await store.CreateAsync(request, cancellationToken), http, created: true);

    public static Task<IResult> ReplaceAuthor(long id, AuthorRequest request, HttpRequest http, AuthorStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.ReplaceAsync(id, request, preconditions, cancellationToken), http.HttpContext));

    public static Task<IResult> PatchAuthor(long id, HttpRequest http, AuthorStore store, IValidator<AuthorRequest> validator, CancellationToken cancellationToken) =>
        PatchHandler.HandleAsync(http, validator, new PatchHandler.Steps<AuthorRow, AuthorRequest>(
            "Author", ct => store.GetAsync(id, ct), r => r.ToRequest(),
            (request, preconditions, ct) => store.ReplaceAsync(id, request, preconditions, ct), o => ToResult(o, http.HttpContext),
            (_, before, merged, _) => merged with { Slug = merged.Slug ?? before.Slug }), cancellationToken);

    public static Task<IResult> DeleteAuthor(long id, HttpRequest http, AuthorStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.DeleteAsync(id, preconditions, cancellationToken), http.HttpContext));

    // No Last-Modified: publishedArticleCount changes when an article is published, unpublished, deleted or reaches its
    // publish time, none of which touches the author's timestamps, so If-Modified-Since would answer a stale 304. The
    // ETag covers the whole representation.
    private static IResult Found(AuthorRow? row, AuthorViewQuery query, HttpContext http) =>
        row is null ? Problems.NotFound("Author")
        : Representation.Ok(FieldSet.Shape(row.ToResponse(ApiKeyScopes.CanSeeUnpublished(http)), query.Fields), new ResourceVersion("authors", row.Id, row.Version));

    private static IResult ToResult(WriteOutcome<AuthorRow> outcome, HttpContext http, bool created = false)
    {
        var includeEmail = ApiKeyScopes.CanSeeUnpublished(http);
        return WriteResults.ToResult(outcome, "Author", r => r.ToResponse(includeEmail), r => r.Version, _ => null, created ? r => $"/api/v1/authors/{r.Id}" : null);
    }
}
