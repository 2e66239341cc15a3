using ContentApi.Http.Lists;

namespace ContentApi.Search;

/// <summary>
/// Search pages are positions in the results' order (a relevance rank has no key to resume from), and stop at the
/// <see cref="MaxOffset"/>th result: by cursor, or by page number up to the page holding it, so the deepest page
/// number depends on the limit.
/// </summary>
public static class SearchPages
{
    public const int MaxOffset = 1000;

    /// <summary>The deepest page number at this limit: the one holding the <see cref="MaxOffset"/>th result.</summary>
    public static int MaxPage(int limit) => (MaxOffset + limit - 1) / limit;

    /// <summary>The page envelope of a search, whose links go no deeper than the <see cref="MaxOffset"/>th result.</summary>
    public static PageInfo Info(int limit, string? nextCursor, long total) =>
        new(limit, nextCursor, total) { MaxPage = MaxPage(limit), MaxItems = MaxOffset };

    /// <summary>Whether search takes this page number at the limit asked for (any up to <see cref="MaxOffset"/> when that limit is refused).</summary>
    public static bool Reaches(int page, int? requestedLimit)
    {
        var limit = requestedLimit ?? Paging.DefaultLimit;
        return !IsValidLimit(limit) || page <= MaxPage(limit);
    }

    /// <summary>The page bound, in the lists' words, for the limit asked for (or, when that limit is refused too, for limit=1).</summary>
    public static string OutOfRange(int? requestedLimit)
    {
        var limit = requestedLimit ?? Paging.DefaultLimit;
        return IsValidLimit(limit)
            ? $"Must be a page number from 1 to {MaxPage(limit)}: search goes {MaxOffset} results deep, {MaxPage(limit)} pages of limit={limit}."
            : $"Must be a page number from 1 to {MaxOffset}: search goes {MaxOffset} results deep.";
    }

    private static bool IsValidLimit(int limit) => limit is >= 1 and <= Paging.MaxLimit;
}
