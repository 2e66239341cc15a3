using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace ContentApi.Http;

/// <summary>RFC 8288 links between pages of a list.</summary>
public static class LinkHeader
{
    /// <summary>The same request with the next cursor (and without a page number): <c>&lt;url&gt;; rel="next"</c>.</summary>
    public static string Next(HttpRequest request, string cursor)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        var url = request.PathBase + request.Path + QueryString.Create(query);
        return $"<{url}>; rel=\"next\"";
    }
}
