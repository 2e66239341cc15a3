using ContentApi.Http.Writes;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Bodies;

/// <summary>
/// What a 415 says is taken, so a client can send it: a PATCH's media types in <c>Accept-Patch</c> (RFC 5789 §2.2), and
/// <c>Accept-Encoding: identity</c> when a content coding was refused (RFC 9110 §15.5.16: bodies are read as sent).
/// </summary>
public static class AcceptedBodyFormats
{
    public const string PatchMediaTypes = MergePatch.MediaType + ", application/json";

    public static void AddTo(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPatch(request.Method))
        {
            context.Response.Headers["Accept-Patch"] = PatchMediaTypes;
        }
        if (JsonBodyEncodingMiddleware.HasContentCoding(request))
        {
            context.Response.Headers.AcceptEncoding = "identity";
        }
    }
}
