using ContentApi.Http.Caching;
using ContentApi.Http.Pipeline;
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

    /// <summary>
    /// The document as first served: it is made from the endpoints and their metadata, fixed for the process, and
    /// Swashbuckle takes ~0.4 s of CPU to write it, which an anonymous GET must not cost every time.
    /// </summary>
    private Document? _document;

    /// <summary>One request writes the document; the ones arriving meanwhile wait for it rather than each writing it.</summary>
    private readonly SemaphoreSlim _writing = new(1, 1);

    private sealed record Document(byte[] Bytes, string? ContentType);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path != DocumentPath)
        {
            await next(context);
            return;
        }
        if (!ReadMethods.Includes(context.Request.Method))
        {
            // Swashbuckle serves GET alone and lets the rest fall through to a 404; a fixed route answers 405 (the problem
            // body is the status code pages').
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        var head = HttpMethods.IsHead(context.Request.Method);
        if (Volatile.Read(ref _document) is not { } made)
        {
            await _writing.WaitAsync(context.RequestAborted);
            try
            {
                made = _document;
                if (made is null)
                {
                    var written = await WrittenBySwashbuckleAsync(context, head);
                    if (context.Response.StatusCode != StatusCodes.Status200OK)
                    {
                        await SendAsync(context, written, head);
                        return;
                    }
                    made = new Document(OpenApiDocumentBytes.Canonical(written), context.Response.ContentType);
                    Volatile.Write(ref _document, made);
                }
            }
            finally
            {
                _writing.Release();
            }
        }
        var (document, contentType) = made;
        var etag = ETags.ForDocument(document, Representation.CodingFor(context));
        var headers = context.Response.Headers;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        headers.ETag = etag;
        headers.CacheControl = caching.Value.PublicCacheControl;
        headers.Vary = "Accept-Encoding";
        if (await ConditionalRead.AnsweredAsync(context, etag, lastModified: null))
        {
            return;
        }
        context.Response.ContentLength = document.Length;
        await SendAsync(context, document, head);
    }

    /// <summary>The document as Swashbuckle writes it, which it does for GET only (a HEAD is asked as a GET).</summary>
    private async Task<byte[]> WrittenBySwashbuckleAsync(HttpContext context, bool head)
    {
        context.Request.Method = HttpMethods.Get;
        try
        {
            return await ResponseCapture.CaptureAsync(context, next);
        }
        finally
        {
            context.Request.Method = head ? HttpMethods.Head : HttpMethods.Get;
        }
    }

    private static Task SendAsync(HttpContext context, byte[] body, bool head) => head ? Task.CompletedTask : ResponseCapture.SendAsync(context, body);
}
