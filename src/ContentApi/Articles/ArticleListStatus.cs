using System.Text.Json.Serialization;

namespace ContentApi.Articles;

/// <summary>
/// The article list's <c>status</c> filter: as a reader would say it, where a stored article is a draft or published,
/// and a published one dated later is scheduled (Ghost's three states). <c>published</c> is what anonymous callers
/// see, so that a build holding a key (for the rate limit, or for drafts elsewhere) never publishes an embargoed article.
/// </summary>
public enum ArticleListStatus
{
    [JsonStringEnumMemberName("draft")]
    Draft,

    [JsonStringEnumMemberName("scheduled")]
    Scheduled,

    [JsonStringEnumMemberName("published")]
    Published,
}
