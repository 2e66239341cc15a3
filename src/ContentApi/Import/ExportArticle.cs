namespace ContentApi.Import;

/// <summary>
/// An article as <see cref="MarkdownExportWriter"/> writes it; the body references images as <c>image:ID</c>, and
/// <see cref="ImageIds"/> are the article's images in order, those the body does not place included; <see cref="EarlierSlugs"/>
/// the slugs that lead to it (an export's <c>previous_slugs</c>).
/// </summary>
public sealed record ExportArticle(
    string Title,
    string Slug,
    string Language,
    string Status,
    string Body,
    IReadOnlyList<NamedRef> Authors,
    IReadOnlyList<NamedRef> Tags,
    DateTimeOffset? PublishedAt = null,
    string? Subtitle = null,
    string? Excerpt = null,
    string? CanonicalUrl = null,
    CoverImageRef? Cover = null,
    IReadOnlyList<long>? ImageIds = null,
    IReadOnlyList<string>? EarlierSlugs = null);
