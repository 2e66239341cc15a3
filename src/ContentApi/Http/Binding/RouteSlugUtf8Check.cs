using ContentApi.Http.Errors;
using ContentApi.Http.Pipeline;
using Microsoft.AspNetCore.Http.Features;

namespace ContentApi.Http.Binding;

/// <summary>
/// Refuses a <c>{slug}</c> route value whose percent-encoded bytes are not UTF-8 (<c>/api/v1/tags/slug/%FF</c>) with the
/// 400 a query value gets (<see cref="QueryUtf8"/>), naming the parameter: Kestrel keeps such an escape as written, so the
/// slug "%FF" was looked up, a 404, where <c>?tag=%FF</c> is a 400. So is one with a <c>%</c> that begins no escape
/// (<c>/api/v1/articles/slug/a%zz</c>: <see cref="MalformedEscapes"/>). Judged as <see cref="RouteIdCheck"/> judges an id.
/// </summary>
public sealed class RouteSlugUtf8Check(RequestDelegate next)
{
    private const string SlugParameter = "slug";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && pattern.GetParameter(SlugParameter) is not null &&
            PathAsSent(context) is var sent)
        {
            if (MalformedEscapes.In(sent))
            {
                return Problems.Validation(SlugParameter, MalformedEscapes.Message).ExecuteAsync(context);
            }
            if (!QueryUtf8.SpellsUtf8(sent))
            {
                return Problems.Validation(SlugParameter, QueryUtf8.Message).ExecuteAsync(context);
            }
        }
        return next(context);
    }

    /// <summary>
    /// The path of the request line, escapes as sent; else (a test server gives no request line) the path with its
    /// escapes, which decoding left as written where they are not UTF-8.
    /// </summary>
    private static string PathAsSent(HttpContext context) =>
        CanonicalPathMiddleware.PathAsSent(context.Features.Get<IHttpRequestFeature>()?.RawTarget) is { IsEmpty: false } sent
            ? sent.ToString()
            : context.Request.Path.ToUriComponent();
}
