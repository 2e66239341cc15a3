using System.Text.Json.Serialization;
using ContentApi.Http.Binding;
using ContentApi.Http.Json;
using ContentApi.Http.Lists;
using ContentApi.OpenApi;
using ContentApi.Text;
using FluentValidation;

namespace ContentApi.Articles;

/// <summary>
/// `draft` (seen only with a key) or `published`. A `published` article whose `publishedAt` is still to come is
/// scheduled: its status stays `published`, anonymous callers get 404 for it until that instant, and the list filter
/// `status=scheduled` finds it (a frontend tells it by `publishedAt` later than now).
/// </summary>
public enum ArticleStatus
{
    [JsonStringEnumMemberName("draft")]
    Draft,

    [JsonStringEnumMemberName("published")]
    Published,
}

/// <summary>The body of POST (create) and PUT (replace) for an article; PATCH merges into this shape.</summary>
/// <param name="Title" example="阿里雲發布通義千問 Qwen3-Max，SWE-Bench Verified 得分 69.6">Headline, on one line: no line breaks or tabs, no white space at either end, no byte order mark. Must show something: not only white space, zero-width or other invisible characters, or accents alone.</param>
/// <param name="Body" example="## 發布會現場&#10;&#10;阿里雲今天發布通義千問 Qwen3-Max。&#10;&#10;![發布會](image:12)&#10;圖源:ifanr">Markdown source, stored exactly as sent. Inline images are written `![alt](image:ID)`, for images in `imageIds` or the `coverImageId` (any other is a 400). Raw HTML is shown as text but for a few bare inline tags: `&lt;sub&gt;`, `&lt;sup&gt;`, `&lt;ruby&gt;` with `&lt;rt&gt;` and `&lt;rp&gt;`, `&lt;kbd&gt;`, `&lt;mark&gt;`, `&lt;br&gt;`, `&lt;wbr&gt;`, without attributes, and a paired one only with its partner in the same run of text.</param>
/// <param name="Language" example="zh-Hant">BCP 47 language tag (RFC 5646), such as `zh-Hant`, `zh-Hans`, `yue-Hant-HK`, `ja-JP-u-ca-japanese` or `en`; stored and returned in the case the registry writes it (`ZH-HANT-tw` is `zh-Hant-TW`), a deprecated language as the one the registry prefers (`iw` is `he`, `in` `id`, `ji` `yi`, `jw` `jv`, `mo` `ro`); a two-letter language must be an ISO 639-1 code (`jp`, `gr`, `ua`, `vn` and `cz` are countries: `ja`, `el`, `uk`, `vi`, `cs`).</param>
/// <param name="AuthorIds" example="[3]">Ordered author ids; at least one.</param>
/// <param name="Status" example="published">`draft` or `published`. Omitted (or null), an existing article keeps its status, as an omitted `slug` is kept (a published or scheduled article also keeps its `publishedAt` unless one is given), so a client that does not send it never unpublishes; a new article is a draft. To unpublish, send `draft` with `publishedAt` null or left out (a draft has none: an article read and sent back with `draft` keeps its `publishedAt` member and is a 400); publishing it again without a `publishedAt` gives it back the one it had.</param>
/// <param name="Slug" example="qwen3-max-發布">URL slug: at most 120 characters, hyphens included, and 180 UTF-8 bytes, so that it names a file: words of lowercase letters of any script (with their marks) or digits, joined by single hyphens, in Unicode NFKC but for Thai ำ and Lao ຳ, stored as the one character keyboards type (their two-character NFKC form is taken as it; the pattern checks the part of this a regular expression without Unicode classes can); derived from the title when omitted on create, kept when omitted on replace.</param>
/// <param name="Subtitle" example="兆級參數模型登頂多項基準">Optional standfirst; may hold line breaks, but, as a title, no white space at either end.</param>
/// <param name="Excerpt" example="null">Optional summary; when omitted (or null), one is derived from the body (at most 200 user-perceived characters (grapheme clusters) of its paragraphs before a thematic break that follows them (closing matter such as a disclaimer), without headings, code, tables or the credit or caption line under a figure), and follows the body's changes. Sending back the derived excerpt an article shows, as a client that reads and then replaces it does, keeps it derived.</param>
/// <param name="PublishedAt" example="null">When a published article goes live (RFC 3339, between the years 1900 and 9999 in UTC; kept to the microsecond, finer digits dropped). Omitted: unchanged while published; on publishing again after an unpublish, the time the article had then; else now (to the millisecond). In the future: scheduled. Must be omitted for drafts.</param>
/// <param name="TagIds" example="[5, 8]">Tag ids, in display order.</param>
/// <param name="CoverImageId" example="12">Cover image id, or null.</param>
/// <param name="ImageIds" example="[12]">Ids of the inline images, in order of appearance.</param>
/// <param name="CanonicalUrl" example="https://www.ifanr.com/1636000">The original URL when the article is republished from elsewhere.</param>
public sealed record ArticleRequest(
    string Title,
    string Body,
    string Language,
    [property: SchemaFormat(MaxItems = ArticleRequestValidator.MaxAuthors, UniqueItems = true)] IReadOnlyList<long> AuthorIds,
    ArticleStatus? Status = null,
    string? Slug = null,
    string? Subtitle = null,
    string? Excerpt = null,
    DateTimeOffset? PublishedAt = null,
    [property: SchemaFormat(MaxItems = ArticleRequestValidator.MaxTags, UniqueItems = true)] IReadOnlyList<long>? TagIds = null,
    long? CoverImageId = null,
    [property: SchemaFormat(MaxItems = ArticleRequestValidator.MaxInlineImages, UniqueItems = true)] IReadOnlyList<long>? ImageIds = null,
    [property: SchemaFormat(Format = "iri")] string? CanonicalUrl = null)
{
    // In canonical case however it is written or merged, so that restating a tag in another case changes nothing.
    public string Language { get; init => field = LanguageTags.Canonical(value); } = LanguageTags.Canonical(Language);
}

