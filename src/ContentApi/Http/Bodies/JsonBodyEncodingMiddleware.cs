using ContentApi.Http.Errors;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Bodies;

/// <summary>
/// Request bodies of POST, PUT and PATCH are UTF-8 JSON as sent (RFC 8259 §8.1) (their media types: JsonMediaTypeMiddleware
/// and MergePatch): a <c>charset</c> other than UTF-8
/// (or ASCII), a <c>Content-Encoding</c> such as gzip, or a <c>Content-Type</c> that is no media type
/// (<see cref="RequestMediaType"/>), is a 415 that says so. ASP.NET would otherwise fail with a 500 on a charset it
/// does not know, also on <c>charset="utf-8"</c> (quoted, as RFC 9110 allows), which is unquoted here.
/// </summary>
public sealed class JsonBodyEncodingMiddleware(RequestDelegate next)
{
    /// <summary>UTF-8, and ASCII, which is UTF-8 too.</summary>
    private static readonly HashSet<string> Utf8Labels = new(StringComparer.OrdinalIgnoreCase) { "utf-8", "utf8", "us-ascii" };

    /// <summary>Whether the request names a content coding other than identity.</summary>
    public static bool HasContentCoding(HttpRequest request) =>
        request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            await next(context);
            return;
        }
        if (HasContentCoding(request))
        {
            await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedContentEncoding, $"Request bodies are read as sent: Content-Encoding '{Echoed.Cut(request.Headers.ContentEncoding.ToString())}' is not accepted.");
            return;
        }
        if (request.Headers.ContentType.Count > 0)
        {
            if (RequestMediaType.Parse(request.ContentType) is not { } mediaType)
            {
                await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                    "The Content-Type is not a media type: type/subtype, with no spaces around the slash, then any parameters as ; name=value.");
                return;
            }
            if (mediaType.Charset is not null)
            {
                // Every one named, not the first alone: a second (charset=utf-8; charset=iso-8859-1) was read as UTF-8.
                foreach (var sent in mediaType.Parameters.Where(p => p.Key.Equals("charset", StringComparison.OrdinalIgnoreCase)).Select(p => p.Value))
                {
                    var charset = HeaderUtilities.RemoveQuotes(sent).ToString();
                    if (!Utf8Labels.Contains(charset))
                    {
                        await problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedCharset, $"JSON request bodies must be UTF-8; charset '{Echoed.Cut(charset)}' is not accepted.");
                        return;
                    }
                }
                mediaType = mediaType with { Parameters = [.. mediaType.Parameters.Select(p => p.Key.Equals("charset", StringComparison.OrdinalIgnoreCase) ? new(p.Key, "utf-8") : p)] };
            }
            // Written plainly for the binding, whose own parser refuses some of what RFC 9110 allows (empty parameters).
            request.ContentType = mediaType.ToString();
        }
        await next(context);
    }
}
