using System.Globalization;
using ContentApi.Data;
using Dapper;

namespace ContentApi.Articles;

/// <summary>Filters of the article list, already validated. Author and tag accept an id or a slug.</summary>
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
    private const string ByAuthorId = "EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = @AuthorId)";
    private const string ByAuthorSlug = "EXISTS (SELECT 1 FROM article_authors x JOIN authors u ON u.id = x.author_id WHERE x.article_id = a.id AND u.slug = @AuthorSlug)";
    private const string ByTagId = "EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = @TagId)";
    private const string ByTagSlug = "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id AND t.slug = @TagSlug)";

    /// <summary>Fixed SQL conditions for the filters that are set; values only as parameters.</summary>
    public static (List<string> Conditions, DynamicParameters Parameters) ToSql(ArticleFilter filter, string now)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters(new { Now = now });
        if (!filter.IncludeUnpublished)
        {
            conditions.Add(ArticleQueries.PubliclyVisible);
        }
        if (filter.Status is { } status)
        {
            conditions.Add("a.status = @Status");
            parameters.Add("Status", status == ArticleStatus.Published ? "published" : "draft");
        }
        AddReference(filter.Author, ByAuthorId, "AuthorId", ByAuthorSlug, "AuthorSlug");
        AddReference(filter.Tag, ByTagId, "TagId", ByTagSlug, "TagSlug");
        if (filter.Language is { } language)
        {
            conditions.Add("lower(a.language) = lower(@Language)");
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
            parameters.Add("PublishedAfter", Timestamps.ToDb(after));
        }
        if (filter.PublishedBefore is { } before)
        {
            conditions.Add("a.published_at < @PublishedBefore");
            parameters.Add("PublishedBefore", Timestamps.ToDb(before));
        }
        return (conditions, parameters);

        void AddReference(string? value, string byId, string idName, string bySlug, string slugName)
        {
            if (value is null)
            {
                return;
            }
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                conditions.Add(byId);
                parameters.Add(idName, id);
            }
            else
            {
                conditions.Add(bySlug);
                parameters.Add(slugName, value);
            }
        }
    }
}
