using ContentApi.Data;
using ContentApi.Http.Writes;

namespace ContentApi.Tags;

/// <summary>A tag.</summary>
/// <param name="PublishedArticleCount">How many articles anonymous readers see carry the tag (published and live, not scheduled).</param>
public sealed record TagResponse(
    long Id, string Slug, string Name, string? Description, long PublishedArticleCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

/// <summary>A tag as the database returns it (Dapper maps columns by alias onto these properties).</summary>
public sealed record TagRow : IVersioned
{
    /// <summary>None: a tag's publishedArticleCount changes without its own timestamp, so it sends no Last-Modified.</summary>
    DateTimeOffset? IVersioned.ModifiedAt => null;

    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public long PublishedArticleCount { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public long Version { get; init; }

    public TagResponse ToResponse() => new(
        Id, Slug, Name, Description, PublishedArticleCount,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version);

    public TagRequest ToRequest() => new(Name, Slug, Description);
}
