using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Hostile and malformed requests, one per row: each gets the documented 4xx as problem+json (or, where
/// the input is merely odd, an ordinary answer), and none of them changes a single row.
/// </summary>
public sealed class AdversarialInputTests(AdversarialInputTests.Factory factory) : IClassFixture<AdversarialInputTests.Factory>
{
    private const int MaxBodyBytes = 64 * 1024;

    public sealed class Factory : ApiFactory
    {
        private readonly SemaphoreSlim _seedLock = new(1, 1);
        private Seed? _seed;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        /// <summary>Resources the hostile requests aim at, and every key they use, created before any snapshot.</summary>
        public async Task<Seed> SeedAsync()
        {
            await _seedLock.WaitAsync();
            try
            {
                if (_seed is null)
                {
                    _ = Key(ApiKeyScope.Read);
                    var content = new TestContent(Writer());
                    var authorId = await content.AuthorAsync();
                    var tagId = await content.TagAsync();
                    var imageId = await content.ImageAsync();
                    var article = await content.ArticleAsync(new() { ["authorIds"] = new[] { authorId }, ["tagIds"] = new[] { tagId } });
                    _seed = new Seed(article["id"]!.GetValue<long>(), authorId, tagId, imageId);
                }
                return _seed;
            }
            finally
            {
                _seedLock.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _seedLock.Dispose();
        }
    }

    public sealed record Seed(long ArticleId, long AuthorId, long TagId, long ImageId)
    {
        public string Article => $"/api/v1/articles/{ArticleId}";
        public string Author => $"/api/v1/authors/{AuthorId}";
        public string Image => $"/api/v1/images/{ImageId}";
    }

    private enum Caller { Writer, Reader, Anonymous }

    /// <param name="Status">The expected status; 2xx means an ordinary JSON answer instead of a problem.</param>
    /// <param name="Errors">Keys the problem's <c>errors</c> must name.</param>
    /// <param name="EmptyList">The 200 is a list with no items.</param>
    private sealed record Case(Func<Seed, HttpRequestMessage> Request, HttpStatusCode Status, string[]? Errors = null, Caller As = Caller.Writer, bool EmptyList = false);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Sizes: the app enforces its own limits, so each is a problem+json and not a dropped connection.
        ["body_over_limit_with_content_length"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("body", Quoted(new string('x', MaxBodyBytes + 1))))), HttpStatusCode.RequestEntityTooLarge),
        ["body_over_limit_chunked_without_length"] = new(s => Chunked(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("body", Quoted(new string('x', MaxBodyBytes + 1)))), "application/json"), HttpStatusCode.RequestEntityTooLarge),
        ["patch_over_limit_chunked_without_length"] = new(s => Chunked(HttpMethod.Patch, s.Article, $$"""{"body":{{Quoted(new string('x', MaxBodyBytes + 1))}}}""", "application/merge-patch+json"), HttpStatusCode.RequestEntityTooLarge),
        ["idempotent_post_over_limit_chunked"] = new(s => WithHeader(Chunked(HttpMethod.Post, "/api/v1/tags", $$"""{"name":{{Quoted(new string('x', MaxBodyBytes + 1))}}}""", "application/json"), "Idempotency-Key", "big-body"), HttpStatusCode.RequestEntityTooLarge),
        ["headers_150_lines"] = new(s => ManyHeaders(Get("/api/v1/articles"), 150), HttpStatusCode.RequestHeaderFieldsTooLarge, As: Caller.Anonymous),
        ["header_of_20_kb"] = new(s => WithHeader(Get("/api/v1/articles"), "X-Padding", new string('h', 20 * 1024)), HttpStatusCode.RequestHeaderFieldsTooLarge, As: Caller.Anonymous),
        ["url_of_10_kb"] = new(s => Get("/api/v1/articles?author=" + new string('a', 10 * 1024)), HttpStatusCode.RequestUriTooLong, As: Caller.Anonymous),

        // JSON structure.
        ["json_nested_5000_deep_post"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", """{"title":""" + new string('[', 5000) + new string(']', 5000) + "}"), HttpStatusCode.BadRequest),
        ["json_nested_5000_deep_patch"] = new(s => MergePatch(s.Article, """{"title":""" + new string('{', 0) + Nested(5000) + "}"), HttpStatusCode.BadRequest),
        ["unknown_property_post"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("isAdmin", "true"))), HttpStatusCode.BadRequest, ["isAdmin"]),
        ["unknown_property_patch"] = new(s => MergePatch(s.Article, """{"isAdmin":true}"""), HttpStatusCode.BadRequest, ["isAdmin"]),
        ["miscased_property_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"NAME":"n"}"""), HttpStatusCode.BadRequest, ["NAME"]),
        ["miscased_property_patch"] = new(s => MergePatch(s.Article, """{"Title":"t"}"""), HttpStatusCode.BadRequest, ["Title"]),
        ["duplicate_property_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"first","name":"second"}"""), HttpStatusCode.BadRequest, ["name"]),
        ["duplicate_property_patch"] = new(s => MergePatch(s.Article, """{"title":"first","title":"second"}"""), HttpStatusCode.BadRequest, ["title"]),
        ["missing_nested_property_post"] = new(s => Json(HttpMethod.Post, "/api/v1/images", """{"url":"https://images.example.com/a.jpg","altText":"a","focalPoint":{"x":0.5}}"""), HttpStatusCode.BadRequest, ["focalPoint.y"]),
        ["missing_required_properties"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", "{}"), HttpStatusCode.BadRequest, ["title", "body", "language", "authorIds"]),

        // Wrong JSON types, including query-operator injection.
        ["operator_object_for_slug_post"] = new(s => Json(HttpMethod.Post, "/api/v1/authors", """{"name":"n","slug":{"$ne":null}}"""), HttpStatusCode.BadRequest, ["slug"]),
        ["operator_object_for_slug_patch"] = new(s => MergePatch(s.Article, """{"slug":{"$ne":null}}"""), HttpStatusCode.BadRequest, ["slug"]),
        ["array_for_string"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("title", """["a","b"]"""))), HttpStatusCode.BadRequest, ["title"]),
        ["number_for_string"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":42}"""), HttpStatusCode.BadRequest, ["name"]),
        ["string_for_id_in_list"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", $"[\"{s.AuthorId}\"]"))), HttpStatusCode.BadRequest, ["authorIds[0]"]),
        ["string_for_id"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("coverImageId", $"\"{s.ImageId}\""))), HttpStatusCode.BadRequest, ["coverImageId"]),
        ["number_as_string"] = new(s => Json(HttpMethod.Post, "/api/v1/images", """{"url":"https://img.example/a.jpg","altText":"a","width":"1200"}"""), HttpStatusCode.BadRequest, ["width"]),
        ["fraction_for_id"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "[1.5]"))), HttpStatusCode.BadRequest, ["authorIds[0]"]),
        ["exponent_for_id"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("coverImageId", "1e3"))), HttpStatusCode.BadRequest, ["coverImageId"]),
        ["overflowing_id"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("coverImageId", "99999999999999999999"))), HttpStatusCode.BadRequest, ["coverImageId"]),
        ["boolean_for_enum"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "true"))), HttpStatusCode.BadRequest, ["status"]),
        ["integer_for_enum"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "1"))), HttpStatusCode.BadRequest, ["status"]),
        ["null_for_required_string"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("title", "null"))), HttpStatusCode.BadRequest, ["title"]),
        ["null_for_required_list"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "null"))), HttpStatusCode.BadRequest, ["authorIds"]),
        ["null_in_id_list"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "[null]"))), HttpStatusCode.BadRequest, ["authorIds[0]"]),
        ["object_for_string_patch"] = new(s => MergePatch(s.Author, """{"name":{"first":"a"}}"""), HttpStatusCode.BadRequest, ["name"]),

        // Encodings and control characters.
        ["invalid_utf8_bytes_post"] = new(s => Bytes(HttpMethod.Post, "/api/v1/tags", [.. "{\"name\":\"a"u8, 0xFF, 0xFE, .. "b\"}"u8], "application/json"), HttpStatusCode.BadRequest),
        ["invalid_utf8_bytes_patch"] = new(s => Bytes(HttpMethod.Patch, s.Article, [.. "{\"title\":\"a"u8, 0xC3, 0x28, .. "\"}"u8], "application/merge-patch+json"), HttpStatusCode.BadRequest),
        ["lone_surrogate_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"a\uD800b"}"""), HttpStatusCode.BadRequest, ["name"]),
        ["lone_surrogate_patch"] = new(s => MergePatch(s.Article, """{"title":"\uDC00"}"""), HttpStatusCode.BadRequest, ["title"]),
        ["lone_surrogate_property_name_patch"] = new(s => MergePatch($"/api/v1/tags/{s.TagId}", """{"\uD800":1}"""), HttpStatusCode.BadRequest),
        ["language_with_a_trailing_newline"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("language", "\"en\\n\""))), HttpStatusCode.BadRequest, ["language"]),
        ["lone_surrogate_property_name_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n","\uD800":1}"""), HttpStatusCode.BadRequest),
        ["nul_in_slug"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n","slug":"a\u0000b"}"""), HttpStatusCode.BadRequest, ["slug"]),
        ["nul_in_name"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"a\u0000b"}"""), HttpStatusCode.BadRequest, ["name"]),
        ["nul_in_name_patch"] = new(s => MergePatch(s.Author, """{"name":"\u0000"}"""), HttpStatusCode.BadRequest, ["name"]),
        // A BOM is skipped (RFC 8259 §8.1 allows it), so what follows is read and judged as JSON.
        ["bom_then_unknown_property_post"] = new(s => Bytes(HttpMethod.Post, "/api/v1/tags", [0xEF, 0xBB, 0xBF, .. """{"name":"n","isAdmin":true}"""u8], "application/json"), HttpStatusCode.BadRequest, ["isAdmin"]),
        ["bom_then_unknown_property_patch"] = new(s => Bytes(HttpMethod.Patch, s.Article, [0xEF, 0xBB, 0xBF, .. """{"isAdmin":true}"""u8], "application/merge-patch+json"), HttpStatusCode.BadRequest, ["isAdmin"]),
        ["bom_twice"] = new(s => Bytes(HttpMethod.Post, "/api/v1/tags", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. """{"name":"n"}"""u8], "application/json"), HttpStatusCode.BadRequest),

        // Ids in the route.
        ["route_id_1abc"] = new(s => Get("/api/v1/articles/1abc"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        // Below the document's minimum of 1: a 400 as other refused values are (it was a 404, found by a probe).
        ["route_id_negative"] = new(s => Get("/api/v1/articles/-1"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_zero"] = new(s => Get("/api/v1/articles/0"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_exponent"] = new(s => Get("/api/v1/articles/1e3"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_overflow"] = new(s => Get("/api/v1/articles/99999999999999999999"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_hex"] = new(s => Get("/api/v1/articles/0x10"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_1abc_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/articles/1abc"), HttpStatusCode.BadRequest, ["id"]),
        ["route_id_negative_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tags/-1"), HttpStatusCode.BadRequest, ["id"]),
        // An id written any other way than plainly would be a second URL for the same resource.
        ["route_id_plus_sign"] = new(s => Get($"/api/v1/articles/+{s.ArticleId}"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_leading_zero"] = new(s => Get($"/api/v1/articles/0{s.ArticleId}"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_leading_space"] = new(s => Get($"/api/v1/authors/%20{s.AuthorId}"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["route_id_negative_zero"] = new(s => Get("/api/v1/images/-0"), HttpStatusCode.BadRequest, ["id"], Caller.Anonymous),
        ["trailing_slash_read"] = new(s => Get($"/api/v1/articles/{s.ArticleId}/"), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["trailing_slash_upper_case_api"] = new(s => Get($"/API/v1/tags/{s.TagId}/"), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["json_patch_media_type_on_put_upper_case_api"] = new(s => Json(HttpMethod.Put, $"/API/v1/tags/{s.TagId}", """{"name":"Replaced"}""", "application/json-patch+json"), HttpStatusCode.NotFound),
        ["trailing_slash_list"] = new(s => Get("/api/v1/tags/"), HttpStatusCode.NotFound, As: Caller.Anonymous),
        // Routing ignores case: /API/v1/Articles/54 was a second URL for article 54, cached and purged apart from it.
        ["upper_case_path_read"] = new(s => Get($"/API/v1/articles/{s.ArticleId}"), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["upper_case_resource_list"] = new(s => Get("/api/v1/Tags?limit=1"), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["upper_case_path_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, $"/api/V1/images/{s.ImageId}"), HttpStatusCode.NotFound),
        ["upper_case_path_patch"] = new(s => MergePatch(s.Article.Replace("/articles/", "/ARTICLES/", StringComparison.Ordinal), """{"title":"renamed"}"""), HttpStatusCode.NotFound),
        ["trailing_slash_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/images/{s.ImageId}/"), HttpStatusCode.NotFound),
        ["trailing_slash_patch"] = new(s => MergePatch(s.Article + "/", """{"title":"renamed"}"""), HttpStatusCode.NotFound),
        ["route_id_leading_zero_patch"] = new(s => MergePatch($"/api/v1/tags/00{s.TagId}", """{"name":"renamed"}"""), HttpStatusCode.BadRequest, ["id"]),
        ["route_id_plus_sign_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tags/+{s.TagId}"), HttpStatusCode.BadRequest, ["id"]),
        ["route_id_overflow_put"] = new(s => Json(HttpMethod.Put, "/api/v1/articles/99999999999999999999", ArticleJson(s)), HttpStatusCode.BadRequest, ["id"]),

        // Query parameters.
        ["filter_given_twice"] = new(s => Get($"/api/v1/articles?author={s.AuthorId}&author={s.AuthorId}"), HttpStatusCode.BadRequest, ["author"], Caller.Anonymous),
        ["limit_given_twice"] = new(s => Get("/api/v1/tags?limit=1&limit=2"), HttpStatusCode.BadRequest, ["limit"], Caller.Anonymous),
        ["image_url_too_long"] = new(s => Json(HttpMethod.Post, "/api/v1/images", $$"""{"url":"https://images.example.com/{{new string('a', 2040)}}.jpg","altText":"a"}"""), HttpStatusCode.BadRequest, ["url"]),
        ["health_post"] = new(s => new HttpRequestMessage(HttpMethod.Post, "/health/live"), HttpStatusCode.MethodNotAllowed, As: Caller.Anonymous),
        ["openapi_document_put"] = new(s => Json(HttpMethod.Put, "/openapi/v1.json", "{}"), HttpStatusCode.MethodNotAllowed),
        ["openapi_document_delete"] = new(s => new HttpRequestMessage(HttpMethod.Delete, "/openapi/v1.json"), HttpStatusCode.MethodNotAllowed),
        ["limit_negative"] = new(s => Get("/api/v1/articles?limit=-1"), HttpStatusCode.BadRequest, ["limit"], Caller.Anonymous),
        ["limit_not_a_number"] = new(s => Get("/api/v1/articles?limit=abc"), HttpStatusCode.BadRequest, ["limit"], Caller.Anonymous),
        ["limit_over_max"] = new(s => Get("/api/v1/articles?limit=1000"), HttpStatusCode.BadRequest, ["limit"], Caller.Anonymous),
        ["limit_overflow"] = new(s => Get("/api/v1/tags?limit=99999999999"), HttpStatusCode.BadRequest, ["limit"], Caller.Anonymous),
        ["page_zero"] = new(s => Get("/api/v1/articles?page=0"), HttpStatusCode.BadRequest, ["page"], Caller.Anonymous),
        ["cursor_garbage"] = new(s => Get("/api/v1/articles?cursor=garbage"), HttpStatusCode.BadRequest, ["cursor"], Caller.Anonymous),
        // Well-formed, but no row could have given them (a timestamp that is not one; no sort value).
        ["cursor_tampered_timestamp"] = new(s => Get("/api/v1/articles?cursor=WyItcHVibGlzaGVkQXQiLCJ4IiwiMSJd"), HttpStatusCode.BadRequest, ["cursor"], Caller.Anonymous),
        ["cursor_tampered_null_value"] = new(s => Get("/api/v1/articles?cursor=WyItcHVibGlzaGVkQXQiLG51bGwsIjE0NyJd"), HttpStatusCode.BadRequest, ["cursor"], Caller.Anonymous),
        ["cursor_tampered_null_name"] = new(s => Get("/api/v1/tags?sort=name&cursor=WyJuYW1lIixudWxsLCIzIl0"), HttpStatusCode.BadRequest, ["cursor"], Caller.Anonymous),
        ["cursor_with_page"] = new(s => Get("/api/v1/tags?page=1&cursor=abc"), HttpStatusCode.BadRequest, ["cursor"], Caller.Anonymous),
        ["unknown_query_parameter"] = new(s => Get("/api/v1/articles?isAdmin=true"), HttpStatusCode.BadRequest, ["isAdmin"], Caller.Anonymous),
        ["unknown_query_parameter_on_write"] = new(s => Json(HttpMethod.Post, "/api/v1/tags?debug=1", """{"name":"n"}"""), HttpStatusCode.BadRequest, ["debug"]),
        ["sort_password"] = new(s => Get("/api/v1/articles?sort=password"), HttpStatusCode.BadRequest, ["sort"], Caller.Anonymous),
        ["sort_private_email"] = new(s => Get("/api/v1/authors?sort=email"), HttpStatusCode.BadRequest, ["sort"], Caller.Anonymous),
        ["sort_private_email_descending_with_key"] = new(s => Get("/api/v1/authors?sort=-email"), HttpStatusCode.BadRequest, ["sort"], Caller.Reader),
        ["sort_with_sql"] = new(s => Get("/api/v1/articles?sort=title;DROP%20TABLE%20articles"), HttpStatusCode.BadRequest, ["sort"], Caller.Anonymous),
        ["fields_unknown"] = new(s => Get("/api/v1/articles?fields=id,password"), HttpStatusCode.BadRequest, ["fields"], Caller.Anonymous),
        ["include_unknown"] = new(s => Get("/api/v1/articles?include=apiKeys"), HttpStatusCode.BadRequest, ["include"], Caller.Anonymous),
        ["date_filter_month_first"] = new(s => Get("/api/v1/articles?publishedAfter=01/02/2025"), HttpStatusCode.BadRequest, ["publishedAfter"], Caller.Anonymous),
        ["date_filter_with_a_time_but_no_seconds"] = new(s => Get("/api/v1/articles?publishedBefore=2025-01-02T08:00"), HttpStatusCode.BadRequest, ["publishedBefore"], Caller.Anonymous),
        ["date_filter_garbage"] = new(s => Get("/api/v1/articles?publishedAfter=yesterday"), HttpStatusCode.BadRequest, ["publishedAfter"], Caller.Anonymous),
        ["status_filter_anonymous"] = new(s => Get("/api/v1/articles?status=draft"), HttpStatusCode.Unauthorized, As: Caller.Anonymous),
        ["status_filter_unknown"] = new(s => Get("/api/v1/articles?status=live"), HttpStatusCode.BadRequest, ["status"], Caller.Anonymous),
        ["language_filter_with_sql"] = new(s => Get("/api/v1/articles?language=" + Uri.EscapeDataString("en' OR '1'='1")), HttpStatusCode.BadRequest, ["language"], Caller.Anonymous),

        // SQL-looking values are just values: no match, never SQL.
        ["sql_in_author_filter"] = new(s => Get("/api/v1/articles?author=" + Uri.EscapeDataString("1' OR '1'='1")), HttpStatusCode.OK, As: Caller.Anonymous, EmptyList: true),
        ["sql_in_tag_filter"] = new(s => Get("/api/v1/articles?tag=" + Uri.EscapeDataString("x'); DROP TABLE articles;--")), HttpStatusCode.OK, As: Caller.Anonymous, EmptyList: true),
        ["sql_in_slug_list_filter"] = new(s => Get("/api/v1/tags?slug=" + Uri.EscapeDataString("' OR 1=1 --")), HttpStatusCode.OK, As: Caller.Anonymous, EmptyList: true),
        ["sql_in_slug_lookup"] = new(s => Get("/api/v1/articles/slug/" + Uri.EscapeDataString("' OR '1'='1")), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["nul_in_filter"] = new(s => Get("/api/v1/articles?author=a%00b"), HttpStatusCode.OK, As: Caller.Anonymous, EmptyList: true),

        // Server-owned fields cannot be set.
        ["set_id_post"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("id", "1"))), HttpStatusCode.BadRequest, ["id"]),
        ["set_version_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n","version":99}"""), HttpStatusCode.BadRequest, ["version"]),
        ["set_createdAt_post"] = new(s => Json(HttpMethod.Post, "/api/v1/authors", """{"name":"n","createdAt":"2000-01-01T00:00:00Z"}"""), HttpStatusCode.BadRequest, ["createdAt"]),
        ["set_id_put"] = new(s => Json(HttpMethod.Put, s.Article, ArticleJson(s, ("id", "999"))), HttpStatusCode.BadRequest, ["id"]),
        ["set_version_patch"] = new(s => MergePatch(s.Article, """{"version":1}"""), HttpStatusCode.BadRequest, ["version"]),
        ["set_updatedAt_patch"] = new(s => MergePatch(s.Author, """{"updatedAt":"2000-01-01T00:00:00Z"}"""), HttpStatusCode.BadRequest, ["updatedAt"]),

        // Method override headers are not honoured.
        ["method_override_on_post"] = new(s => WithHeader(Json(HttpMethod.Post, s.Article, "{}"), "X-HTTP-Method-Override", "DELETE"), HttpStatusCode.MethodNotAllowed),
        ["method_override_on_get"] = new(s => WithHeader(Get(s.Article), "X-HTTP-Method-Override", "DELETE"), HttpStatusCode.OK),

        // Content types.
        ["text_plain_post"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s), "text/plain"), HttpStatusCode.UnsupportedMediaType),
        ["xml_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", "<tag><name>n</name></tag>", "application/xml"), HttpStatusCode.UnsupportedMediaType),
        ["form_post"] = new(s => new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = new FormUrlEncodedContent([new("name", "n")]) }, HttpStatusCode.UnsupportedMediaType),
        ["no_content_type_post"] = new(s => Bytes(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}"""u8.ToArray(), null), HttpStatusCode.UnsupportedMediaType),
        ["text_plain_patch"] = new(s => Json(HttpMethod.Patch, s.Article, """{"title":"t"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType),
        ["charset_unknown_post"] = new(s => WithContentType(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}"""), "application/json; charset=bogus"), HttpStatusCode.UnsupportedMediaType),
        ["charset_empty_post"] = new(s => WithContentType(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}"""), "application/json; charset="), HttpStatusCode.UnsupportedMediaType),
        ["charset_utf16_put"] = new(s => WithContentType(Json(HttpMethod.Put, $"/api/v1/tags/{s.TagId}", """{"name":"n"}"""), "application/json; charset=utf-16"), HttpStatusCode.UnsupportedMediaType),
        ["charset_latin1_patch"] = new(s => WithContentType(MergePatch(s.Article, """{"title":"t"}"""), "application/merge-patch+json; charset=iso-8859-1"), HttpStatusCode.UnsupportedMediaType),
        ["charset_on_a_read_is_no_concern"] = new(s => WithContentType(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tags/{s.TagId}") { Content = new StringContent("") }, "text/plain; charset=iso-8859-1"), HttpStatusCode.OK, As: Caller.Anonymous),
        ["gzip_content_encoding_post"] = new(s => WithContentEncoding(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}"""), "gzip"), HttpStatusCode.UnsupportedMediaType),
        ["json_patch_media_type_on_put"] = new(s => Json(HttpMethod.Put, s.Author, """{"name":"Replaced by a JSON Patch"}""", "application/json-patch+json"), HttpStatusCode.UnsupportedMediaType),
        ["problem_json_media_type_on_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"t"}""", "application/problem+json"), HttpStatusCode.UnsupportedMediaType),
        ["vnd_api_media_type_on_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"t"}""", "application/vnd.api+json"), HttpStatusCode.UnsupportedMediaType),
        // The JSON-suffix media types come to the 415 only after authentication and routing (text/plain is refused by
        // ASP.NET's own routing, before them).
        ["vnd_api_media_type_without_key"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"t"}""", "application/vnd.api+json"), HttpStatusCode.Unauthorized, As: Caller.Anonymous),
        ["vnd_api_media_type_to_no_route"] = new(s => Json(HttpMethod.Post, "/api/v1/nothing", """{"name":"t"}""", "application/vnd.api+json"), HttpStatusCode.NotFound),
        ["vnd_api_media_type_to_a_read_only_route"] = new(s => Json(HttpMethod.Post, "/api/v1/search", """{"name":"t"}""", "application/vnd.api+json"), HttpStatusCode.MethodNotAllowed),
        ["json_patch_media_type"] = new(s => Json(HttpMethod.Patch, s.Article, """[{"op":"replace","path":"/title","value":"t"}]""", "application/json-patch+json"), HttpStatusCode.UnsupportedMediaType),
        // The media type is judged before the body: whatever the body holds, another media type is a 415 (a PUT's
        // preconditions still come first, as before its body).
        ["malformed_body_in_another_media_type_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":""", "application/vnd.api+json"), HttpStatusCode.UnsupportedMediaType),
        ["invalid_body_in_another_media_type_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":""}""", "application/vnd.api+json"), HttpStatusCode.UnsupportedMediaType),
        ["merge_patch_media_type_on_put_with_a_malformed_body"] = new(s => Json(HttpMethod.Put, s.Author, "{", "application/merge-patch+json"), HttpStatusCode.UnsupportedMediaType),
        ["stale_put_in_another_media_type"] = new(s => WithHeader(Json(HttpMethod.Put, s.Author, "{", "application/merge-patch+json"), "If-Match", "\"999999-x\""), HttpStatusCode.PreconditionFailed),

        // Bodies that are not one JSON object.
        ["empty_body_post"] = new(s => Bytes(HttpMethod.Post, "/api/v1/tags", [], "application/json"), HttpStatusCode.BadRequest),
        ["null_body_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", "null"), HttpStatusCode.BadRequest),
        ["array_body_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """[{"name":"n"}]"""), HttpStatusCode.BadRequest),
        ["trailing_garbage_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n"} trailing"""), HttpStatusCode.BadRequest),
        ["two_objects_post"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"a"}{"name":"b"}"""), HttpStatusCode.BadRequest),
        ["empty_body_put"] = new(s => Bytes(HttpMethod.Put, s.Article, [], "application/json"), HttpStatusCode.BadRequest),
        ["empty_body_patch"] = new(s => Bytes(HttpMethod.Patch, s.Article, [], "application/merge-patch+json"), HttpStatusCode.BadRequest),
        ["null_merge_patch"] = new(s => MergePatch(s.Article, "null"), HttpStatusCode.BadRequest),
        ["array_merge_patch"] = new(s => MergePatch(s.Article, """[{"title":"t"}]"""), HttpStatusCode.BadRequest),
        ["string_merge_patch"] = new(s => MergePatch(s.Article, "\"title\""), HttpStatusCode.BadRequest),
        ["number_merge_patch"] = new(s => MergePatch(s.Article, "42"), HttpStatusCode.BadRequest),
        ["trailing_garbage_patch"] = new(s => MergePatch(s.Article, """{"title":"t"}}"""), HttpStatusCode.BadRequest),

        // Over field limits, or unsafe values.
        ["title_over_300"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("title", Quoted(new string('t', 301))))), HttpStatusCode.BadRequest, ["title"]),
        ["tag_name_over_100"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":{{Quoted(new string('n', 101))}}}"""), HttpStatusCode.BadRequest, ["name"]),
        ["slug_over_120"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"n","slug":{{Quoted(new string('s', 121))}}}"""), HttpStatusCode.BadRequest, ["slug"]),
        ["bio_over_5000_patch"] = new(s => MergePatch(s.Author, $$"""{"bio":{{Quoted(new string('b', 5001))}}}"""), HttpStatusCode.BadRequest, ["bio"]),
        ["url_over_2048"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("canonicalUrl", Quoted("https://example.com/" + new string('u', 3000))))), HttpStatusCode.BadRequest, ["canonicalUrl"]),
        ["too_many_authors"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "[" + string.Join(",", Enumerable.Range(1, 51)) + "]"))), HttpStatusCode.BadRequest, ["authorIds"]),
        ["javascript_url"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("canonicalUrl", "\"javascript:alert(1)\""))), HttpStatusCode.BadRequest, ["canonicalUrl"]),
        ["javascript_url_mixed_case_patch"] = new(s => MergePatch(s.Author, """{"website":"JaVaScRiPt:alert(document.cookie)"}"""), HttpStatusCode.BadRequest, ["website"]),
        ["image_reference_zero"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("body", "\"![a](image:0)\""))), HttpStatusCode.BadRequest, ["body"]),
        ["image_reference_negative"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("body", "\"![a](image:-1)\""))), HttpStatusCode.BadRequest, ["body"]),
        ["image_reference_not_a_number"] = new(s => MergePatch(s.Article, """{"body":"![a](IMAGE:abc)"}"""), HttpStatusCode.BadRequest, ["body"]),
        ["image_reference_past_int64"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("body", "\"![a](image:99999999999999999999999)\""))), HttpStatusCode.BadRequest, ["body"]),
        ["patch_unknown_member_null"] = new(s => MergePatch(s.Article, """{"zzz":null}"""), HttpStatusCode.BadRequest, ["zzz"]),
        ["patch_read_only_member_null"] = new(s => MergePatch(s.Author, """{"id":null,"version":null}"""), HttpStatusCode.BadRequest, ["id"]),
        ["patch_unknown_nested_member_null"] = new(s => MergePatch(s.Image, """{"focalPoint":{"z":null}}"""), HttpStatusCode.BadRequest, ["focalPoint.z"]),
        ["tag_name_zero_width_space"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", "{\"name\":\"\\u200b\"}"), HttpStatusCode.BadRequest, ["name"]),
        ["tag_slug_noncharacter"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", "{\"name\":\"x\",\"slug\":\"a\\ufffeb\"}"), HttpStatusCode.BadRequest, ["slug"]),
        ["author_name_joiner_and_bom"] = new(s => MergePatch(s.Author, "{\"name\":\"\\u200d\\ufeff\"}"), HttpStatusCode.BadRequest, ["name"]),
        ["title_lone_accent"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("title", "\"\\u0301\""))), HttpStatusCode.BadRequest, ["title"]),
        ["title_hangul_filler"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("title", "\"\\u3164\""))), HttpStatusCode.BadRequest, ["title"]),
        ["slug_lone_accent"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", "{\"name\":\"n\",\"slug\":\"\\u0301\"}"), HttpStatusCode.BadRequest, ["slug"]),
        ["url_with_leading_space"] = new(s => Json(HttpMethod.Post, "/api/v1/images", """{"url":" https://example.com/a.jpg","altText":"a"}"""), HttpStatusCode.BadRequest, ["url"]),
        ["url_with_single_slash"] = new(s => MergePatch(s.Author, """{"website":"https:/example.com"}"""), HttpStatusCode.BadRequest, ["website"]),
        ["data_url_image"] = new(s => Json(HttpMethod.Post, "/api/v1/images", """{"url":"data:text/html,<script>alert(1)</script>","altText":"a"}"""), HttpStatusCode.BadRequest, ["url"]),
        ["url_with_header_injection"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("canonicalUrl", "\"https://example.com/\\r\\nSet-Cookie: a=b\""))), HttpStatusCode.BadRequest, ["canonicalUrl"]),
        ["script_tag_slug"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("slug", "\"<script>alert(1)</script>\""))), HttpStatusCode.BadRequest, ["slug"]),
        ["script_tag_slug_patch"] = new(s => MergePatch(s.Article, """{"slug":"a<img src=x onerror=alert(1)>"}"""), HttpStatusCode.BadRequest, ["slug"]),
        ["script_tag_slug_lookup"] = new(s => Get("/api/v1/tags/slug/" + Uri.EscapeDataString("<script>alert(1)</script>")), HttpStatusCode.NotFound, As: Caller.Anonymous),
        ["script_tag_language"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("language", "\"<script>\""))), HttpStatusCode.BadRequest, ["language"]),

        // Keys, preconditions and references.
        ["write_without_key"] = new(s => Json(HttpMethod.Post, "/api/v1/tags", """{"name":"n"}"""), HttpStatusCode.Unauthorized, As: Caller.Anonymous),
        ["write_with_read_key"] = new(s => new HttpRequestMessage(HttpMethod.Delete, s.Article), HttpStatusCode.Forbidden, As: Caller.Reader),
        ["if_match_star_in_a_list"] = new(s => WithHeader(MergePatch(s.Article, """{"title":"t"}"""), "If-Match", "*, \"999-x\""), HttpStatusCode.BadRequest),
        ["if_match_unquoted"] = new(s => WithHeader(MergePatch(s.Article, """{"title":"t"}"""), "If-Match", "1"), HttpStatusCode.BadRequest),
        // An entity tag is not a quoted-string: no escaped quote, no control character (RFC 9110 §8.8.3).
        ["if_none_match_escaped_quote"] = new(s => WithHeader(MergePatch(s.Article, """{"title":"t"}"""), "If-None-Match", "\"a\\\"b\""), HttpStatusCode.BadRequest),
        ["if_none_match_delete_character"] = new(s => WithHeader(MergePatch(s.Article, """{"title":"t"}"""), "If-None-Match", "\"\u007f\""), HttpStatusCode.BadRequest),
        ["if_match_escaped_quote"] = new(s => WithHeader(MergePatch(s.Article, """{"title":"t"}"""), "If-Match", "\"1-a\\\"b\""), HttpStatusCode.BadRequest),
        ["if_match_stale_delete"] = new(s => WithHeader(new HttpRequestMessage(HttpMethod.Delete, s.Article), "If-Match", "\"999-x\""), HttpStatusCode.PreconditionFailed),
        ["missing_references"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "[999999]"))), HttpStatusCode.BadRequest, ["authorIds[0]"]),
        ["negative_reference"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("authorIds", "[-1]"))), HttpStatusCode.BadRequest, ["authorIds[0]"]),
        ["draft_with_published_at"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"draft\""), ("publishedAt", "\"2024-01-01T00:00:00Z\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
        ["published_at_year_1"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"published\""), ("publishedAt", "\"0001-01-01T00:00:00Z\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
        ["published_at_date_only"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"published\""), ("publishedAt", "\"2024-01-01\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
        ["published_at_without_offset"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"published\""), ("publishedAt", "\"2024-01-01T08:00:00\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
        ["published_at_february_30"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"published\""), ("publishedAt", "\"2020-02-30T00:00:00Z\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
        ["published_at_not_a_date"] = new(s => Json(HttpMethod.Post, "/api/v1/articles", ArticleJson(s, ("status", "\"published\""), ("publishedAt", "\"tomorrow\""))), HttpStatusCode.BadRequest, ["publishedAt"]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_request_is_answered_cleanly_and_changes_nothing(string name)
    {
        var @case = Cases[name];
        var seed = await factory.SeedAsync();
        var before = DatabaseSnapshot.Take(factory);
        using var client = @case.As switch
        {
            Caller.Writer => factory.Writer(),
            Caller.Reader => factory.Reader(),
            _ => factory.Anonymous(),
        };

        using var request = @case.Request(seed);
        var response = await client.SendAsync(request);

        if ((int)@case.Status < 300)
        {
            var body = await response.AssertJsonAsync(@case.Status);
            if (@case.EmptyList)
            {
                Assert.Empty(body["items"]!.AsArray());
            }
        }
        else
        {
            var problem = await response.AssertProblemAsync(@case.Status);
            var text = problem.ToJsonString();
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Sqlite", text, StringComparison.OrdinalIgnoreCase);
            foreach (var field in @case.Errors ?? [])
            {
                Assert.True(problem["errors"] is JsonObject errors && errors.ContainsKey(field), $"errors should name '{field}': {text}");
            }
            if (@case.Status == HttpStatusCode.MethodNotAllowed)
            {
                Assert.Contains("GET", response.Content.Headers.Allow); // RFC 9110 §15.5.6: a 405 names what is allowed
            }
        }
        Assert.Equal(before, DatabaseSnapshot.Take(factory));
    }

    [Fact]
    public async Task Bom_prefixed_json_is_read_as_json_by_post_put_and_patch()
    {
        var writer = factory.Writer();
        var name = $"Bom {Guid.NewGuid():N}";
        var created = await (await writer.SendAsync(Bytes(HttpMethod.Post, "/api/v1/tags", WithBom($$"""{"name":"{{name}}"}"""), "application/json")))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(name, created["name"]!.GetValue<string>());
        var url = $"/api/v1/tags/{created["id"]}";
        var replaced = await (await writer.SendAsync(Bytes(HttpMethod.Put, url, WithBom($$"""{"name":"{{name}} 2"}"""), "application/json"))).AssertJsonAsync();
        Assert.Equal($"{name} 2", replaced["name"]!.GetValue<string>());
        var patched = await (await writer.SendAsync(Bytes(HttpMethod.Patch, url, WithBom("""{"description":"d"}"""), "application/merge-patch+json"))).AssertJsonAsync();
        Assert.Equal("d", patched["description"]!.GetValue<string>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());

        static byte[] WithBom(string json) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];
    }

    [Fact]
    public async Task An_empty_body_is_refused_in_the_same_words_by_post_put_and_patch()
    {
        var writer = factory.Writer();
        var tag = $"/api/v1/tags/{(await factory.SeedAsync()).TagId}";
        var requests = new[]
        {
            Bytes(HttpMethod.Post, "/api/v1/tags", [], "application/json"),
            Bytes(HttpMethod.Put, tag, [], "application/json"),
            Bytes(HttpMethod.Patch, tag, [], "application/merge-patch+json"),
            Bytes(HttpMethod.Patch, tag, [], "application/json"),
            // Sent without a length, or as white space only, the body is as empty: it was "not valid JSON (line 1, byte 1)".
            Chunked(HttpMethod.Post, "/api/v1/tags", "", "application/json"),
            Chunked(HttpMethod.Put, tag, "", "application/json"),
            Chunked(HttpMethod.Patch, tag, "", "application/merge-patch+json"),
            Bytes(HttpMethod.Post, "/api/v1/tags", " \r\n\t"u8.ToArray(), "application/json"),
            Bytes(HttpMethod.Patch, tag, " \n"u8.ToArray(), "application/merge-patch+json"),
        };
        foreach (var request in requests)
        {
            var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("A JSON request body is required.", problem["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public void There_are_at_least_fifty_hostile_cases() => Assert.True(Cases.Count >= 50, $"{Cases.Count} cases");

    private static string ArticleJson(Seed seed, params (string Name, string? Raw)[] overrides)
    {
        var fields = new List<(string Name, string Raw)>
        {
            ("title", "\"Hostile\""), ("body", "\"b\""), ("language", "\"en\""), ("authorIds", $"[{seed.AuthorId}]"),
        };
        foreach (var (fieldName, raw) in overrides)
        {
            fields.RemoveAll(f => f.Name == fieldName);
            if (raw is not null)
            {
                fields.Add((fieldName, raw));
            }
        }
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Raw}")) + "}";
    }

    private static string Quoted(string text) => "\"" + text + "\"";

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, string json, string mediaType = "application/json") =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    private static HttpRequestMessage MergePatch(string url, string json) => Json(HttpMethod.Patch, url, json, "application/merge-patch+json");

    private static HttpRequestMessage Bytes(HttpMethod method, string url, byte[] body, string? mediaType)
    {
        var content = new ByteArrayContent(body);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }
        return new HttpRequestMessage(method, url) { Content = content };
    }

    private static HttpRequestMessage Chunked(HttpMethod method, string url, string json, string mediaType)
    {
        var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpRequestMessage(method, url) { Content = content };
    }

    private static HttpRequestMessage WithContentType(HttpRequestMessage request, string contentType)
    {
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    private static HttpRequestMessage WithContentEncoding(HttpRequestMessage request, string encoding)
    {
        request.Content!.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        return request;
    }

    /// <summary>Kestrel refused more than 100 header lines itself, with an empty 431.</summary>
    private static HttpRequestMessage ManyHeaders(HttpRequestMessage request, int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Line-{i}", "x");
        }
        return request;
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>A body whose length is not known up front, so it travels without Content-Length (chunked).</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
