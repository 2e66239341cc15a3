using System.Text.Json.Serialization;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.OpenApi;

namespace ContentApi.Authors;

/// <summary>An author. <c>email</c> is null unless the caller sends a key, and <c>createdBy</c> and <c>updatedBy</c> are left out.</summary>
/// <param name="PublishedArticleCount">How many articles anonymous readers see credit the author (published and live, not scheduled).</param>
public sealed record AuthorResponse(
    long Id, string Slug, string Name, string? Bio, ImageResponse? Avatar, [property: SchemaFormat(Format = "iri")] string? Website,
    [property: SchemaFormat(Format = "idn-email")] string? Email, long PublishedArticleCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>The name of the API key whose request created it, as it was then; only for callers with a key (left out for anonymous callers), and null (left out) when created before this was recorded or by a CLI command (seed, import).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedBy { get; init; }

    /// <summary>The name of the API key whose request last changed it (a write that changes nothing does not count); only for callers with a key (left out for anonymous callers), and null (left out) when last changed before this was recorded or by a CLI command.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedBy { get; init; }
}

/// <summary>What an article embeds of each of its authors: enough for a byline with a photo.</summary>
/// <param name="Avatar">The author's avatar, as the author's own read shows it; null when the author has none.</param>
public sealed record AuthorSummary(long Id, string Slug, string Name, ImageResponse? Avatar);

/// <summary>An author as the database returns it (Dapper maps columns by alias onto these properties), with its avatar attached by the store.</summary>
public sealed record AuthorRow : IVersioned
{
    /// <summary>None: an author's publishedArticleCount changes without its own timestamp, so it sends no Last-Modified.</summary>
    DateTimeOffset? IVersioned.ModifiedAt => null;

    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Bio { get; init; }
    public long? AvatarImageId { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public long PublishedArticleCount { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public long Version { get; init; }
    public string? CreatedBy { get; init; }
    public string? UpdatedBy { get; init; }
    public ImageRow? Avatar { get; init; }

    /// <summary>The response; its email, and who created and last updated it, only for a key holder (<paramref name="keyed"/>).</summary>
    public AuthorResponse ToResponse(bool keyed) => new AuthorResponse(
        Id, Slug, Name, Bio, Avatar?.ToResponse(), Website, keyed ? Email : null, PublishedArticleCount,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version)
    {
        CreatedBy = keyed ? CreatedBy : null,
        UpdatedBy = keyed ? UpdatedBy : null,
    };

    public AuthorRequest ToRequest() => new(Name, Slug, Bio, AvatarImageId, Website, Email);
}
