using ContentApi.Articles;
using ContentApi.Data;
using ContentApi.Http.Lists;

namespace ContentApi.Search;

/// <summary>
/// The order of search results: by relevance (the ranking, the default), or by publication time, ordered as the
/// article list orders it (<paramref name="ByDate"/>: for key holders, drafts by their createdAt; ties by id).
/// </summary>
public sealed record SearchSort(SortOrder<ArticleRow>? ByDate)
{
    public const string RelevanceKey = "relevance";

    public static SearchSort Relevance { get; } = new((SortOrder<ArticleRow>?)null);

    /// <summary>What the sort parameter takes.</summary>
    public static IReadOnlyList<string> Keys { get; } = [RelevanceKey, "-publishedAt", "publishedAt"];

    public static string Description { get; } = string.Join(", ", Keys);

    /// <summary>The sort's name, which its cursors carry: a position in one order means nothing in another.</summary>
    public string Key => ByDate?.Key ?? RelevanceKey;

    public string OrderBy => ByDate?.OrderBy("a.id") ?? SqliteDialect.SearchOrder;

    public static bool TryParse(string? text, bool includeUnpublished, out SearchSort sort)
    {
        // Only a missing parameter means the default: "sort=" names no sort, so it is refused, as on the list.
        var key = text ?? RelevanceKey;
        sort = Relevance;
        if (!Keys.Contains(key))
        {
            return false;
        }
        if (key != RelevanceKey)
        {
            (includeUnpublished ? ArticleStore.PrivateSorts : ArticleStore.PublicSorts).TryParse(key, out var byDate);
            sort = new SearchSort(byDate);
        }
        return true;
    }
}
