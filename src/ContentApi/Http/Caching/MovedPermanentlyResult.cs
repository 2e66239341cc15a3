namespace ContentApi.Http.Caching;

/// <summary>
/// 301 to where a resource is now (an article under the slug an edit gave it), without a body. Every HTTP client and CDN
/// follows a 301 on a GET. It is public but never fresh (<see cref="CacheControl"/>): kept for the article's minute, a
/// cached "A moved to B" looped with "B moved to A" once an editor moved the slug back, until it expired. The app's own
/// response cache still answers it without reading the database.
/// </summary>
public sealed class MovedPermanentlyResult(string location) : IResult, IStatusCodeHttpResult
{
    public const string CacheControl = "public, no-cache";

    public int? StatusCode => StatusCodes.Status301MovedPermanently;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Vary = Representation.VaryFor(httpContext);
        httpContext.Response.Headers.CacheControl = CacheControl;
        httpContext.Response.Headers.Location = location;
        httpContext.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        return Task.CompletedTask;
    }
}
