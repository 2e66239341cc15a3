namespace ContentApi.Http;

public static class ErrorResponseCaching
{
    /// <summary>
    /// Every error (4xx, 5xx) says <c>Cache-Control: no-store</c> unless it already has a policy (the exception handler's
    /// <c>no-cache,no-store</c>). Without one, RFC 9111 §4.2.2 lets a cache keep a 404 heuristically, so a CDN could go on
    /// answering 404 for a draft after it is published.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForErrors(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.StatusCode >= StatusCodes.Status400BadRequest && response.Headers.CacheControl.Count == 0)
            {
                response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
