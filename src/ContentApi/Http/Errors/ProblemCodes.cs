namespace ContentApi.Http.Errors;

/// <summary>
/// The <c>code</c> of every problem: one stable snake_case name per kind of problem, where <c>type</c> names only its
/// status (a slug clash, a resource in use and an Idempotency-Key in flight are all 409s). A new kind of problem gets a
/// new code; a code never changes meaning.
/// </summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string BodyRequired = "body_required";
    public const string InvalidHeader = "invalid_header";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string NoSuchPath = "no_such_path";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string RequestTimeout = "request_timeout";
    public const string SlugTaken = "slug_taken";
    public const string NameTaken = "name_taken";
    public const string InUse = "in_use";
    public const string AlreadyExists = "already_exists";
    public const string ReferenceConflict = "reference_conflict";
    public const string IdempotencyInFlight = "idempotency_in_flight";
    public const string IdempotencyResponseLost = "idempotency_response_lost";
    public const string VersionMismatch = "version_mismatch";
    public const string WeakEtag = "weak_etag";
    public const string VersionExcluded = "version_excluded";
    public const string BodyTooLarge = "body_too_large";
    public const string UriTooLong = "uri_too_long";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string UnsupportedContentEncoding = "unsupported_content_encoding";
    public const string UnsupportedCharset = "unsupported_charset";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IfMatchRequired = "if_match_required";
    public const string RateLimited = "rate_limited";
    public const string KeyLockout = "key_lockout";
    public const string HeadersTooLarge = "headers_too_large";
    public const string InternalError = "internal_error";
    public const string MethodNotImplemented = "method_not_implemented";
    public const string TransferCodingNotImplemented = "transfer_coding_not_implemented";
    public const string ServerBusy = "server_busy";
    public const string DatabaseBusy = "database_busy";
    public const string DatabaseReadOnly = "database_read_only";
    public const string DiskFull = "disk_full";
    public const string DiskIoError = "disk_io_error";
    public const string ServerStopping = "server_stopping";
    public const string NewerSchema = "newer_schema";
    public const string DatabaseFileGone = "database_file_gone";
    public const string DatabaseDamaged = "database_damaged";
    public const string SearchIndexDamaged = "search_index_damaged";

    /// <summary>What each code means, and the status it comes with, in the order the OpenAPI document and README list them.</summary>
    public static readonly IReadOnlyList<(string Code, int Status, string Meaning)> Meanings =
    [
        (ValidationFailed, 400, "a body member, query or route parameter is invalid; errors names each."),
        (InvalidJson, 400, "the body is not valid JSON (its syntax, not UTF-8, nested too deeply)."),
        (BodyRequired, 400, "the write was sent without a JSON body."),
        (InvalidHeader, 400, "a request header cannot be read (If-Match, If-None-Match, Idempotency-Key, Transfer-Encoding, Access-Control-Request-Headers); errors names it."),
        (BadRequest, 400, "the request could not be read (its framing), and nothing more precise applies."),
        (Unauthorized, 401, "no API key, or one that is not valid."),
        (Forbidden, 403, "the API key's scope does not allow the operation."),
        (NotFound, 404, "no resource has this id or slug."),
        (NoSuchPath, 404, "no resource exists at this path (the API's URLs are lowercase, unescaped, without a trailing slash)."),
        (MethodNotAllowed, 405, "the resource does not take this method."),
        (RequestTimeout, 408, "the request body arrived too slowly."),
        (SlugTaken, 409, "another resource holds the slug; conflictingId names it, and errors files the detail under slug."),
        (NameTaken, 409, "another tag has the name (tag names are compared in Unicode NFKC, ignoring case and format characters); conflictingId names it, and errors files the detail under name."),
        (InUse, 409, "the resource is still in use, so it was not deleted; articles (and for an image authors) name what uses it."),
        (AlreadyExists, 409, "a resource with the same unique value already exists."),
        (ReferenceConflict, 409, "the change conflicts with related resources (one referenced is missing or still in use)."),
        (IdempotencyInFlight, 409, "a request with this Idempotency-Key is still being answered; retry after Retry-After."),
        (IdempotencyResponseLost, 409, "a request with this Idempotency-Key was carried out, but its response was lost; look the resource up instead of retrying."),
        (VersionMismatch, 412, "the resource has changed since you read it (If-Match, If-Unmodified-Since); read it again."),
        (WeakEtag, 412, "If-Match names only weak ETags, which never match a write; send the ETag as the API sent it."),
        (VersionExcluded, 412, "If-None-Match excludes the resource's current version, so the change was not applied."),
        (BodyTooLarge, 413, "the request body is larger than the server accepts."),
        (UriTooLong, 414, "the URL is longer than the server accepts."),
        (UnsupportedMediaType, 415, "the body's Content-Type is not one the operation accepts."),
        (UnsupportedContentEncoding, 415, "the body has a Content-Encoding; bodies are read as sent."),
        (UnsupportedCharset, 415, "the body's charset is not UTF-8."),
        (IdempotencyKeyReused, 422, "this Idempotency-Key was already used with a different request."),
        (IfMatchRequired, 428, "this server requires If-Match on updates and deletes."),
        (RateLimited, 429, "too many requests; retry after Retry-After."),
        (KeyLockout, 429, "too many failed API key attempts from this address; retry after Retry-After."),
        (HeadersTooLarge, 431, "the request has too many or too large header lines."),
        (InternalError, 500, "an unexpected error; quote the traceId when reporting it."),
        (MethodNotImplemented, 501, "the method is not one this API knows (methods are case-sensitive)."),
        (TransferCodingNotImplemented, 501, "the body has a transfer coding other than chunked."),
        (ServerBusy, 503, "the server is busy with other requests; retry after Retry-After."),
        (DatabaseBusy, 503, "the database is busy; retry after Retry-After."),
        (DatabaseReadOnly, 503, "the database is read-only, so nothing was written; retry after Retry-After."),
        (DiskFull, 503, "the database's disk is full, so nothing was written; retry after Retry-After."),
        (DiskIoError, 503, "the database's disk failed to read or write, so nothing was written; retry after Retry-After."),
        (ServerStopping, 503, "the server is stopping, so nothing was written; retry after Retry-After."),
        (NewerSchema, 503, "a newer version of ContentApi has migrated the database, and this server does not write into it; retry after Retry-After."),
        (DatabaseFileGone, 503, "the database file is gone; the operator must put it back or restart the server."),
        (DatabaseDamaged, 503, "the database is damaged; the operator must repair it."),
        (SearchIndexDamaged, 503, "the search index is damaged; the operator must rebuild it."),
    ];

    /// <summary>The code of a problem no one named one for: a status page (401, 403, 404 at no endpoint, 405), or a refusal nothing more precise covers.</summary>
    public static string ForStatus(int status, bool atEndpoint) => status switch
    {
        401 => Unauthorized,
        403 => Forbidden,
        404 => atEndpoint ? NotFound : NoSuchPath,
        405 => MethodNotAllowed,
        408 => RequestTimeout,
        413 => BodyTooLarge,
        414 => UriTooLong,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        431 => HeadersTooLarge,
        >= 500 => InternalError,
        _ => BadRequest,
    };
}
