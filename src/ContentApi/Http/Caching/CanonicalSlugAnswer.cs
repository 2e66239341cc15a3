namespace ContentApi.Http.Caching;

/// <summary>
/// A resource read at a URL other than its slug's (an article's earlier slug, or another spelling of a slug) has one
/// URL for caches, purges and links: anonymous callers get a 301 to it, with the same query. A key holder's answer is
/// private, so no cache keeps it under this URL, and it is answered in place with <c>Content-Location</c> naming that
/// URL: .NET's and Java's HttpClients drop Authorization when they follow a redirect, even to the same host, and a 301
/// led them to what anonymous callers see (a 404 for a draft, an author without the email a key shows).
/// </summary>
public static class CanonicalSlugAnswer
{
    /// <summary>The OpenAPI description of how a tag's or an author's slug is looked up.</summary>
    public static string SpellingsRule(string aResource) =>
        "The slug is matched exactly (percent-encode CJK). A spelling Unicode NFKC reads as the same (a decomposed é, as macOS passes links on; full-width letters; " +
        "Thai ำ and Lao ຳ in one character or two), or one written with the points of Hebrew or Arabic or the tatweel, which derived slugs leave out " +
        $"(مُحَمَّد for محمد) when no slug is so spelled, answers 301 with the URL of the slug as stored and the same query, so that {aResource} has one URL. " +
        "To a key holder it answers 200 in place, with `Content-Location` naming that URL, as .NET's and Java's HttpClients drop the `Authorization` header when they follow a redirect.";

    public static IResult MovedOrInPlace(HttpContext http, bool keyed, string resource, string slug, bool found, Func<IResult> inPlace)
    {
        var location = $"/api/v1/{resource}/slug/{Uri.EscapeDataString(slug)}{http.Request.QueryString}";
        if (!keyed)
        {
            return new MovedPermanentlyResult(location);
        }
        if (found)
        {
            http.Response.Headers.ContentLocation = location;
        }
        return inPlace();
    }

    /// <summary>The answer for a tag or an author found by <paramref name="requested"/>, whose slug is <paramref name="stored"/>.</summary>
    public static IResult ForSpelling(HttpContext http, bool keyed, string resource, string requested, string? stored, Func<IResult> found) =>
        stored is null || string.Equals(stored, requested, StringComparison.Ordinal)
            ? found()
            : MovedOrInPlace(http, keyed, resource, stored, found: true, found);
}
