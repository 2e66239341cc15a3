using ContentApi.Http.Errors;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Bodies;

/// <summary>
/// Request bodies of POST, PUT and PATCH are UTF-8 JSON as sent (RFC 8259 §8.1) (their media types: JsonMediaTypeMiddleware
/// and MergePatch): a <c>charset</c> other than UTF-8
/// (or ASCII), or a <c>Content-Encoding</c> such as gzip, is a 415 that says so. ASP.NET would otherwise fail with a 500 on a charset it
/// does not know, also on <c>charset="utf-8"</c> (quoted, as RFC 9110 allows), which is unquoted here.
/// </summary>
public sealed class JsonBodyEncodingMiddleware(RequestDelegate next)
{
    /// <summary>UTF-8, and ASCII, which is UTF-8 too.</summary>
    private static readonly HashSet<string> Utf8Labels = new(StringComparer.OrdinalIgnoreCase) { "utf-8", "utf8", "us-ascii" };

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            await next(context);
            return;
        }
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Request bodies are read as sent: Content-Encoding '{encoding}' is not accepted.");
            return;
        }
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(contentType.Charset).ToString();
            if (!Utf8Labels.Contains(charset))
            {
                await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, $"JSON request bodies must be UTF-8; charset '{charset}' is not accepted.");
                return;
            }
            contentType.Charset = "utf-8";
            request.ContentType = contentType.ToString();
        }
        await next(context);
    }
}
