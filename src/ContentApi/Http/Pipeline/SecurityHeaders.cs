namespace ContentApi.Http.Pipeline;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries. JSON is never meant to be rendered, so its CSP forbids everything;
    /// Swagger UI's HTML gets a policy that lets its own scripts and styles run: its scripts are all files of its own
    /// (index.html has no inline script or handler), so an injected inline script does not run.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Swashbuckle names the Swagger UI build on every page, as a Server header names a server's.
            headers.Remove("x-swagger-ui-version");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
