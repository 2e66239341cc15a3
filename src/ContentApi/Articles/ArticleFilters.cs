using System.Globalization;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Articles;

/// <summary>Filters of the article list, already validated. Author and tag accept an id or a slug; all digits may be either.</summary>
public sealed record ArticleFilter(
    bool IncludeUnpublished,
    ArticleStatus? Status = null,
    string? Author = null,
    string? Tag = null,
    string? Language = null,
    DateTimeOffset? PublishedAfter = null,
    DateTimeOffset? PublishedBefore = null,
    string? FullTextMatch = null);

internal static class ArticleFilters
{
    // Slugs may be all digits ("2025"), so an all-digit value matches an id or a slug.
    private const string ByAuthorIdOrSlug = "EXISTS (SELECT 1 FROM article_authors x JOIN authors u ON u.id = x.author_id WHERE x.article_id = a.id AND (x.author_id = @AuthorId OR u.slug = @AuthorSlug))";
    private const string ByAuthorSlug = "EXISTS (SELECT 1 FROM article_authors x JOIN authors u ON u.id = x.author_id WHERE x.article_id = a.id AND u.slug = @AuthorSlug)";
    private const string ByTagIdOrSlug = "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND (x.tag_id = @TagId OR t.slug = @TagSlug))";
    private const string ByTagSlug = "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.slug = @TagSlug)";

    public const string StatusCondition = "a.status = @Status";

    /// <summary>The published ones, nearly every article: a sort on another column reads that column's index, as for anonymous lists.</summary>
    public const string PublishedStatusCondition = SqliteDialect.ArticleStatusPublished;

    /// <summary>Fixed SQL conditions for the filters that are set; values only as parameters.</summary>
    public static (List<string> Conditions, DynamicParameters Parameters) ToSql(ArticleFilter filter, string now)
    {
        var conditions = new List<string>();
        var parameters = ListTotals.ParametersVisibleAt(now);
        if (!filter.IncludeUnpublished)
        {
            conditions.Add(ArticleQueries.PubliclyVisible);
        }
        if (filter.Status is { } status)
        {
            conditions.Add(status == ArticleStatus.Published ? PublishedStatusCondition : StatusCondition);
            parameters.Add("Status", status == ArticleStatus.Published ? "published" : "draft");
        }
        AddReference(filter.Author, ByAuthorIdOrSlug, "AuthorId", ByAuthorSlug, "AuthorSlug");
        AddReference(filter.Tag, ByTagIdOrSlug, "TagId", ByTagSlug, "TagSlug");
        if (filter.Language is { } language)
        {
            // RFC 4647 basic filtering: "zh" is a range holding zh, zh-Hant and zh-TW. A tag has no LIKE wildcards (validated).
            conditions.Add("(lower(a.language) = lower(@Language) OR lower(a.language) LIKE lower(@Language) || '-%')");
            parameters.Add("Language", language);
        }
        if (filter.FullTextMatch is { } match)
        {
            conditions.Add(SqliteDialect.ArticleIdsMatching);
            parameters.Add("Match", match);
        }
        if (filter.PublishedAfter is { } after)
        {
            conditions.Add("a.published_at >= @PublishedAfter");
            parameters.Add("PublishedAfter", Timestamps.ToDbRoundedUp(after));
        }
        if (filter.PublishedBefore is { } before)
        {
            conditions.Add("a.published_at < @PublishedBefore");
            parameters.Add("PublishedBefore", Timestamps.ToDbRoundedUp(before));
        }
        return (conditions, parameters);

        void AddReference(string? value, string byIdOrSlug, string idName, string bySlug, string slugName)
        {
            if (value is null)
            {
                return;
            }
            parameters.Add(slugName, value);
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                conditions.Add(byIdOrSlug);
                parameters.Add(idName, id);
            }
            else
            {
                conditions.Add(bySlug);
            }
        }
    }
}