public sealed class ArticleRequestValidator : AbstractValidator<ArticleRequest>
{
    public const int MaxBodyLength = 500_000;
    public const int MaxAuthors = 50;
    public const int MaxTags = 100;
    public const int MaxInlineImages = 500;
    public const string AuthorsRequiredMessage = "At least one author is required.";
    public const string DraftPublishedAtMessage = "Drafts have no publishedAt; set status to 'published' to publish or schedule.";

    public ArticleRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumCharacters(300).NoControlCharacters().SingleLine().BalancedBidiControls()
            .Must(TextRules.HasVisibleCharacter).WithMessage(TextRules.InvisibleMessage);
        RuleFor(r => r.Body).NotNull().MaximumCharacters(MaxBodyLength).NoControlCharacters();
        RuleFor(r => r.Language).NotEmpty();
        RuleFor(r => r.Language).LanguageTag(LanguageTags.Message).Must(tag => LanguageTags.UnknownLanguage(tag!) is null)
            .WithMessage((_, tag) => LanguageTags.UnknownLanguage(tag!)).When(r => !string.IsNullOrEmpty(r.Language));
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Slug!).Slug().When(r => r.Slug is not null);
        RuleFor(r => r.Subtitle!).MaximumCharacters(500).NoControlCharacters().NoSurroundingWhiteSpace().BalancedBidiControls().When(r => r.Subtitle is not null);
        RuleFor(r => r.Excerpt!).MaximumCharacters(ArticleText.ExcerptMaxCharacters).NoControlCharacters().BalancedBidiControls().When(r => r.Excerpt is not null);
        // A status left out is the article's: the store judges a publishedAt beside it (ArticleStore.WithStatus).
        RuleFor(r => r.PublishedAt).Null().When(r => r.Status == ArticleStatus.Draft).WithMessage(DraftPublishedAtMessage);
        RuleFor(r => r.PublishedAt!.Value.UtcDateTime.Year).InclusiveBetween(UtcDateTimeOffsetConverter.FirstYear, UtcDateTimeOffsetConverter.LastYear)
            .When(r => r.PublishedAt is not null).OverridePropertyName("publishedAt").WithMessage(UtcDateTimeOffsetConverter.Problem);
        // A list past its count is refused for its count alone, its items once it is within it: an error for each of
        // 1,300,000 zeros made a 400 of 126 MB from a body of 2.6 MB.
        RuleFor(r => r.AuthorIds).NotNull().NotEmpty().WithMessage(AuthorsRequiredMessage)
            .Must(ids => ids.Count <= MaxAuthors).WithMessage($"At most {MaxAuthors} authors.");
        RuleFor(r => r.AuthorIds).Custom((ids, context) => RepeatedIds(ids, context, "author")).When(r => r.AuthorIds is { Count: <= MaxAuthors });
        RuleForEach(r => r.AuthorIds).GreaterThan(0).When(r => r.AuthorIds is { Count: <= MaxAuthors });
        RuleFor(r => r.TagIds!).Must(ids => ids.Count <= MaxTags).WithMessage($"At most {MaxTags} tags.").When(r => r.TagIds is not null);
        RuleFor(r => r.TagIds!).Custom((ids, context) => RepeatedIds(ids, context, "tag")).When(r => r.TagIds is { Count: <= MaxTags });
        RuleForEach(r => r.TagIds).GreaterThan(0).When(r => r.TagIds is { Count: <= MaxTags });
        RuleFor(r => r.ImageIds!).Must(ids => ids.Count <= MaxInlineImages).WithMessage($"At most {MaxInlineImages} inline images.").When(r => r.ImageIds is not null);
        RuleFor(r => r.ImageIds!).Custom((ids, context) => RepeatedIds(ids, context, "image")).When(r => r.ImageIds is { Count: <= MaxInlineImages });
        RuleForEach(r => r.ImageIds).GreaterThan(0).When(r => r.ImageIds is { Count: <= MaxInlineImages });
        RuleFor(r => r.CoverImageId).GreaterThan(0).When(r => r.CoverImageId is not null);
        RuleFor(r => r.CanonicalUrl).HttpUrl().When(r => r.CanonicalUrl is not null);
    }

    /// <summary>Each id given again is an error at its own position (<c>tagIds[2]</c>), so a form can mark the repeat.</summary>
    private static void RepeatedIds(IReadOnlyList<long>? ids, ValidationContext<ArticleRequest> context, string what)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (!seen.Add(ids![i]))
            {
                context.AddFailure($"{context.PropertyPath}[{i}]", $"Repeats {what} {ids[i]}: each {what} may appear once.");
            }
        }
    }
}

