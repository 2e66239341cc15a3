namespace ContentApi.Http;

/// <summary>What a GET or HEAD answers, given its conditional headers and the representation's validators.</summary>
public enum ConditionalReadOutcome
{
    Send,
    NotModified,
    PreconditionFailed,
}

/// <summary>
/// The preconditions of a read, evaluated in RFC 9110 §13.2.2's order, for representations made now and for those
/// served from the response cache alike. If-Unmodified-Since is not evaluated (nor on writes): If-Match covers it.
/// </summary>
public static class ConditionalRead
{
    public static ConditionalReadOutcome Evaluate(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        // Every representation this API sends has an ETag; without one, no tag can match.
        if (request.Headers.IfMatch.Count > 0 && !(etag.Length > 0 && ETags.Match(request, etag)))
        {
            return ConditionalReadOutcome.PreconditionFailed;
        }
        // If-None-Match wins over If-Modified-Since when both are sent.
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return etag.Length > 0 && ETags.NoneMatch(request, etag) ? ConditionalReadOutcome.NotModified : ConditionalReadOutcome.Send;
        }
        return lastModified is { } modified && request.GetTypedHeaders().IfModifiedSince is { } since && TruncateToSeconds(modified) <= since
            ? ConditionalReadOutcome.NotModified
            : ConditionalReadOutcome.Send;
    }

    /// <summary>The 412 of a read, with the representation's ETag already set; never stored by a shared cache.</summary>
    public static Task PreconditionFailedAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Problems.PreconditionFailed("If-Match names none of this resource's current representations: read it again to get its ETag.")
            .ExecuteAsync(context);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
