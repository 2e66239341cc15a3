using System.Reflection;
using System.Text.Json;
using ContentApi.Http.Lists;
using ContentApi.Http.Pipeline;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Caching;

/// <summary>
/// A JSON representation with a strong ETag, Cache-Control and Vary; answers a matching
/// If-None-Match with 304, and an If-Match naming another representation with 412. Used for every successful GET, and for 200/201 write responses.
/// </summary>
public sealed class RepresentationResult<T>(T value, ResourceVersion? resource, int statusCode = 200, string? location = null, DateTimeOffset? lastModified = null)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value => value;
    object? IValueHttpResult.Value => value;
    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var jsonOptions = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions);
        var coding = Representation.CodingFor(httpContext);
        var etag = resource is not null ? ETags.ForResource(resource, body, coding) : ETags.ForList(body, coding);

        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = etag;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Representation.SetCachingHeadersAsync(httpContext, now);
        if (lastModified is { } modified)
        {
            lastModified = HttpDate.NotAfter(modified, now);
            headers.Date = HttpDate.Format(now);
            headers.LastModified = lastModified.Value.ToString("R");
        }
        if (value is IPagedResponse { Page: var page } && LinkHeader.For(httpContext.Request, page) is { } links)
        {
            headers.Link = links;
        }
        if (location is not null)
        {
            headers.Location = location;
        }

        var isRead = ReadMethods.Includes(httpContext.Request.Method);
        if (isRead && statusCode == 200 && await ConditionalRead.AnsweredAsync(httpContext, etag, lastModified))
        {
            return;
        }
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await ResponseCapture.SendAsync(httpContext, body);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

public static class Representation
{
    /// <summary>
    /// What a representation varies by: the key (drafts, private caching), the coding, and the CORS origin, except for
    /// reads that every origin may make (the same <c>Access-Control-Allow-Origin: *</c> for all: a shared cache keeping
    /// one copy per origin would only fill up).
    /// </summary>
    public static string VaryFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<CorsOptions>>().Value.OpenToAnyOrigin(context.Request.Method)
            ? "Authorization, Accept-Encoding"
            : "Authorization, Accept-Encoding, Origin";

    /// <summary>Vary and Cache-Control of whatever a read answers with content: public for anonymous callers (cut before the next scheduled change), private for key holders.</summary>
    public static async Task SetCachingHeadersAsync(HttpContext httpContext, DateTimeOffset now)
    {
        var services = httpContext.RequestServices;
        var headers = httpContext.Response.Headers;
        headers.Vary = VaryFor(httpContext);
        headers.CacheControl = httpContext.User.Identity?.IsAuthenticated == true
            ? services.GetRequiredService<IOptions<CachingOptions>>().Value.PrivateCacheControl
            : await services.GetRequiredService<PublicFreshness>().CacheControlForAsync(httpContext, now);
    }

    /// <summary>The coding the compression middleware applies to this request's JSON (none for "identity" or no Accept-Encoding).</summary>
    public static string? CodingFor(HttpContext httpContext) =>
        httpContext.RequestServices.GetService<IResponseCompressionProvider>()?.GetCompressionProvider(httpContext)?.EncodingName;

    public static RepresentationResult<T> Ok<T>(T value, ResourceVersion resource, DateTimeOffset? lastModified = null) => new(value, resource, lastModified: lastModified);

    public static RepresentationResult<ListResponse<T>> List<T>(ListResponse<T> value) => new(value, null);

    /// <summary>A page of stored rows as a list response, each row's response cut to the <paramref name="fields"/> asked for.</summary>
    public static RepresentationResult<ListResponse<object>> List<TRow, TResponse>(Data.Page<TRow> page, int limit, string? fields, Func<TRow, TResponse> response)
        where TResponse : notnull =>
        List(new ListResponse<object>([.. page.Rows.Select(row => FieldSet.Shape(response(row), fields))], new PageInfo(limit, page.NextCursor, page.Total)));

    public static RepresentationResult<T> Created<T>(T value, ResourceVersion resource, DateTimeOffset? lastModified, string location) => new(value, resource, 201, location, lastModified);
}
