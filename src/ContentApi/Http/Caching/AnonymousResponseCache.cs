using ContentApi.Data;
using ContentApi.Http.Limits;
using ContentApi.Http.Pipeline;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentApi.Http.Caching;

/// <summary>
/// Serves anonymous GETs of /api/v1 from memory while the content is unchanged. An entry is valid only for
/// the content state it was made in (version + scheduled-publish epoch, see <see cref="ContentState"/>),
/// so a write is visible to the very next read here, and within <see cref="DatabaseOptions.ContentStateRecheckMilliseconds"/> on
/// other instances sharing the database. Key holders are never served from it.
/// </summary>
public sealed class AnonymousResponseCache(
    RequestDelegate next, Db db, TimeProvider clock, IOptions<CachingOptions> options, ResponseCacheStore entries, ReadTurns turns, PublicFreshness freshness)
{
    private static readonly string[] StoredHeaders =
        [HeaderNames.ETag, HeaderNames.CacheControl, HeaderNames.Vary, HeaderNames.LastModified, HeaderNames.Link, HeaderNames.Location];

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!ReadMethods.Includes(request.Method) || Auth.ApiKeyAuthenticationHandler.SendsCredentials(request) || !request.Path.StartsWithSegments("/api/v1"))
        {
            await next(context);
            return;
        }
        if (!options.Value.ResponseCacheEnabled || !HttpMethods.IsGet(request.Method))
        {
            // Not kept, but cut by the state before the build all the same (see PublicFreshness.NextChangeAtAsync).
            PublicFreshness.BuiltIn(context, await db.ContentStateAsync(context.RequestAborted));
            await next(context);
            return;
        }
        // Each content coding has its own ETag (RepresentationResult), so it has its own entry.
        var coding = Representation.CodingFor(context);
        // NUL parts the decoded path from the query (Kestrel refuses a NUL in either): with nothing between them,
        // /tags/2%3Ffields=name shared the entry of /tags/2?fields=name; escaped again, %25E4 shared that of %E4.
        var key = request.Path.Value + "\0" + request.QueryString.Value + "|" + coding;
        if (await ServedAsync(context, key, await db.ContentStateAsync(context.RequestAborted)))
        {
            return;
        }
        await turns.RunAsync(context, problems, () => ServeOrBuildAsync(context, key));
    }

    /// <summary>
    /// In its turn, a miss looks again: while it waited, an earlier request for the same page may have built it (after a
    /// write, a popular page's readers all miss at once), and the content may have changed.
    /// </summary>
    private async Task ServeOrBuildAsync(HttpContext context, string key)
    {
        var state = await db.ContentStateAsync(context.RequestAborted);
        if (await ServedAsync(context, key, state))
        {
            return;
        }
        PublicFreshness.BuiltIn(context, state);
        var body = await ResponseCapture.CaptureAsync(context, next);
        await ResponseCapture.SendAsync(context, body);
        // A 301 (an article's earlier slug) too: it was two indexed reads each time.
        if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status301MovedPermanently)
        {
            var headers = StoredHeaders
                .Where(name => context.Response.Headers.ContainsKey(name))
                .Select(name => KeyValuePair.Create(name, context.Response.Headers[name].ToString()))
                .ToArray();
            entries.Keep(key, new ResponseCacheStore.Entry(
                state, context.Response.StatusCode, body, context.Response.ContentType, headers, context.Response.Headers.ContainsKey(HeaderNames.LastModified)));
        }
    }

    /// <summary>Answers from the entry made in <paramref name="state"/>, the current content state, if there is one.</summary>
    private async Task<bool> ServedAsync(HttpContext context, string key, ContentState state)
    {
        if (entries.Find(key, state) is not { } entry || !state.IsCurrentAt(clock.GetUtcNow()))
        {
            return false;
        }
        await ServeAsync(context, entry, state);
        return true;
    }

    private async Task ServeAsync(HttpContext context, ResponseCacheStore.Entry entry, ContentState state)
    {
        var response = context.Response;
        foreach (var (name, value) in entry.Headers)
        {
            response.Headers[name] = value;
        }
        if (entry.StatusCode == StatusCodes.Status301MovedPermanently)
        {
            // As MovedPermanentlyResult: never fresh, and no representation, so no condition to answer.
            response.Headers.CacheControl = MovedPermanentlyResult.CacheControl;
            response.StatusCode = entry.StatusCode;
            return;
        }
        // Cut anew for each answer: the time left before the next scheduled change shrinks while the entry is kept.
        response.Headers.CacheControl = freshness.CacheControlFor(context, state.NextChangeAt, clock.GetUtcNow());
        if (entry.HasLastModified)
        {
            response.Headers.Date = HttpDate.Format(clock.GetUtcNow());
        }
        if (await ConditionalRead.AnsweredAsync(context, response.Headers.ETag.ToString(), response.GetTypedHeaders().LastModified))
        {
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = entry.ContentType;
        response.ContentLength = entry.Body.Length;
        await ResponseCapture.SendAsync(context, entry.Body);
    }
}
