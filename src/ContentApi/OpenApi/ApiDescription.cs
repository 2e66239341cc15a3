namespace ContentApi.OpenApi;

/// <summary>The conventions clients depend on, stated once at the top of the OpenAPI document.</summary>
public static class ApiDescription
{
    public const string Text = """
        Headless content API: articles, authors, image metadata and tags.

        * **Reading** published content needs no key. Drafts, scheduled articles and author emails need a key with the `read` scope; writes need `write`.
        * **Lists** return `{ items, page: { limit, nextCursor, total } }`. `limit` is 1-100 (default 20). Pass `nextCursor` back as `cursor` for the next page (keyset: deep pages cost what the first costs), or use `page` for numbered pages. The `Link` header carries `rel="next"` (by cursor) and, past the first page, `rel="first"`; numbered pages also get `rel="prev"` and `rel="last"`.
        * **Errors** are RFC 9457 `application/problem+json` with `type`, `title`, `status`, `detail`, `traceId`; validation errors add `errors: { field: [messages] }` keyed by the field's JSON path without its leading `$.` (`title`, `authorIds[0]`, `focalPoint.x`) or the query parameter's name, and by `$` for the body as a whole (one that is not a JSON object, say). Unknown query parameters and unknown body properties are 400, never ignored.
        * **Caching**: every GET carries a strong `ETag` and answers `If-None-Match` with 304; articles and images also carry `Last-Modified` and honour `If-Modified-Since` and `If-Unmodified-Since` (authors and tags do not: their `publishedArticleCount` changes without their own timestamps). Write responses (201, 200) carry the `ETag` and `Last-Modified` that a read right after returns. Errors (4xx, 5xx) carry `Cache-Control: no-store`, so no cache keeps a 404 after the resource appears.
        * **Concurrency**: PUT, PATCH and DELETE honour `If-Match` (412 with the current `ETag` when stale); without it, articles and images also honour `If-Unmodified-Since`.
        * **Header parameters** sent with an empty value (`If-Match: `, `Idempotency-Key: `), as NSwag's TypeScript clients send every one a call leaves unset, are taken as not sent.
        * **PATCH** takes a JSON Merge Patch (RFC 7396, `application/merge-patch+json`): send only the fields to change; `null` does what leaving the field out of a PUT does (an optional field is cleared; a slug is kept).
        * **Slugs** are lowercase letters of any script, digits and hyphens; CJK slugs are percent-encoded in URLs; a slug takes at most 120 characters and 180 UTF-8 bytes (60 Chinese characters), so that it names a file. When a slug is omitted on create it is derived from the title or name (at most 120 characters and 180 UTF-8 bytes, so it fits a file name, cut between words where it can; `-2`, `-3`, ... on a clash); on replace it is kept.
        * **Timestamps** are RFC 3339 in UTC with six fractional digits; those the server sets (`createdAt`, `updatedAt`, a `publishedAt` it sets on publishing) are whole milliseconds, so a JavaScript `Date` sends them back unchanged, while a `publishedAt` a request gives is kept to the microsecond. Ids are integers; enums are lowercase strings.
        * **HTTP**: every GET also answers HEAD (the same status and headers, no body); a method a path does not have is a 405 problem with `Allow`; an OPTIONS that is no CORS preflight is a 204 with `Allow` (and `Accept-Patch` where the path takes PATCH). Requests the web server refuses before the API sees them get their status with an empty body instead of a problem: raw (not percent-encoded) non-ASCII bytes in the URL (400), a request line or header block past 64 KiB (414, 431), a NUL or space in the path (400). Generated clients percent-encode, so they do not meet these.
        * **Operations**: the probes `GET /health/live` (the process answers) and `GET /health/ready` (the database is there, reachable and migrated; 503 otherwise), Prometheus metrics (`GET /metrics` unless configured otherwise) and Swagger UI at `/swagger` are served beside the API and left out of this document: they are for operators, not for generated clients.
        """;
}
