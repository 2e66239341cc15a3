using ContentApi.Http.Errors;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Pipeline;

/// <summary>
/// A preflight's <c>Access-Control-Request-Headers</c> must list header names (RFC 9110 tokens) separated by commas.
/// The read policy allows any header, so the CORS middleware copies the names into <c>Access-Control-Allow-Headers</c>,
/// and one holding a control or non-ASCII character made Kestrel refuse to write it: a 500, with an error logged, for
/// any caller (found by a fuzzer). Browsers send only tokens, so anything else is a 400.
/// </summary>
public sealed class PreflightHeaderNamesCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (HttpMethods.IsOptions(context.Request.Method) && headers.ContainsKey(HeaderNames.Origin) &&
            headers.ContainsKey(HeaderNames.AccessControlRequestMethod) &&
            headers[HeaderNames.AccessControlRequestHeaders] is { Count: > 0 } requested &&
            requested.Any(value => value is not null && !IsNameList(value)))
        {
            await Problems.InvalidHeader(HeaderNames.AccessControlRequestHeaders,
                "Access-Control-Request-Headers must list header names (letters, digits and !#$%&'*+-.^_`|~), separated by commas.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Tokens separated by commas, with optional white space around the commas only (RFC 9110 §5.6.1; empty items are
    /// allowed): <c>x a</c> is no header name, though every character of it was allowed where a list may have one.
    /// </summary>
    private static bool IsNameList(string value) =>
        value.Split(',').All(item => item.Trim([' ', '\t']).All(Bodies.RequestMediaType.IsTokenCharacter));
}
