namespace ContentApi.Http.Caching;

public static class ErrorResponseCaching
{
    /// <summary>
    /// Every error (4xx, 5xx) says <c>Cache-Control: no-store</c> and only that, whatever policy the response had before
    /// it failed. Without it, RFC 9111 §4.2.2 lets a cache keep a 404 heuristically, so a CDN could go on answering 404
    /// for a draft after it is published.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForErrors(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(SetNoStoreOnError, context.Response);
        return next(context);
    });

    private static readonly Func<object, Task> SetNoStoreOnError = static state =>
    {
        var response = (HttpResponse)state;
        if (response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            // Runs after the exception handler's own callback (registered later, so run earlier), which sends
            // "no-cache,no-store", Pragma and Expires: errors it answers read like every other.
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = default;
            response.Headers.Expires = default;
        }
        return Task.CompletedTask;
    };
}
