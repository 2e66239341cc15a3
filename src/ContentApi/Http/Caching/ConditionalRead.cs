using ContentApi.Http.Errors;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Caching;

/// <summary>
/// The preconditions of a GET or HEAD, in RFC 9110 §13.2.2's order, for representations made now and for those the
/// response cache serves alike.
/// </summary>
public static class ConditionalRead
{
    /// <summary>
    /// Answers the request's preconditions against the representation about to be sent: true when it has answered
    /// (304; 412 for an If-Match naming none of its ETags, or without If-Match for an If-Unmodified-Since before its
    /// Last-Modified; 400 for a malformed If-Match) and the representation must not go.
    /// A malformed If-None-Match is ignored: it can only ask for less than the representation.
    /// </summary>
    public static async Task<bool> AnsweredAsync(HttpContext context, string etag, DateTimeOffset? lastModified)
    {
        var request = context.Request;
        if (etag.Length == 0)
        {
            return false; // not one of this API's representations, which all carry an ETag
        }
        if (request.Headers.IfMatch.Count > 0)
        {
            if (!ETags.TryParseConditional(request.Headers.IfMatch, out var tags))
            {
                await SendProblemAsync(context, Problems.MalformedEntityTags("If-Match"));
                return true;
            }
            if (!ETags.MatchesStrongly(tags, etag))
            {
                await SendProblemAsync(context, Problems.PreconditionFailed(ProblemCodes.VersionMismatch,
                    "If-Match names none of this resource's current representations: read it again to get its ETag."));
                return true;
            }
        }
        else if (lastModified is { } changed && HttpDate.ParseHeader(request.Headers.IfUnmodifiedSince) is { } unmodifiedSince && HttpDate.ModifiedAfter(changed, unmodifiedSince))
        {
            await SendProblemAsync(context, Problems.PreconditionFailed(ProblemCodes.VersionMismatch,
                "The resource has changed since the date in If-Unmodified-Since: read it again."));
            return true;
        }
        // If-None-Match wins over If-Modified-Since when both are sent, but a malformed one is no field at all (RFC 9110
        // §13.2.2), so If-Modified-Since answers. A date still to come is no date (RFC 2616 §14.25, as Apache reads it): a
        // client whose clock runs ahead would keep its copy through every change until then.
        var notModified = ETags.TryParseConditional(request.Headers.IfNoneMatch, out _)
            ? ETags.NoneMatch(request, etag)
            : lastModified is { } modified && HttpDate.ParseHeader(request.Headers.IfModifiedSince) is { } since &&
              since <= context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() && !HttpDate.ModifiedAfter(modified, since);
        if (notModified)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
        }
        return notModified;
    }

    /// <summary>
    /// A problem in place of the representation: without the headers of the 200 not sent (its caching policy, next
    /// page and Last-Modified; as an error it is never stored, see <see cref="ErrorResponseCaching"/>; its ETag but on a
    /// 412, which names the current one), and without a body on HEAD.
    /// </summary>
    private static async Task SendProblemAsync<TProblem>(HttpContext context, TProblem problem) where TProblem : IResult, IStatusCodeHttpResult
    {
        var response = context.Response;
        if (problem.StatusCode != StatusCodes.Status412PreconditionFailed)
        {
            response.Headers.Remove(HeaderNames.ETag);
        }
        response.Headers.Remove(HeaderNames.CacheControl);
        response.Headers.Remove(HeaderNames.Link);
        response.Headers.Remove(HeaderNames.LastModified);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = problem.StatusCode ?? StatusCodes.Status400BadRequest;
            response.ContentType = "application/problem+json";
            return;
        }
        await problem.ExecuteAsync(context);
    }
}
