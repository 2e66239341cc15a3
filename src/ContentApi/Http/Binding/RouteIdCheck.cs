using ContentApi.Http.Errors;

namespace ContentApi.Http.Binding;

/// <summary>
/// Refuses an <c>{id}</c> route value that is not an id written the one way ids are written (<c>0</c>, <c>-1</c>,
/// <c>+1</c>, <c>01</c>, <c>%201</c>, <c>1abc</c>): each resource has one URL, so caches and CDNs keep one copy of it
/// and a link never differs from the <c>Location</c> the API gave. Judged as a middleware, before a write's media
/// type, preconditions and body, so every method answers the same 400 for the same URL (as an endpoint filter it ran
/// after a PUT's body was bound, and a body that could not be was answered first, by a 404 or a 400 about the body).
/// A revision's <c>{version}</c> is written the same way.
/// </summary>
public sealed class RouteIdCheck(RequestDelegate next)
{
    private static readonly string[] IdParameters = ["id", "version"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern })
        {
            foreach (var parameter in IdParameters)
            {
                if (pattern.GetParameter(parameter) is not null && context.Request.RouteValues[parameter] is string written && Refusal(written, parameter) is { } refusal)
                {
                    return Problems.Validation(parameter, refusal).ExecuteAsync(context);
                }
            }
        }
        return next(context);
    }

    /// <summary>Why <paramref name="written"/> is no id as the API writes one; null when it is one.</summary>
    /// <param name="what">What it numbers, as the refusal names it: an id, or a revision's version.</param>
    public static string? Refusal(string written, string what = "id")
    {
        if (WrittenInteger.Read(written) is not { } id)
        {
            return "Must be an integer.";
        }
        if (id < long.MinValue || id > long.MaxValue)
        {
            return $"Must be {(what == "id" ? "an id" : "a " + what)} from 1 to {long.MaxValue}.";
        }
        if (id < 1)
        {
            return $"Must be 1 or more: {what}s start at 1.";
        }
        var canonical = WrittenInteger.Canonical(id);
        return canonical == written ? null : $"Must be written {canonical}: {WrittenInteger.OneWay}";
    }
}
