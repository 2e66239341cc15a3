using System.Text.Json.Serialization;
using ContentApi.Data;
using ContentApi.Http.Writes;

namespace ContentApi.Tags;

/// <summary>A tag.</summary>
/// <param name="PublishedArticleCount">How many articles anonymous readers see carry the tag (published and live, not scheduled).</param>
public sealed record TagResponse(
    long Id, string Slug, string Name, string? Description, long PublishedArticleCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>The name of the API key whose request created it, as it was then; only for callers with a key (left out for anonymous callers), and null (left out) when created before this was recorded or by a CLI command (seed, import).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedBy { get; init; }

    /// <summary>The name of the API key whose request last changed it (a write that changes nothing does not count); only for callers with a key (left out for anonymous callers), and null (left out) when last changed before this was recorded or by a CLI command.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedBy { get; init; }
}

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
    public string? CreatedBy { get; init; }
    public string? UpdatedBy { get; init; }

    /// <summary>The response; with who created and last updated it only for a key holder (<paramref name="keyed"/>).</summary>
    public TagResponse ToResponse(bool keyed) => new TagResponse(
        Id, Slug, Name, Description, PublishedArticleCount,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version)
    {
        CreatedBy = keyed ? CreatedBy : null,
        UpdatedBy = keyed ? UpdatedBy : null,
    };

    public TagRequest ToRequest() => new(Name, Slug, Description);
}
