using Microsoft.Net.Http.Headers;

namespace ContentApi.Http;

/// <summary>
/// POST and PUT bodies are application/json. ASP.NET reads any application/*+json as JSON, so a JSON Patch
/// (application/json-patch+json) sent to a PUT replaced the resource. An endpoint filter, so that authentication,
/// routing and the method come first (401, 404, 405 as on every other route); PATCH's types are MergePatch's.
/// </summary>
public sealed class JsonMediaTypeFilter(IProblemDetailsService problems) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if ((HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)) &&
            MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) &&
            !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, $"POST and PUT bodies are application/json; '{mediaType.MediaType}' is not accepted.");
            return Results.Empty;
        }
        return await next(context);
    }
}
