using ContentApi.Http.Errors;

namespace ContentApi.Http.Bodies;

/// <summary>
/// How a request's body is framed, judged before anything reads it (RFC 9112 §6). Kestrel takes
/// <c>Transfer-Encoding: gzip, chunked</c> as plain chunked, so a body a client compressed reached the JSON reader as
/// it was sent (a 400 about its bytes), and <c>chunked, chunked</c>. A transfer coding other than chunked is a 501,
/// as §6.1 asks; chunked twice (§7) is a 400, filed under the header's name as every 400 for a header is.
/// </summary>
public sealed class MessageFramingCheck(RequestDelegate next)
{
    private const string HeaderName = "Transfer-Encoding";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.Headers.TransferEncoding.Count == 0)
        {
            await next(context); // most requests: nothing to read
            return;
        }
        var codings = context.Request.Headers.TransferEncoding
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (codings.FirstOrDefault(coding => !coding.Equals("chunked", StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            await problems.WriteAsync(context, StatusCodes.Status501NotImplemented, ProblemCodes.TransferCodingNotImplemented,
                $"{HeaderName} '{Echoed.Cut(other)}' is not supported: send the body as it is, with a Content-Length or chunked.");
        }
        else if (codings.Count > 1)
        {
            await Problems.InvalidHeader(HeaderName, $"{HeaderName} names chunked more than once.").ExecuteAsync(context);
        }
        else
        {
            await next(context);
        }
    }
}
