namespace ContentApi.Http.Caching;

/// <summary>
/// 301 to where a resource is now (an article under the slug an edit gave it), without a body, cached like the
/// representation it leads to. Every HTTP client and CDN follows a 301 on a GET.
/// </summary>
public sealed class MovedPermanentlyResult(string location) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status301MovedPermanently;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await Representation.SetCachingHeadersAsync(httpContext, httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        httpContext.Response.Headers.Location = location;
        httpContext.Response.StatusCode = StatusCodes.Status301MovedPermanently;
    }
}
