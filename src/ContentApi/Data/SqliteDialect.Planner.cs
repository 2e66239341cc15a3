namespace ContentApi.Data;

/// <summary>What SQLite's planner is told that it cannot know without statistics: which index to read, which join to start from, how likely a condition is.</summary>
internal static partial class SqliteDialect
{
    /// <summary>
    /// What anonymous callers may see of an article: published, and not scheduled for later. The likelihoods tell the
    /// planner what it cannot know without statistics: nearly every article passes. Left to guess, SQLite expects the
    /// status and date on ix_articles_published to select few rows, reads every published article through it and sorts
    /// them, where a list sorted by another column (createdAt, title, slug) should read that column's index in order
    /// and stop after a page (0.2-0.7 s against under 1 ms a page at 100,000 articles); and whether published content
    /// shows an image was checked against every published article instead of the image's own uses.
    /// </summary>
    public const string ArticlePubliclyVisible = "likelihood(a.status = 'published', 0.9) AND likely(a.published_at <= @Now)";

    /// <summary>A key holder's filter on the published articles still to go live.</summary>
    public const string ArticleScheduled = "a.status = 'published' AND a.published_at > @Now";

    /// <summary>
    /// The articles table, to be read for what <see cref="ArticlePubliclyVisible"/> and a language filter need alone.
    /// A row read from the table walks its body's overflow pages to reach status, published_at and language (stored
    /// after it; migration 0005), where ix_articles_visibility holds them by id. The planner cannot know rows are
    /// that long, so it is told: counting the published articles of 44 tags at 100,000 articles took 6.6 s.
    /// </summary>
    public const string ArticlesForVisibility = "articles a INDEXED BY ix_articles_visibility";

    /// <summary>
    /// How many articles anonymous callers may see carry a tag or an author (<paramref name="kind"/>: "tag" or
    /// "author"; <paramref name="owner"/>: its id column): the count of its published articles that migration 0016's
    /// triggers keep, less those scheduled after @Now, found from the scheduled articles rather than from its own
    /// (few for a newsroom). For one row; a page uses <see cref="PageVisiblePublishedArticleCount"/>.
    /// </summary>
    public static string VisiblePublishedArticleCount(string kind, string owner) => $"""
        ((SELECT c.articles FROM {kind}_published_counts c WHERE c.{kind}_id = {owner})
         - (SELECT count(*) FROM articles a INDEXED BY ix_articles_published CROSS JOIN article_{kind}s x
            ON x.article_id = a.id AND x.{kind}_id = {owner} WHERE a.status = 'published' AND a.published_at > @Now))
        """;

    /// <summary>
    /// The scheduled articles counted by tag or author once per statement, which it must start; read by
    /// <see cref="PageVisiblePublishedArticleCount"/>. Counted again for each row, they were read once per row: the
    /// 44 tags took 0.37-0.45 s with 10,000 of 100,000 articles scheduled, and 24 ms this way.
    /// </summary>
    public static string ScheduledArticlesBy(string kind) => $"""
        WITH scheduled_by_{kind} (owner_id, articles) AS MATERIALIZED (
            SELECT x.{kind}_id, count(*) FROM articles a INDEXED BY ix_articles_published
            CROSS JOIN article_{kind}s x ON x.article_id = a.id
            WHERE a.status = 'published' AND a.published_at > @Now GROUP BY x.{kind}_id)

        """;

    /// <summary>
    /// Whether an article anonymous callers may see carries the tag or author (<paramref name="kind"/>: "tag" or
    /// "author"; <paramref name="owner"/>: its id column), at @Now: what they may see of tags and authors. Its links
    /// are read from ix_article_{kind}s_{kind} and each article's status and date from ix_articles_visibility, stopping
    /// at the first visible one.
    /// </summary>
    public static string UsedByVisibleArticle(string kind, string owner) => $"""
        EXISTS (SELECT 1 FROM article_{kind}s x CROSS JOIN {ArticlesForVisibility} ON a.id = x.article_id
                WHERE x.{kind}_id = {owner} AND {ArticlePubliclyVisible})
        """;

    /// <summary><see cref="VisiblePublishedArticleCount"/> for a page, in a statement started by <see cref="ScheduledArticlesBy"/>.</summary>
    public static string PageVisiblePublishedArticleCount(string kind, string owner) => $"""
        ((SELECT c.articles FROM {kind}_published_counts c WHERE c.{kind}_id = {owner})
         - coalesce((SELECT s.articles FROM scheduled_by_{kind} s WHERE s.owner_id = {owner}), 0))
        """;

    /// <summary>Makes the planner read <paramref name="index"/> for the table it follows (a dialect without such hints gives "").</summary>
    public static string IndexHint(string index) => $"INDEXED BY {index}";

    /// <summary>Makes the planner read the table it follows by its primary key alone, no other index.</summary>
    public const string PrimaryKeyOnlyHint = "NOT INDEXED";

    /// <summary><paramref name="column"/>, which the planner must not read from an index (SQLite's unary "+").</summary>
    public static string NoIndexFor(string column) => $"+{column}";

    /// <summary>A join that the planner must start from its left table (SQLite's CROSS JOIN, which takes an ON; a plain JOIN elsewhere).</summary>
    public const string JoinLeftFirst = "CROSS JOIN";

    /// <summary><paramref name="condition"/>, which the planner is told nearly every row passes.</summary>
    public static string Likely(string condition) => $"likely({condition})";

    /// <summary><paramref name="condition"/>, which the planner is told passes that share of rows.</summary>
    public static string Likely(string condition, double share) =>
        $"likelihood({condition}, {share.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
