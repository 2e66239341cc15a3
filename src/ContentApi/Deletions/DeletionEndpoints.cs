using ContentApi.Auth;
using ContentApi.Http.Caching;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using ContentApi.OpenApi;

namespace ContentApi.Deletions;

public static class DeletionEndpoints
{
    private const string NSwagInstants =
        "NSwag's clients write date-times with `ToString(\"s\")`, dropping the offset and the fraction of a second: pass UTC values";

    public static RouteGroupBuilder MapDeletions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deletions").WithTags("Deletions");

        group.MapMethods("/", EndpointConventions.ReadMethods, ListDeletions).WithName("ListDeletions").WithSummary("List what left view")
            .WithDescription(
                "What a syncing site or CDN must drop: an entry per article, author, tag or image deleted, and per article withdrawn (one anonymous callers saw, " +
                "made a draft or rescheduled into the future by PATCH, PUT or import), oldest first, with the slug it had. Read it beside " +
                "`GET /articles?updatedAfter=…&sort=updatedAt`, applying both in time order: an entry older than the article's current `updatedAt` is superseded " +
                "(it was published again). An author, tag or image is shown to anonymous callers only while a live article uses it, so an article write that " +
                "leaves one used by none also withdraws it. Anonymous callers see only the entries of what they saw until then; a key with the read scope sees every entry, " +
                "drafts deleted and authors, tags and images deleted too (none of those can be deleted while an article uses them, so anonymous callers no longer saw it). " +
                "Editing an article that stays published, or a draft, and an article going live at its publishedAt, record nothing.")
            .Lists<ListResponse<DeletionResponse>>().Sorts(DeletionStore.Sorts, "Entries recorded in the same instant come in the order they were recorded.")
            .Fields<DeletionResponse>()
            .WithMetadata(new ParameterDescriptionMetadata("type",
                "Only entries of these kinds of resource, comma-separated (`type=article` for a site that mirrors articles alone). Anything else is a 400.",
                Values: new(nameof(DeletionType), DeletionTypes.Names)))
            .WithMetadata(new ParameterDescriptionMetadata("cursor",
                "The `nextCursor` of the previous page, sent with the same other parameters (`type`, `deletedAfter`, `deletedBefore`, `sort`). Opaque. Not with `page`."))
            .WithMetadata(new ParameterDescriptionMetadata("deletedAfter",
                "Only entries recorded at or after this instant, read like `updatedAfter`: RFC 3339 with an offset, a date (midnight UTC), or a date-time without " +
                "an offset, read as UTC. What a syncing client asks, with the newest `deletedAt` it has seen (it takes that entry again: the bound is inclusive, " +
                "so that two entries of one millisecond are not split by a sync). " + NSwagInstants + "."))
            .WithMetadata(new ParameterDescriptionMetadata("deletedBefore",
                "Only entries recorded before this instant; read like `deletedAfter`, and later than it. " + NSwagInstants +
                ", and a `deletedBefore` from them is then truncated to the second, up to a second earlier than the value given."));
        return group;
    }

    public static async Task<IResult> ListDeletions([AsParameters] ListDeletionsQuery query, HttpContext http, DeletionStore store, CancellationToken cancellationToken)
    {
        var (order, after, limit) = query.Paging(DeletionStore.Sorts);
        var filter = new DeletionFilter(!ApiKeyScopes.CanSeeUnpublished(http), query.Types, query.DeletedAfter?.Value, query.DeletedBefore?.Value);
        var page = await store.ListAsync(filter, order, after, limit, query.Page, cancellationToken);
        return Representation.List(page, limit, query.Fields, r => r.ToResponse());
    }
}
