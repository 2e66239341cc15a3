using System.Text.Json.Serialization;
using ContentApi.Authors;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Images;
using ContentApi.OpenApi;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.Articles;

/// <summary>A tag as embedded in an article.</summary>
public sealed record TagSummary(long Id, string Slug, string Name);

/// <summary>An article with its authors, tags and images embedded, so one request renders it.</summary>
/// <param name="Excerpt">The given excerpt, or one derived from the body: at most 200 user-perceived characters (grapheme clusters) of its paragraphs before a thematic break that follows them (closing matter such as a disclaimer), without headings, code, tables or the credit or caption line under a figure, cut at a sentence end that leaves no quotation open (then without an ellipsis), or else at another sentence or clause end or a word boundary (then ending with …).</param>
/// <param name="Status">`draft` or `published`; a published article whose `publishedAt` is still to come is scheduled (the list's `status=scheduled`).</param>
/// <param name="PublishedAt">Null for drafts; in the future for scheduled articles.</param>
/// <param name="CharacterCount">User-perceived characters (grapheme clusters) of the body's text, as `plainText` gives it, not counting whitespace: 𠮷 and 👨‍👩‍👧 are one each.</param>
/// <param name="ReadingTimeMinutes">Chinese and Japanese characters at ~400 a minute plus words (Korean ones too) at ~230 a minute, rounded up; 0 when the body has nothing to read (empty, or images alone). Articles stored before a change of these rules keep theirs until `ContentApi reindex`.</param>
public sealed record ArticleResponse(
    long Id,
    string Slug,
    string Title,
    string? Subtitle,
    string Excerpt,
    string Body,
    string Language,
    ArticleStatus Status,
    DateTimeOffset? PublishedAt,
    [property: OmittedUnless(ArticleResponse.AuthorsOmitted)] IReadOnlyList<AuthorSummary> Authors,
    [property: OmittedUnless(ArticleResponse.TagsOmitted)] IReadOnlyList<TagSummary> Tags,
    [property: OmittedUnless(ArticleResponse.CoverImageOmitted)] ImageResponse? CoverImage,
    [property: OmittedUnless(ArticleResponse.ImagesOmitted)] IReadOnlyList<ImageResponse> Images,
    [property: SchemaFormat(Format = "iri")] string? CanonicalUrl,
    long ReadingTimeMinutes,
    long CharacterCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>
    /// The body rendered to sanitized HTML; only with <c>format=html</c>. Links to other sites carry
    /// <c>rel="noopener noreferrer nofollow"</c>: a frontend that vouches for its editors' links rewrites it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BodyHtml { get; init; }

    /// <summary>The body's headings (level, text, id of the heading in bodyHtml); only with <c>format=html</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TocEntry>? Toc { get; init; }

    /// <summary>The body as plain text; only with <c>format=text</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PlainText { get; init; }

    /// <summary>The name of the API key whose request created the article, as it was then; only for callers with a key (left out for anonymous callers), and null (left out) for articles created before this was recorded or by a CLI command (seed, import).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedBy { get; init; }

    /// <summary>The name of the API key whose request last changed the article (a write that changes nothing, or its going live at its publishedAt, does not count); only for callers with a key (left out for anonymous callers), and null (left out) for articles last changed before this was recorded or by a CLI command.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedBy { get; init; }

    // The embeds' descriptions, which search results share.
    internal const string AuthorsOmitted = "Left out when `include` does not name `authors`.";
    internal const string TagsOmitted = "Left out when `include` does not name `tags`.";
    internal const string CoverImageOmitted = "Null when the article has none; left out when `include` does not name `coverImage`.";
    internal const string ImagesOmitted = "Left out when `include` does not name `images`.";
}

public sealed record ArticleRow
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Subtitle { get; init; }
    public string? Excerpt { get; init; }
    public string DerivedExcerpt { get; init; } = "";

    /// <summary>
    /// Whether <paramref name="excerpt"/> only restates the excerpt this article derives (and shows): a client that read
    /// it and sends it back (GET, then PUT; a form posting every field) means no excerpt of its own, so it stays derived.
    /// </summary>
    public bool RestatesDerivedExcerpt(string? excerpt) => Excerpt is null && excerpt is not null && excerpt == DerivedExcerpt;

    public string Body { get; init; } = "";
    public string Language { get; init; } = "";
    public string Status { get; init; } = "";
    public string? PublishedAt { get; init; }

    /// <summary>A draft's publishedAt from before it was unpublished, for publishing it again; null otherwise (migration 0028).</summary>
    public string? EarlierPublishedAt { get; init; }

    public long? CoverImageId { get; init; }
    public string? CanonicalUrl { get; init; }
    public long ReadingTimeMinutes { get; init; }
    public long CharacterCount { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public long Version { get; init; }

    /// <summary>When the content was last restored (null: never); see <see cref="ArticleAggregate.LastModified"/>.</summary>
    public string? RestoredAt { get; init; }

    public string? CreatedBy { get; init; }
    public string? UpdatedBy { get; init; }

    public ArticleStatus StatusValue => Status == "published" ? ArticleStatus.Published : ArticleStatus.Draft;
}

