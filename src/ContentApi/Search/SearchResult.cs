using System.Text.Json.Serialization;
using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Images;
using ContentApi.OpenApi;

namespace ContentApi.Search;

// The members of ArticleResponse in its order, with its types, attributes and descriptions (the <param>s below are
// copies of its own), but the renderings search does not offer; Body optional; then Highlights. SearchResultTests and
// the contract tests (the two schemas compared member by member) fail when one changes without the other.

/// <summary>
/// An article as search finds it: the members of an article read, without `body` unless `fields` names it, and with
/// `highlights`. Search takes no `format`, so a hit has no renderings (`bodyHtml`, `toc`, `plainText`).
/// </summary>
/// <param name="Excerpt">The given excerpt, or one derived from the body: at most 200 user-perceived characters (grapheme clusters) of its paragraphs before a thematic break that follows them (closing matter such as a disclaimer), without headings, code, tables or the credit or caption line under a figure, cut at a sentence end that leaves no quotation open (then without an ellipsis), or else at another sentence or clause end or a word boundary (then ending with …).</param>
/// <param name="Status">`draft` or `published`; a published article whose `publishedAt` is still to come is scheduled (the list's `status=scheduled`).</param>
/// <param name="PublishedAt">Null for drafts; in the future for scheduled articles.</param>
/// <param name="CharacterCount">User-perceived characters (grapheme clusters) of the body's text, as `plainText` gives it, not counting whitespace: 𠮷 and 👨‍👩‍👧 are one each.</param>
/// <param name="ReadingTimeMinutes">Chinese and Japanese characters at ~400 a minute plus words (Korean ones too) at ~230 a minute, rounded up; 0 when the body has nothing to read (empty, or images alone). Articles stored before a change of these rules keep theirs until `ContentApi reindex`.</param>
/// <param name="Highlights">Why the search matched: HTML snippets (escaped, matches in &lt;mark&gt;).</param>
public sealed record SearchResult(
    long Id,
    string Slug,
    string Title,
    string? Subtitle,
    string Excerpt,
    [property: OmittedUnless("Left out unless `fields` names it.")] string Body,
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
    long Version,
    IReadOnlyList<SearchHighlight> Highlights)
{
    /// <summary>The hit for <paramref name="article"/>, which search shapes as a read shapes its article (without renderings).</summary>
    public static SearchResult Of(ArticleResponse article, IReadOnlyList<SearchHighlight> highlights) => new(
        article.Id, article.Slug, article.Title, article.Subtitle, article.Excerpt, article.Body, article.Language, article.Status,
        article.PublishedAt, article.Authors, article.Tags, article.CoverImage, article.Images, article.CanonicalUrl,
        article.ReadingTimeMinutes, article.CharacterCount, article.CreatedAt, article.UpdatedAt, article.Version, highlights);
}

/// <summary>A snippet of one field of a search hit.</summary>
/// <param name="Snippet">HTML: the text escaped, the matched words wrapped in &lt;mark&gt;. For `authors`, `tags` and `images` (only when the article's own text does not hold the match), the names (or caption and credit) that match, separated by ` · `. `excerpt` also for an excerpt derived from the body, when only it holds the match (it leaves headings and figures out, so a phrase can run across where one was). A hit whose match is in an embed the response leaves out (`include`) gets the start of the body, unmarked.</param>
public sealed record SearchHighlight(HighlightField Field, string Snippet);

/// <summary>Where a search highlight's match is: the article's own text, the names of its authors or tags, or the captions and credits of its images.</summary>
[ExtensibleEnum]
public enum HighlightField
{
    [JsonStringEnumMemberName("title")]
    Title,

    [JsonStringEnumMemberName("subtitle")]
    Subtitle,

    [JsonStringEnumMemberName("excerpt")]
    Excerpt,

    [JsonStringEnumMemberName("body")]
    Body,

    [JsonStringEnumMemberName("authors")]
    Authors,

    [JsonStringEnumMemberName("tags")]
    Tags,

    [JsonStringEnumMemberName("images")]
    Images,
}
