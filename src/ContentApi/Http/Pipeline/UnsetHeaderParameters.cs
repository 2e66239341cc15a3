using ContentApi.Idempotency;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// A header parameter of the document sent with an empty value is taken as not sent: NSwag's TypeScript clients write
/// every header parameter a call leaves unset as an empty header (<c>If-Match: </c>, <c>Idempotency-Key: </c>), which
/// were 400s for a malformed entity tag or key, so every read, write and create of such a client failed. An empty
/// field names no entity tag, date or key (RFC 9110 §5.6.1: empty list elements do not count), whether it is the only
/// line of the header or one of several.
/// </summary>
public sealed class UnsetHeaderParameters(RequestDelegate next)
{
    private static readonly string[] Parameters =
        [HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince, IdempotencyMiddleware.HeaderName];

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var name in Parameters)
        {
            if (!headers.TryGetValue(name, out var values) || !values.Any(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            // An empty line beside one with a value (the client's unset parameter, and a value an interceptor or proxy
            // added) is dropped too: left in, it made two lines of a single-valued field, so Idempotency-Key was a 400
            // and If-Unmodified-Since was ignored as a list of dates, letting through the write it was meant to refuse.
            var sent = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
            if (sent.Length == 0)
            {
                headers.Remove(name);
            }
            else
            {
                headers[name] = sent;
            }
        }
        return next(context);
    }
}