/// <summary>Rows of the link tables, loaded for a whole page of articles at once.</summary>
public sealed record ArticleAuthorRow
{
    public long ArticleId { get; init; }
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public long Version { get; init; }
    public string UpdatedAt { get; init; } = "";

    /// <summary>Read with the author, in the same statement (see <see cref="ArticleQueries.AuthorsOf"/>).</summary>
    public ImageRow? Avatar { get; init; }
}

public sealed record ArticleTagRow
{
    public long ArticleId { get; init; }
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
}

/// <summary>Where an image sits in an article: its cover (position -1) or the n-th inline image.</summary>
public sealed record ArticleImageLink
{
    public long ArticleId { get; init; }
    public long Position { get; init; }
}

public sealed record ArticleImageRow(long ArticleId, long Position, ImageRow Image);

/// <summary>An article row with everything embedded, ready to become a response.</summary>
public sealed record ArticleAggregate(
    ArticleRow Row, IReadOnlyList<ArticleAuthorRow> Authors, IReadOnlyList<ArticleTagRow> Tags,
    ArticleImageRow? Cover, IReadOnlyList<ArticleImageRow> Images) : IVersioned
{
    long IVersioned.Id => Row.Id;

    long IVersioned.Version => Row.Version;

    /// <summary>
    /// The article's own: a write's If-Unmodified-Since, like its If-Match, is about the article, not what it embeds
    /// (and, as Last-Modified, never before the last restore).
    /// </summary>
    DateTimeOffset? IVersioned.ModifiedAt => Timestamps.FromDb(Timestamps.Later(Row.UpdatedAt, Row.RestoredAt));

    /// <summary>The response; with who created and last updated it only for a key holder (<paramref name="keyed"/>).</summary>
    public ArticleResponse ToResponse(bool keyed) => new ArticleResponse(
        Row.Id, Row.Slug, Row.Title, Row.Subtitle, Row.Excerpt ?? Row.DerivedExcerpt, Row.Body, LanguageTags.Canonical(Row.Language),
        Row.StatusValue, Timestamps.FromDbOrNull(Row.PublishedAt),
        [.. Authors.Select(a => new AuthorSummary(a.Id, a.Slug, a.Name, a.Avatar?.ToResponse()))],
        [.. Tags.Select(t => new TagSummary(t.Id, t.Slug, t.Name))],
        Cover?.Image.ToResponse(),
        [.. Images.Select(i => i.Image.ToResponse())],
        Row.CanonicalUrl, Row.ReadingTimeMinutes, Row.CharacterCount,
        Timestamps.FromDb(Row.CreatedAt), Timestamps.FromDb(Row.UpdatedAt), Row.Version)
    {
        CreatedBy = keyed ? Row.CreatedBy : null,
        UpdatedBy = keyed ? Row.UpdatedBy : null,
    };

    /// <summary>
    /// The latest change to the article or anything it embeds (for Last-Modified), and never before the last restore,
    /// which may have discarded later edits: an If-Modified-Since at one of their dates must not get 304. The dates
    /// themselves are content, restored as they were.
    /// </summary>
    public DateTimeOffset LastModified => Timestamps.FromDb(new[] { Timestamps.Later(Row.UpdatedAt, Row.RestoredAt) }
        .Concat(Authors.Select(a => a.UpdatedAt)).Concat(Authors.Select(a => a.Avatar?.UpdatedAt ?? "")).Concat(Tags.Select(t => t.UpdatedAt))
        .Concat(Images.Select(i => i.Image.UpdatedAt)).Concat(Cover is null ? [] : [Cover.Image.UpdatedAt])
        .Where(t => t.Length > 0).Max(StringComparer.Ordinal)!);

    /// <summary>The request that would recreate this article (what PATCH merges into).</summary>
    public ArticleRequest ToRequest() => new(
        Row.Title, Row.Body, Row.Language, [.. Authors.Select(a => a.Id)], Row.StatusValue, Row.Slug, Row.Subtitle, Row.Excerpt,
        Timestamps.FromDbOrNull(Row.PublishedAt), [.. Tags.Select(t => t.Id)], Row.CoverImageId, [.. Images.Select(i => i.Image.Id)], Row.CanonicalUrl);
}
