using System.Text.Json.Serialization;

namespace ContentApi.Articles.Revisions;

/// <summary>An earlier version of an article, as its revisions list shows it; its whole text is at its own URL.</summary>
/// <param name="Version" example="3">The article's version this was; `GET /articles/{id}/revisions/{version}` gives it whole.</param>
/// <param name="Title" example="阿里雲發布通義千問 Qwen3-Max">Its title then.</param>
/// <param name="Slug" example="qwen3-max-發布">Its slug then.</param>
/// <param name="Status" example="published">Its status then.</param>
/// <param name="PublishedAt" example="2026-12-02T08:30:00.000000Z">Its publishedAt then; null for a draft.</param>
/// <param name="UpdatedAt" example="2026-12-02T08:30:00.123000Z">When this version was written.</param>
/// <param name="UpdatedBy" example="desk-alice">The name of the API key that wrote this version, as it was then; left out for a version written before keys were recorded or by a command.</param>
/// <param name="ReplacedAt" example="2026-12-03T10:00:00.456000Z">When a write replaced it (or deleted the article).</param>
/// <param name="Deleted" example="false">Whether that write deleted the article: this is the version a restore brings back.</param>
public sealed record ArticleRevisionResponse(
    long Version, string Title, string Slug, ArticleStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UpdatedBy, DateTimeOffset ReplacedAt, bool Deleted);
