using System.Text.Json.Serialization;
using ContentApi.Data;
using ContentApi.OpenApi;

namespace ContentApi.Deletions;

/// <summary>A resource that left view: deleted, or withdrawn from anonymous callers.</summary>
/// <param name="Type" example="article">What kind of resource it was.</param>
/// <param name="Id" example="42">Its id, which no other resource of its type is ever given.</param>
/// <param name="Slug" example="deepseek-v3-release">The slug it had then; null for images, which have none.</param>
/// <param name="Reason" example="withdrawn">`deleted`, or `withdrawn`: anonymous callers no longer see it (an article made a draft or rescheduled into the future, or an author, tag or image no live article uses any more); it still exists for key holders, and an article shows again in `updatedAfter` once it is live again.</param>
/// <param name="DeletedAt" example="2026-12-02T08:30:00.123000Z">When it left view: the time of the write, in whole milliseconds as `updatedAt` is.</param>
/// <remarks>
/// <paramref name="Reason"/> is sent as stored, so that one a later release records (read after a rollback) is passed
/// through for the client to skip, not a 500 for the whole feed.
/// </remarks>
public sealed record DeletionResponse(DeletionType Type, long Id, string? Slug, [property: SchemaOf(typeof(DeletionReason))] string Reason, DateTimeOffset DeletedAt);

/// <summary>
/// What kind of resource a deletion entry names: the API's resources, articles, authors, tags and images (the <c>type</c>
/// filter takes the same names). Closed: an entry of a kind this build does not know (a later release's, read after a
/// rollback) is left out of the feed, as it names nothing this API serves.
/// </summary>
public enum DeletionType
{
    [JsonStringEnumMemberName("article")]
    Article,

    [JsonStringEnumMemberName("author")]
    Author,

    [JsonStringEnumMemberName("tag")]
    Tag,

    [JsonStringEnumMemberName("image")]
    Image,
}

/// <summary>Why a resource left view; a later release may add reasons, so a client skips one it does not know.</summary>
[ExtensibleEnum]
public enum DeletionReason
{
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}

/// <summary>A deletion entry as the database returns it; Id is the entry's own, which breaks ties of time in recording order.</summary>
public sealed record DeletionRow
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    public long ItemId { get; init; }
    public string? Slug { get; init; }
    public string Reason { get; init; } = "";
    public string DeletedAt { get; init; } = "";

    /// <summary>Of a row of a known <see cref="Type"/>, which the store lists alone.</summary>
    public DeletionResponse ToResponse() => new(DeletionTypes.Parse(Type), ItemId, Slug, Reason, Timestamps.FromDb(DeletedAt));
}