/// <summary>Query of GET /api/v1/articles.</summary>
public sealed record ListArticlesQuery : IListQuery, IUpdatedRangeQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public int? Page { get; init; }
    public string? Sort { get; init; }
    /// <summary>Only articles by this author (id or slug; digits are the slug when one has it, else the id; 042 is a slug only).</summary>
    public string? Author { get; init; }
    /// <summary>Only articles by any of these authors, by id alone (comma-separated, up to 100).</summary>
    public string? AuthorId { get; init; }
    /// <summary>Only articles with this tag (id or slug; digits are the slug when one has it, else the id; 042 is a slug only).</summary>
    public string? Tag { get; init; }
    /// <summary>Only articles with any of these tags, by id alone (comma-separated, up to 100).</summary>
    public string? TagId { get; init; }
    /// <summary>Only articles showing any of these images, as their cover or in their body, by id (comma-separated, up to 100).</summary>
    public string? ImageId { get; init; }
    /// <summary>Only articles in any of these BCP 47 languages or more specific ones (RFC 4647 basic filtering, case-insensitive; comma-separated, up to 20), a Chinese script with the regions that write it (zh-Hant: zh-TW, zh-HK, zh-MO); * is every language.</summary>
    public string? Language { get; init; }
    /// <summary>Only these articles, by id (comma-separated, up to 100), listed in the list's sort.</summary>
    public string? Id { get; init; }
    /// <summary>Only these articles, by current or earlier slug (comma-separated, up to 100), listed in the list's sort.</summary>
    public string? Slug { get; init; }
    /// <summary>`draft`, `scheduled` (published, going live later) or `published` (live). Anonymous callers see live articles only, so `draft` and `scheduled` need a key with the read scope (else 401, or 403 for a key without it); another value is a 400.</summary>
    public string? Status { get; init; }
    /// <summary>Only articles published at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? PublishedAfter { get; init; }
    /// <summary>Only articles published before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? PublishedBefore { get; init; }
    /// <summary>Only articles last updated at or after this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedAfter { get; init; }
    /// <summary>Only articles last updated before this instant (see <see cref="QueryInstant"/>).</summary>
    public QueryInstant? UpdatedBefore { get; init; }
    /// <summary>Embedded relations to return: authors, tags, coverImage, images (comma-separated), or none. Default: all.</summary>
    public string? Include { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,title. Default: all.</summary>
    public string? Fields { get; init; }
    /// <summary>Extra renderings: html (adds bodyHtml and toc), text (adds plainText), or both: html,text.</summary>
    public string? Format { get; init; }
    /// <summary>Full-text search words; combined with the other filters, in the list's sort order (GET /search ranks by relevance).</summary>
    public string? Q { get; init; }
    /// <summary>Only articles created with the key of this name (see createdBy); needs a key with the read scope, as key names are not shown to anonymous callers.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>Only articles last changed with the key of this name (see updatedBy); needs a key with the read scope, as key names are not shown to anonymous callers.</summary>
    public string? UpdatedBy { get; init; }
}

