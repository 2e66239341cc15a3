namespace ContentApi.Import;

/// <summary>
/// What front matter said. <see cref="Authors"/> is null when there is no <c>authors</c> key, which is
/// what lets a byline in the body name the authors; an empty list means "no authors" and turns bylines off.
/// </summary>
internal sealed record FrontMatterFields
{
    public static readonly FrontMatterFields None = new();

    public string? Title { get; init; }
    public string? Slug { get; init; }
    public string? Subtitle { get; init; }
    public string? Excerpt { get; init; }
    /// <summary>Hugo's <c>summary</c>, else its and Jekyll's <c>description</c>: the excerpt when the file gives no <c>excerpt</c>.</summary>
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<NamedRef>? Authors { get; init; }
    /// <summary>Hugo's and Jekyll's <c>author</c>: the authors when the file gives no <c>authors</c>.</summary>
    public IReadOnlyList<NamedRef>? Author { get; init; }
    /// <summary>Docusaurus' <c>author_title</c>, <c>author_url</c> and <c>author_image_url</c>: of the one author <see cref="Author"/> names.</summary>
    public NamedDetails? AuthorDetails { get; init; }
    public IReadOnlyList<NamedRef> Tags { get; init; } = [];
    /// <summary>Jekyll's and Hugo's <c>categories</c>: tags after the file's <c>tags</c>, as Ghost's own migrations make them.</summary>
    public IReadOnlyList<NamedRef> Categories { get; init; } = [];
    public string? Language { get; init; }
    /// <summary>Jekyll's, Hexo's and Eleventy's <c>lang</c>: the language when the file gives no <c>language</c>.</summary>
    public string? Lang { get; init; }
    public string? Status { get; init; }
    /// <summary>Hugo's and Jekyll's <c>draft: true|false</c>, null when the file does not say.</summary>
    public bool? Draft { get; init; }
    public int DraftLine { get; init; } = 1;
    /// <summary>The key and value <see cref="Draft"/> was read from when not <c>draft</c>: "published: false" (Jekyll, DEV).</summary>
    public string? DraftWritten { get; init; }
    /// <summary>The key and value that kept the page out of the site's lists or pages (<c>unlisted: true</c>): a draft.</summary>
    public string? HiddenBy { get; init; }
    public int HiddenLine { get; init; } = 1;
    public DateTimeOffset? PublishedAt { get; init; }
    public int PublishedAtLine { get; init; } = 1;
    /// <summary>Hugo's and Jekyll's <c>date</c>: the publication date when the file gives no <c>publishedAt</c>.</summary>
    public DateTimeOffset? Date { get; init; }
    public int DateLine { get; init; } = 1;
    /// <summary>
    /// Hugo's <c>publishDate</c>, Ghost's <c>published_at</c>, Astro's <c>pubDate</c> or AstroPaper's <c>pubDatetime</c>,
    /// the first given: the publication date when the file gives no <c>publishedAt</c>, before <c>date</c>.
    /// </summary>
    public DateTimeOffset? PublishDate { get; init; }
    public int PublishDateLine { get; init; } = 1;
    public CoverImageRef? Cover { get; init; }
    /// <summary>The file line of <c>cover</c>, for problems with its image.</summary>
    public int CoverLine { get; init; } = 1;
    /// <summary>
    /// Ghost's <c>feature_image</c>, and <c>featured_image</c>, <c>featureImage</c> or <c>image</c> as Jekyll and Hugo themes
    /// name it, or the first of Hugo's <c>images</c> (its Open Graph pictures): the cover when the file gives no <c>cover</c>.
    /// </summary>
    public CoverImageRef? TheirCover { get; init; }
    public int TheirCoverLine { get; init; } = 1;
    /// <summary>Ghost's <c>feature_image_alt</c> and <c>feature_image_caption</c>: the alt text and caption of <see cref="TheirCover"/>.</summary>
    public string? TheirCoverAlt { get; init; }
    public string? TheirCoverCaption { get; init; }
    public string? CanonicalUrl { get; init; }
    /// <summary>Ghost's and DEV's <c>canonical_url</c>, Hugo themes' <c>canonicalURL</c>: the canonical URL when the file gives no <c>canonicalUrl</c>.</summary>
    public string? TheirCanonicalUrl { get; init; }
    /// <summary>
    /// Slugs the article had before, from Hugo's <c>aliases</c> and Jekyll's <c>redirect_from</c> (a migrated site's earlier
    /// URLs, <see cref="EarlierSlugPath"/>), in order, each once.
    /// </summary>
    public IReadOnlyList<EarlierSlug> EarlierSlugs { get; init; } = [];
    /// <summary>The API's <c>imageIds</c>: the article's stored images, in order; null when the file does not say.</summary>
    public IReadOnlyList<long>? ImageIds { get; init; }
    /// <summary>
    /// The file line of each key the front matter gives (<c>authors</c> for Hugo's <c>author</c>, <c>publishedAt</c>
    /// for its <c>date</c>), for the problems found with its value.
    /// </summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();
}
