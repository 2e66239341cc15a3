using ContentApi.Http;
using Microsoft.Extensions.Options;

namespace ContentApi.OpenApi;

/// <summary>
/// The served OpenAPI document, in the bytes committed as openapi/v1.json (<see cref="OpenApiDocumentBytes"/>), with
/// what every GET of this API has (API.md): a strong ETag of its bytes and coding,
/// public Cache-Control, and 304 for an If-None-Match naming it, so a client generator's build can revalidate it
/// cheaply. Swashbuckle writes the document without either.
/// </summary>
public sealed class OpenApiDocumentCaching(RequestDelegate next, IOptions<CachingOptions> caching)
{
    public static readonly PathString DocumentPath = $"/openapi/{OpenApiSetup.DocumentName}.json";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ReadMethods.Includes(context.Request.Method) || context.Request.Path != DocumentPath)
        {
            await next(context);
            return;
        }
        // Swashbuckle writes the document for GET only; a HEAD must get the GET's headers (ETag, Content-Length) and no body.
        var head = HttpMethods.IsHead(context.Request.Method);
        context.Request.Method = HttpMethods.Get;
        byte[] document;
        try
        {
            document = await ResponseCapture.CaptureAsync(context, next);
        }
        finally
        {
            context.Request.Method = head ? HttpMethods.Head : HttpMethods.Get;
        }
        var headers = context.Response.Headers;
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            document = OpenApiDocumentBytes.Canonical(document);
            var etag = ETags.ForDocument(document, Representation.CodingFor(context));
            headers.ETag = etag;
            headers.CacheControl = caching.Value.PublicCacheControl;
            headers.Vary = "Accept-Encoding";
            if (await ConditionalRead.AnsweredAsync(context, etag, lastModified: null))
            {
                return;
            }
            context.Response.ContentLength = document.Length;
        }
        if (!head)
        {
            await ResponseCapture.SendAsync(context, document);
        }
    }
}
