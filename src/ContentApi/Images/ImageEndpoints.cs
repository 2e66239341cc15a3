using ContentApi.Auth;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.Http.Writes;
using FluentValidation;

namespace ContentApi.Images;

public static class ImageEndpoints
{
    private const string AnonymousImages =
        "Without a key (or with a key lacking the read scope), only images that published content shows: the cover of a published article " +
        "or an image in its imageIds, or the avatar of an author of a published article; any other image is a 404 and left out of lists, so a draft's or a scheduled article's images (and its only authors' avatars) stay private until it is published.";

    public static RouteGroupBuilder MapImages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/images").WithTags("Images");

        group.MapMethods("/", EndpointConventions.ReadMethods, ListImages).WithName("ListImages").WithSummary("List images")
            .WithDescription($"Image metadata in pages (keyset cursor or page number), optionally only one mimeType, or the images of one url (to find an image before creating it, so that a re-sync makes no second one). Sort: {ImageStore.Sorts.Description}; default -createdAt. {AnonymousImages}")
            .Lists<ListResponse<ImageResponse>>().Sorts(ImageStore.Sorts).Fields<ImageResponse>().WithMetadata(NameSearch.Parameter("alt text, caption or credit", "ifanr")).UpdatedRangeOf("images");
        group.MapMethods("/{id}", EndpointConventions.ReadMethods, GetImage).WithName("GetImage").WithSummary("Get an image by id").WithDescription(AnonymousImages).Reads<ImageResponse>().Fields<ImageResponse>().SendsLastModified().SameAtGoLive();
        group.MapPost("/", CreateImage).WithName("CreateImage").WithSummary("Create an image")
            .WithDescription("Records an image's metadata; the bytes stay where url points.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ImageResponse>(created: true, hasSlug: false).SendsLastModified();
        group.MapPut("/{id}", ReplaceImage).WithName("ReplaceImage").WithSummary("Replace an image")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ImageResponse>(hasSlug: false).SendsLastModified()
            .JudgesPreconditionsFirst(PreconditionsFirst.For<ImageRow, ImageRequest>(
                (services, id, ct) => services.GetRequiredService<ImageStore>().GetAsync(id, ct), r => r.ToRequest(), (o, _) => ToResult(o)));
        group.MapPatch("/{id}", PatchImage).WithName("PatchImage").WithSummary("Update an image with a JSON merge patch")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Writes<ImageResponse>(hasSlug: false).AcceptsMergePatch<ImageRequest>().SendsLastModified();
        group.MapDelete("/{id}", DeleteImage).WithName("DeleteImage").WithSummary("Delete an image")
            .WithDescription("Refused with 409, naming them, while any article (as cover or inline image) or author (as avatar) uses the image.")
            .RequireAuthorization(ApiKeyScopes.WritePolicy).Deletes(refusedWhileInUse: true).SendsLastModified();
        return group;
    }

    public static async Task<IResult> ListImages([AsParameters] ListImagesQuery query, HttpContext http, ImageStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(ImageStore.Sorts);
        var keyed = ApiKeyScopes.CanSeeUnpublished(http);
        var page = await store.ListAsync(new ImageFilter(query.MimeType, query.Url, query.Q, !keyed, query.UpdatedAfter?.Value, query.UpdatedBefore?.Value), order, after, limit, query.Page, cancellationToken);
        return Representation.List(page, limit, query.Fields, r => r.ToResponse(keyed));
    }

    public static async Task<IResult> GetImage(long id, [AsParameters] ImageViewQuery query, HttpContext http, ImageStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, publiclyShownOnly: !ApiKeyScopes.CanSeeUnpublished(http), cancellationToken) is { } row
            ? Representation.Ok(FieldSet.Shape(row.ToResponse(ApiKeyScopes.CanSeeUnpublished(http)), query.Fields), new ResourceVersion("images", row.Id, row.Version), row.LastModified) : Problems.NotFound("Image");

    public static async Task<IResult> CreateImage(ImageRequest request, ImageStore store, CancellationToken cancellationToken) =>
        ToResult(await store.CreateAsync(request, cancellationToken), created: true);

    public static Task<IResult> ReplaceImage(long id, ImageRequest request, HttpRequest http, ImageStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.ReplaceAsync(id, request, preconditions, cancellationToken)));

    public static Task<IResult> PatchImage(long id, HttpRequest http, ImageStore store, IValidator<ImageRequest> validator, CancellationToken cancellationToken) =>
        PatchHandler.HandleAsync(http, validator, new PatchHandler.Steps<ImageRow, ImageRequest>(
            "Image", ct => store.GetAsync(id, ct), r => r.ToRequest(),
            (request, preconditions, ct) => store.ReplaceAsync(id, request, preconditions, ct), o => ToResult(o)), cancellationToken);

    public static Task<IResult> DeleteImage(long id, HttpRequest http, ImageStore store, CancellationToken cancellationToken) =>
        WritePreconditions.ThenAsync(http, async preconditions => ToResult(await store.DeleteAsync(id, preconditions, cancellationToken)));

    private static IResult ToResult(WriteOutcome<ImageRow> outcome, bool created = false) =>
        WriteResults.ToResult(outcome, "Image", r => r.ToResponse(keyed: true), r => r.Version, r => r.LastModified, created ? r => $"/api/v1/images/{r.Id}" : null);
}
