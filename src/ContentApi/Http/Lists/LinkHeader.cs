using Microsoft.AspNetCore.WebUtilities;

namespace ContentApi.Http.Lists;

/// <summary>RFC 8288 links between pages of a list.</summary>
public static class LinkHeader
{
    /// <summary>
    /// <c>next</c> (by cursor) when there is a next page; <c>first</c> on any page but the first; and for numbered pages
    /// (<c>page=N</c>) also <c>prev</c> and <c>last</c> (by page number; page 1 without one, so it has one URL; <c>last</c>
    /// the page of the last item pages reach, and only while it is a page number the list takes), within <see cref="MaxLength"/>.
    /// Null when there is no link to give.
    /// </summary>
    public static string? For(HttpRequest request, PageInfo page)
    {
        var links = new List<string>();
        if (page.NextCursor is { } next)
        {
            links.Add(Link(request, "next", "cursor", next));
        }
        var number = PageNumber(request);
        if (number > 1 || request.Query.ContainsKey("cursor"))
        {
            links.Add(Link(request, "first", null, null));
        }
        if (number is { } current)
        {
            var reachable = page.MaxItems is { } maxItems ? Math.Min(page.Total, maxItems) : page.Total;
            var last = Math.Max(1, (reachable + page.Limit - 1) / page.Limit);
            if (current > 1)
            {
                links.Add(ToPage(request, "prev", Math.Min(current - 1, last)));
            }
            if (last <= page.MaxPage)
            {
                links.Add(ToPage(request, "last", last));
            }
        }
        while (links.Count > 0 && links.Sum(link => link.Length + 2) - 2 > MaxLength)
        {
            links.RemoveAt(links.Count - 1); // next, the one a client follows, goes last
        }
        return links.Count == 0 ? null : string.Join(", ", links);
    }

    /// <summary>
    /// Longest Link value sent, in bytes (its URLs are percent-encoded ASCII): a long query (a hundred slugs) or cursor
    /// (a sort by the longest titles) repeated in each link made headers that proxies refuse, answering 502 in the API's
    /// place (nginx reads a response's header block into one 4 KB page by default). Links past it are left out, the last
    /// first; the page's nextCursor says what the next link would.
    /// </summary>
    public const int MaxLength = 2048;

    private static string ToPage(HttpRequest request, string rel, long number) =>
        number == 1 ? Link(request, rel, null, null) : Link(request, rel, "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static long? PageNumber(HttpRequest request) =>
        long.TryParse(request.Query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The same request at another position: without its cursor and page number, plus <paramref name="name"/>=<paramref name="value"/> when given.</summary>
    private static string Link(HttpRequest request, string rel, string? name, string? value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not ("cursor" or "page"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        if (name is not null)
        {
            query = query.Append(new KeyValuePair<string, string?>(name, value));
        }
        var url = request.PathBase + request.Path + WithoutLinkSeparators(QueryString.Create(query).Value);
        return $"<{url}>; rel=\"{rel}\"";
    }

    /// <summary>
    /// Commas and semicolons percent-encoded, as the query reads the same either way: they separate links and their
    /// parameters in the header, and a Link parser that splits on them (many do) took <c>fields=id,title</c> apart.
    /// </summary>
    private static string WithoutLinkSeparators(string? query) =>
        (query ?? "").Replace(",", "%2C", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
