using System.Text.Json;
using ContentApi.Data;

namespace ContentApi.Articles.Revisions;

/// <summary>A stored revision as the database returns it (a list reads only the columns of its summary).</summary>
public sealed record ArticleRevisionRow
{
    public long ArticleId { get; init; }
    public long Version { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Subtitle { get; init; }
    public string? Excerpt { get; init; }
    public string Body { get; init; } = "";
    public string Language { get; init; } = "";
    public string Status { get; init; } = "";
    public string? PublishedAt { get; init; }
    public string? EarlierPublishedAt { get; init; }
    public long? CoverImageId { get; init; }
    public string? CanonicalUrl { get; init; }
    public string AuthorIds { get; init; } = "[]";
    public string TagIds { get; init; } = "[]";
    public string ImageIds { get; init; } = "[]";
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string? CreatedBy { get; init; }
    public string? UpdatedBy { get; init; }
    public string ReplacedAt { get; init; } = "";
    public bool Deleted { get; init; }

    public ArticleStatus StatusValue => Status == "published" ? ArticleStatus.Published : ArticleStatus.Draft;

    /// <summary>The version as an article request: a PUT of it puts the article back as it was.</summary>
    public ArticleRequest ToRequest() => new(
        Title, Body, Language, Ids(AuthorIds), StatusValue, Slug, Subtitle, Excerpt, Timestamps.FromDbOrNull(PublishedAt),
        Ids(TagIds), CoverImageId, Ids(ImageIds), CanonicalUrl);

    public ArticleRevisionResponse ToSummary() => new(
        Version, Title, Slug, StatusValue, Timestamps.FromDbOrNull(PublishedAt), Timestamps.FromDb(UpdatedAt), UpdatedBy, Timestamps.FromDb(ReplacedAt), Deleted);

    private static long[] Ids(string json) => JsonSerializer.Deserialize<long[]>(json) ?? [];
}
