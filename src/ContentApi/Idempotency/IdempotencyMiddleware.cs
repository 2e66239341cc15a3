using System.Globalization;
using ContentApi.Data;
using ContentApi.Http.Caching;
using ContentApi.Http.Errors;
using Microsoft.Extensions.Options;

namespace ContentApi.Idempotency;

/// <summary>
/// A write (POST, PUT, PATCH, DELETE; an article's restore too) with <c>Idempotency-Key</c>: the first successful response (2xx) is stored per API
/// key; a repeat with the same key and body within 24 hours gets that response again and writes nothing (a retried
/// update whose first answer was lost is no 412 caused by its own write); the same key with another body, method or
/// endpoint (another resource's URL too) is a 422. Requests with the same key run one at a time here; across instances sharing the
/// database, the reservation each create writes in its own transaction lets only one of them commit.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    /// <summary>Endpoint metadata of the writes (creates, replaces, patches, deletes, restores), which take Idempotency-Key.</summary>
    public sealed class IdempotentWrite
    {
        public static IdempotentWrite Instance { get; } = new();
    }

    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>What <see cref="IsValidKey"/> takes, as the document states it: visible ASCII characters only.</summary>
    public const string KeyPattern = @"^[\x21-\x7E]+$";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    // Per app, not static: two apps in one process (tests) are two instances, as two processes would be.
    private readonly KeyedLocks _locks = new();

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        // Only the writes take the header: elsewhere the route's own answer (404, 405) comes first.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWrite>() is null ||
            !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }
        if (values.Count != 1)
        {
            // Two header lines would otherwise be read as one key, "a1,a2".
            await Problems.InvalidHeader(HeaderName, "Send one Idempotency-Key header.").ExecuteAsync(context);
            return;
        }
        var key = values.ToString();
        if (!IsValidKey(key))
        {
            await Problems.InvalidHeader(HeaderName, $"Idempotency-Key must be 1-{MaxKeyLength} visible ASCII characters.").ExecuteAsync(context);
            return;
        }
        if (!long.TryParse(context.User.FindFirst("key_id")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
        {
            await next(context); // no valid key: the endpoint answers 401/403 and nothing is created
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        // The body's meaning, not its spelling: a retry layer that serialises the request again (other whitespace, member
        // order or escapes) is still the same request.
        // The query too: a POST takes none, and one sent with a query is a 400, not the replay of one sent without.
        var query = context.Request.Query.Count > 0 ? context.Request.QueryString.Value! : "";
        // A POST by the URL its route names (a create's collection, a restore's article), any other write by its method too.
        var isPost = HttpMethods.IsPost(context.Request.Method);
        var hash = RequestFingerprint.Current(isPost ? ResourcePath(context) : $"{context.Request.Method} {ResourcePath(context)}", query, body);
        // A key stored by an earlier build (a retry across a deploy) holds that build's form of the hash; earlier builds
        // took keys on creates only.
        string[] matching = [hash, .. isPost ? RequestFingerprint.Earlier(context.Request.Path.ToString(), query, body) : []];
        // What goes to the client is sent once the lock is released: sent under it, a client slow to read its 201 held
        // up its own retry until it had read it all.
        Task answer;
        using (await _locks.EnterAsync($"{keyId}:{key}", context.RequestAborted))
        {
            answer = await CreateOrFindAsync(context, problems, keyId, key, hash, matching);
        }
        await answer;
    }

    /// <summary>
    /// Under the key's lock: the stored answer, or the create, whose response is kept before the lock is released (so the
    /// next request with the key replays it); returns the sending of the answer, which may go on after the lock is released.
    /// </summary>
    private async Task<Task> CreateOrFindAsync(HttpContext context, IProblemDetailsService problems, long keyId, string key, string hash, string[] matching)
    {
        if (await store.FindAsync(keyId, key, context.RequestAborted) is { } stored)
        {
            return AnswerFromStoreAsync(context, problems, stored, matching);
        }
        context.Items[IdempotencyScope.ItemKey] = new IdempotencyScope(keyId, key, hash, ResourcesPath(context));
        byte[] captured;
        try
        {
            captured = await ResponseCapture.CaptureAsync(context, next);
        }
        catch (IdempotencyKeyTakenException)
        {
            // Another instance on the same database reserved the key first; this request's write was rolled back.
            context.Response.Clear();
            return AnswerFromStoreAsync(context, problems, await store.FindAsync(keyId, key, CancellationToken.None), matching);
        }
        if (context.Response.StatusCode is not (>= 200 and < 300) && await store.FindAsync(keyId, key, CancellationToken.None) is { } reserved)
        {
            // Refused because another instance's request with this key committed first: its slug or name is taken by
            // what that request created. This one is its retry, and gets its answer, not a conflict with itself.
            context.Response.Clear();
            return AnswerFromStoreAsync(context, problems, reserved, matching);
        }
        // Kept even when the client has gone (it is the one that will retry); the client is sent its response meanwhile,
        // not after the keeping: failing to keep it must not turn a create that happened into an error, nor delay it.
        // KeepAsync reads the response's status and headers before it first waits, so before anything is sent.
        var keeping = KeepAsync(context, keyId, key, hash, captured);
        var sending = ResponseCapture.SendAsync(context, captured);
        await keeping;
        return sending;
    }

    /// <summary>
    /// The path the create's route names, as its 201's Location is written (<c>/api/v1/tags</c>), whatever the case of
    /// the path the request used (routing ignores it).
    /// </summary>
    private static string CollectionPath(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } ? pattern : context.Request.Path.Value!.TrimEnd('/');

    /// <summary>
    /// Where the resources the route writes are (<c>/api/v1/articles</c> for <c>/api/v1/articles/{id}/restore</c> as for
    /// <c>/api/v1/articles/{id}</c>), so that the reservation names the URL of what the request saved.
    /// </summary>
    private static string ResourcesPath(HttpContext context) =>
        CollectionPath(context) is var path && path.IndexOf("/{id}", StringComparison.Ordinal) is >= 0 and var end ? path[..end] : path;

    /// <summary>
    /// The URL of the resource an update, delete or restore names (a create's collection), as its route writes it (<c>/api/v1/tags/5</c>, whatever the
    /// case of the path sent), every route value filled in (an earlier slug's too): a retry of the same key on another resource is another request.
    /// </summary>
    private static string ResourcePath(HttpContext context)
    {
        var path = CollectionPath(context);
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                path = path.Replace($"{{{parameter.Name}}}", context.Request.RouteValues[parameter.Name]?.ToString(), StringComparison.Ordinal);
            }
        }
        return path;
    }

    /// <summary>How long after its reservation a response not yet stored is taken to be still on its way, rather than lost.</summary>
    private static readonly TimeSpan InFlightFor = TimeSpan.FromSeconds(30);

    /// <summary>Answers a request whose key is already in use: the stored response, or why there is none to give.</summary>
    /// <param name="matching">The request's hash in the current form and in each earlier build's (<see cref="RequestFingerprint"/>).</param>
    private static async Task AnswerFromStoreAsync(HttpContext context, IProblemDetailsService problems, StoredResponse? stored, string[] matching)
    {
        if (stored is not null && !matching.Contains(stored.RequestHash))
        {
            await problems.WriteAsync(context, 422, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request (another endpoint, resource, method, query or body).");
        }
        else if (stored is null || stored.Status == 0)
        {
            // The reservation names what the request created (from this release on): the caller can read it there.
            var created = stored?.Location is null ? "" : HttpMethods.IsPost(context.Request.Method) ? " What it created is at Location." : " What it saved is at Location.";
            if (created.Length > 0)
            {
                context.Response.Headers.Location = stored!.Location;
            }
            var reservedAt = stored is null ? (DateTimeOffset?)null : Timestamps.FromDb(stored.CreatedAt);
            if (reservedAt is null || context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - reservedAt < InFlightFor)
            {
                // Reserved moments ago: its response is on its way to being stored (by another instance), or was lost just now.
                context.Response.Headers.RetryAfter = "1";
                await problems.WriteAsync(context, 409, ProblemCodes.IdempotencyInFlight,
                    "A request with this Idempotency-Key is still being answered, or its response was lost moments ago (the server stopped before storing it). " +
                    "Retry after Retry-After to get its response." + created);
            }
            else
            {
                await problems.WriteAsync(context, 409, ProblemCodes.IdempotencyResponseLost,
                    "A request with this Idempotency-Key was carried out, but its response was lost (the server stopped before storing it)." +
                    (created.Length > 0 ? created + " Read it there instead of retrying." : " Look the resource up instead of retrying."));
            }
        }
        else
        {
            await ReplayAsync(context, stored);
        }
    }

    /// <summary>
    /// Stores what a create answered. Only what carried a write out is kept (as Stripe does): a request refused without
    /// creating anything (a 400, 409, 401...) leaves the key free, so the client can correct it and retry with the same
    /// key. If storing fails, a retry is told the request was carried out (409), as after a crash.
    /// </summary>
    private async Task KeepAsync(HttpContext context, long keyId, string key, string hash, byte[] body)
    {
        if (context.Response.StatusCode is not (>= 200 and < 300))
        {
            return;
        }
        try
        {
            await store.SaveAsync(keyId, key, new StoredResponse
            {
                RequestHash = hash,
                Status = context.Response.StatusCode,
                ContentType = context.Response.ContentType,
                Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                LastModified = context.Response.Headers.LastModified.ToString() is { Length: > 0 } modified ? modified : null,
                Body = body,
            }, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Whatever the reason (busy, a newer build's schema, the file gone, the disk full): the create has committed
            // and its response is sent.
            logger.LogWarning(exception, "The response to Idempotency-Key {Key} was sent but could not be stored", key);
        }
    }

    private static bool IsValidKey(string key) => key.Length is >= 1 and <= MaxKeyLength && key.All(c => c is >= '\x21' and <= '\x7E');

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = (int)stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }
        if (stored.ETag is not null)
        {
            response.Headers.ETag = ETags.InCoding(stored.ETag, Representation.CodingFor(context));
        }
        if (stored.LastModified is not null)
        {
            response.Headers.Date = HttpDate.Format(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            response.Headers.LastModified = stored.LastModified;
        }
        if (stored.Status is >= 200 and < 300)
        {
            // As the representation first sent had them (problems have neither): it answered a key holder, so private.
            response.Headers.CacheControl = context.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value.PrivateCacheControl;
            response.Headers.Vary = Representation.VaryFor(context);
        }
        response.Headers[ReplayedHeaderName] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }
}
