using ContentApi.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContentApi.OpenApi;

/// <summary>
/// Endpoint metadata: the operation's resource has a modification date: its representations carry Last-Modified, reads
/// answer If-Modified-Since, and reads and writes If-Unmodified-Since.
/// </summary>
public sealed record LastModifiedMetadata
{
    public static LastModifiedMetadata Instance { get; } = new();
}

/// <summary>
/// Documents the HTTP headers of the protocol the endpoints share (conditional requests, idempotent creates, paging
/// links, rate limits), so generated clients get them as typed parameters and response headers. What an operation
/// answers decides which apply: a 304 means it takes If-None-Match, a 412 If-Match (and, on a write, If-None-Match); a
/// write's endpoint says it takes Idempotency-Key.
/// </summary>
public sealed class HttpHeadersOperationFilter : IOperationFilter
{
    /// <summary>What decides which headers an operation documents.</summary>
    /// <param name="LastModified">Its resource has a modification date (<see cref="LastModifiedMetadata"/>).</param>
    /// <param name="TakesCursor">It pages a list, so its responses carry Link.</param>
    /// <param name="Idempotent">A write that takes Idempotency-Key (<see cref="IdempotencyMiddleware.IdempotentWrite"/>).</param>
    /// <param name="Moves">A read that can answer 301 (an article's earlier slug, or another spelling of it).</param>
    /// <param name="Scope">The scope a key needs for it: its policy's, or read for a read (whose drafts need one).</param>
    private sealed record Traits(string Method, bool LastModified, bool TakesCursor, bool Idempotent, bool Moves, string Scope);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is not { } responses)
        {
            return;
        }
        var method = context.ApiDescription.HttpMethod ?? "";
        var traits = new Traits(
            method,
            LastModified: context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<LastModifiedMetadata>().Any(),
            TakesCursor: operation.Parameters?.Any(p => p.Name == "cursor") == true,
            Idempotent: context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotencyMiddleware.IdempotentWrite>().Any(),
            Moves: responses.ContainsKey("301"),
            Scope: context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Select(a => a.Policy).FirstOrDefault(p => p is not null) ?? Auth.ApiKeyScopes.ReadPolicy);

        if (responses.ContainsKey("304"))
        {
            AddRevalidationParameters(operation, traits);
        }
        if (responses.ContainsKey("412"))
        {
            if (method == "GET")
            {
                AddReadPreconditionParameters(operation, traits);
            }
            else
            {
                AddWritePreconditionParameters(operation, traits);
            }
        }
        if (traits.Idempotent)
        {
            AddIdempotencyKeyParameter(operation);
        }
        foreach (var (status, response) in responses)
        {
            if (response is OpenApiResponse concrete)
            {
                AddResponseHeaders(concrete, status, traits);
            }
        }
    }

    /// <summary>A read that can answer 304: the validators of a representation the caller holds.</summary>
    private static void AddRevalidationParameters(OpenApiOperation operation, Traits traits)
    {
        AddParameter(operation, "If-None-Match",
            "ETags of representations you hold (comma-separated, or `*`): 304 Not Modified, without a body, while one still matches.");
        if (traits.LastModified)
        {
            AddParameter(operation, "If-Modified-Since",
                "An HTTP date, such as an earlier Last-Modified: 304 Not Modified when the resource has not changed since. Ignored when If-None-Match is sent, and when later than the server's clock. " +
                "A date has whole seconds, so it cannot tell two changes within one second apart: prefer If-None-Match.");
        }
    }

    /// <summary>A read that can answer 412: the representation is sent only while it is still the version named.</summary>
    private static void AddReadPreconditionParameters(OpenApiOperation operation, Traits traits)
    {
        AddParameter(operation, "If-Match",
            "ETags (comma-separated, or `*`): the representation is sent only while it still has one of them, compared strongly " +
            "(the whole tag, not weak), else 412 with its current ETag. Evaluated before If-None-Match.");
        if (traits.LastModified)
        {
            AddParameter(operation, "If-Unmodified-Since",
                "An HTTP date: the representation is sent only if the resource has not changed since, else 412. Ignored when If-Match is sent.");
        }
    }

    /// <summary>A write that can answer 412: the change applies only to the version named (no lost updates).</summary>
    private static void AddWritePreconditionParameters(OpenApiOperation operation, Traits traits)
    {
        AddParameter(operation, "If-Match",
            "The ETag you last read: the change applies only while the resource still has it, else 412 (no update is lost). `*` matches any version. " +
            "The part before the first hyphen (the version and a check of which resource it is) is what counts, so an ETag of this resource read with any `include`, `fields` or `format` will do, " +
            "and another resource's does not; a weak ETag " +
            "(`W/\"...\"`, as a proxy that compresses responses may make of one) never matches a write (412): send the body's `version` quoted " +
            "instead (`\"7\"`), which is also the way for a client that does not show response headers. " +
            "Optional unless the server sets `Writes:RequireIfMatch`, which answers 428 without it (`*` then still says you mean to overwrite whatever is there).");
        if (traits.LastModified)
        {
            AddParameter(operation, "If-Unmodified-Since",
                "An HTTP date, such as the Last-Modified you read: the change applies only if the resource has not changed since, else 412. " +
                "Ignored when If-Match is sent (prefer If-Match: a date cannot tell two changes within one second apart).");
        }
        AddParameter(operation, "If-None-Match",
            "ETags (comma-separated, weak ones too) of versions the change must not apply to, else 412; compared by version like If-Match. " +
            "`*` always refuses, since the resource exists whenever it is changed.");
    }

    private static void AddIdempotencyKeyParameter(OpenApiOperation operation) =>
        AddParameter(operation, "Idempotency-Key",
            "1-255 visible ASCII characters, unique per write (a UUID). A retry with the same key and body within 24 hours gets the first response " +
            "again (with `Idempotent-Replayed: true`) and writes nothing: a retried update whose first response was lost gets that response, not a 412 " +
            "caused by its own change, and a retried delete its 204, not a 404. The same key with another body (compared as JSON: whitespace, member " +
            "order and escapes do not count), method, endpoint or resource, or with a query, is a 422. A request refused without writing anything (4xx) does not use " +
            "the key up: correct it and retry with the same key. While the first request with the key is still being answered (on another instance), " +
            "a retry gets 409 with Retry-After; when its response was lost (the server stopped before storing it), 409 without it. Either 409 " +
            "carries Location, the URL of what the first request created or saved (none after a delete). Sent empty, it is no key (as if not sent).",
            new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotencyMiddleware.MaxKeyLength,
                Pattern = IdempotencyMiddleware.KeyPattern,
            });

    private static void AddResponseHeaders(OpenApiResponse response, string status, Traits traits)
    {
        if (status[0] is '4' or '5')
        {
            AddHeader(response, "Cache-Control", "Holds `no-store`: no cache keeps an error.");
        }
        switch (status)
        {
            case "200" or "201":
                AddRepresentationHeaders(response, status, traits);
                break;
            case "204" when traits.Idempotent:
                AddReplayedHeader(response);
                break;
            case "304":
                AddNotModifiedHeaders(response, traits);
                break;
            case "301":
                AddHeader(response, "Location", "Where the resource is now, with the request's query: follow it (every HTTP client does by default).");
                AddHeader(response, "Cache-Control", "As on a 200 of the same request: public (only anonymous callers are sent on; a key holder gets a 200 in place).");
                break;
            case "412":
                AddHeader(response, "ETag", "The resource's current entity tag.");
                break;
            case "409" when traits.Idempotent:
                AddHeader(response, "Location", "Only when an earlier request with the same Idempotency-Key created or saved the resource but its response was lost or is still on its way: the URL of what it created or saved.");
                AddHeader(response, "Retry-After", "Only while that earlier request's response may still be on its way: seconds to wait before retrying to get it.");
                break;
            case "401":
                AddHeader(response, "WWW-Authenticate", "`Bearer`, with `error=\"invalid_token\"` when the bearer key sent is not valid.");
                break;
            case "403":
                AddHeader(response, "WWW-Authenticate", $"`Bearer error=\"insufficient_scope\", scope=\"{traits.Scope}\"`: the key is valid, but its scope does not allow this operation, which needs `{traits.Scope}`.");
                break;
            case "415":
                if (traits.Method == "PATCH")
                {
                    AddHeader(response, "Accept-Patch", $"`{Http.Bodies.AcceptedBodyFormats.PatchMediaTypes}`: the media types a PATCH body may be sent as.");
                }
                AddHeader(response, "Accept-Encoding", "`identity`, only when the body was refused for its `Content-Encoding`: bodies are read as sent, not decompressed.");
                break;
            case "429":
                AddHeader(response, "Retry-After", "Seconds to wait before retrying.");
                AddHeader(response, "RateLimit", "The quota that ran out: `limit=N, remaining=0, reset=SECONDS` (IETF RateLimit fields draft).");
                AddHeader(response, "RateLimit-Policy", "The quota, its window and, for a token bucket, its burst: `N;w=SECONDS;burst=B`.");
                break;
            case "503":
                AddHeader(response, "Retry-After", "Seconds to wait before retrying.");
                break;
        }
    }

    /// <summary>A 200 or 201: the headers that describe the representation sent.</summary>
    private static void AddRepresentationHeaders(OpenApiResponse response, string status, Traits traits)
    {
        AddHeader(response, "ETag", "The representation's strong entity tag: send it in If-None-Match to revalidate, or in If-Match to update.");
        AddHeader(response, "Cache-Control", traits.Method == "GET"
            ? "`public` with a max-age for anonymous callers (CDN-cacheable; neither fresh nor served stale past the moment the next scheduled article goes live); `private` when an API key was sent."
            : "`private` (`Caching:PrivateCacheControl`, by default `private, no-cache`): the representation answered a key holder.");
        if (traits.LastModified)
        {
            AddHeader(response, "Last-Modified", "When the resource, or anything embedded in it, last changed (an HTTP date).");
        }
        if (traits.Moves && status == "200")
        {
            AddHeader(response, "Content-Location", "Only for a key holder who named the resource by a URL an anonymous caller gets a 301 for: the URL it has now, with the request's query.");
        }
        if (traits.TakesCursor && status == "200")
        {
            AddHeader(response, "Link", $"RFC 8288 links to other pages of the list: `rel=\"next\"` (by cursor) when there is a next page, `rel=\"first\"` on any page but the first, and with `page=N` also `rel=\"prev\"` and `rel=\"last\"` (by page number). At most {Http.Lists.LinkHeader.MaxLength} bytes, so that proxies take the response (nginx reads headers into 4 KB by default): links that would pass it are left out, the last first, and `page.nextCursor` still leads on.");
        }
        if (status == "201")
        {
            AddHeader(response, "Location", "The created resource's URL.");
        }
        if (traits.Idempotent)
        {
            AddReplayedHeader(response);
        }
    }

    private static void AddReplayedHeader(OpenApiResponse response) =>
        AddHeader(response, "Idempotent-Replayed", "`true` when this is the stored response to an earlier request with the same Idempotency-Key.");

    /// <summary>
    /// A 304: what a 200 would have sent about the representation, so that caches can refresh what they hold (RFC 9110 §15.4.5).
    /// </summary>
    private static void AddNotModifiedHeaders(OpenApiResponse response, Traits traits)
    {
        AddHeader(response, "ETag", "The entity tag that still matches.");
        AddHeader(response, "Cache-Control", "As the 200 would have sent it.");
        if (traits.LastModified)
        {
            AddHeader(response, "Last-Modified", "As the 200 would have sent it.");
        }
        if (traits.TakesCursor)
        {
            AddHeader(response, "Link", "As the 200 would have sent it: the links to other pages of the list.");
        }
    }

    private static void AddParameter(OpenApiOperation operation, string name, string description, OpenApiSchema? schema = null)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Description = description,
            Schema = schema ?? new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = name == "Retry-After" ? WholeSeconds : new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    /// <summary>Retry-After as the server sends it: whole seconds, never an HTTP date.</summary>
    private static OpenApiSchema WholeSeconds => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" };
}