/// <summary>Query of the single-article reads.</summary>
public sealed record ArticleViewQuery
{
    /// <summary>Embedded relations to return: authors, tags, coverImage, images (comma-separated), or none. Default: all.</summary>
    public string? Include { get; init; }
    /// <summary>Top-level fields to return (comma-separated), e.g. id,slug,title. Default: all.</summary>
    public string? Fields { get; init; }
    /// <summary>Extra renderings: html (adds bodyHtml and toc), text (adds plainText), or both: html,text.</summary>
    public string? Format { get; init; }

    public ArticleView View => ArticleView.From(Include, Fields, Format);
}

public sealed class ArticleViewQueryValidator : AbstractValidator<ArticleViewQuery>
{
    public ArticleViewQueryValidator() => RuleFor(q => q).ArticleView(q => (q.Include, q.Fields, q.Format), ArticleView.FieldNames);
}

public sealed class ListArticlesQueryValidator : ListQueryValidator<ListArticlesQuery, ArticleRow>
{
    public ListArticlesQueryValidator() : base(ArticleStore.PrivateSorts)
    {
        var statuses = EnumValuesConverter.ValuesOf(typeof(ArticleListStatus));
        RuleFor(q => q.Status).Must(s => statuses.Contains(s)).When(q => q.Status is not null)
            .WithMessage($"Must be one of: {string.Join(", ", statuses)}.");
        RuleFor(q => q.Language).LanguageRange();
        RuleFor(q => q.Q).SearchText();
        RuleFor(q => q.Author).IdOrSlug();
        RuleFor(q => q.Tag).IdOrSlug();
        RuleFor(q => q.AuthorId).IdList("authorId", "author id");
        RuleFor(q => q.TagId).IdList("tagId", "tag id");
        RuleFor(q => q.ImageId).IdList("imageId", "image id");
        RuleFor(q => q.Id).IdList();
        RuleFor(q => q.Slug).SlugList();
        RuleFor(q => q).ArticleView(q => (q.Include, q.Fields, q.Format), ArticleView.FieldNames);
        RuleFor(q => q.PublishedBefore).LaterThanPublishedAfter(q => q.PublishedAfter);
        UpdatedRange.AddRules(this);
        RuleFor(q => q.CreatedBy).EditorName();
        RuleFor(q => q.UpdatedBy).EditorName();
    }
}
