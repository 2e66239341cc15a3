namespace ContentApi.Http;

/// <summary>
/// A resource has one URL: <c>/api/v1/articles/54/</c> (routing matches it) was a second name for article 54, read,
/// replaced and deleted there, and kept apart from the first by every cache. A path under <c>/api/</c> ending in a
/// slash is a 404 that names the URL without it.
/// </summary>
public sealed class TrailingSlashMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var path = context.Request.Path;
        if (path.Value is not { Length: > 1 } text || !text.EndsWith('/') || !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        await problems.WriteAsync(context, StatusCodes.Status404NotFound, $"No resource has this URL: the API's URLs do not end in a slash ({text.TrimEnd('/')}).");
    }
}
