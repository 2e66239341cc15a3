using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.OpenApi;

namespace ContentApi.Authors;

/// <summary>An author. <c>email</c> is null unless the caller sends a key.</summary>
/// <param name="PublishedArticleCount">How many articles anonymous readers see credit the author (published and live, not scheduled).</param>
public sealed record AuthorResponse(
    long Id, string Slug, string Name, string? Bio, ImageResponse? Avatar, [property: SchemaFormat(Format = "iri")] string? Website,
    [property: SchemaFormat(Format = "idn-email")] string? Email, long PublishedArticleCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

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
    public ImageRow? Avatar { get; init; }

    public AuthorResponse ToResponse(bool includeEmail) => new(
        Id, Slug, Name, Bio, Avatar?.ToResponse(), Website, includeEmail ? Email : null, PublishedArticleCount,
        Timestamps.FromDb(CreatedAt), Timestamps.FromDb(UpdatedAt), Version);

    public AuthorRequest ToRequest() => new(Name, Slug, Bio, AvatarImageId, Website, Email);
}
