using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>CORS: any origin may read, only configured origins may write, and the caching and paging headers are exposed.</summary>
public sealed class CorsTests(FrontendApiFactory factory) : IClassFixture<FrontendApiFactory>
{
    private const string Stranger = "https://blog.example.org";

    private static HttpRequestMessage Preflight(string url, string origin, string method, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>A browser reads why a URL with a trailing slash is a 404 only if the 404 carries the CORS headers too.</summary>
    [Fact]
    public async Task A_trailing_slash_404_carries_the_CORS_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags/");
        request.Headers.Add("Origin", Stranger);
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    /// <summary>
    /// Review: /metrics and /health answered every origin with Access-Control-Allow-Origin: *, so any page a reader on
    /// the private network opened could read the operators' metrics (per-route traffic, 401/403 counts, latencies)
    /// through that reader's browser. Scrapers and probes send no Origin and need no CORS; browsers get none here.
    /// </summary>
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    public async Task Operator_endpoints_give_other_origins_no_CORS_headers(string url)
    {
        foreach (var origin in new[] { Stranger, null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }
            var response = await factory.Anonymous().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        }
        var preflight = await factory.Anonymous().SendAsync(Preflight(url, Stranger, "GET"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/authors")]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/images")]
    [InlineData("/api/v1/search?q=cors")]
    public async Task Anonymous_GET_from_any_origin_is_allowed_and_exposes_ETag_and_Link(string url)
    {
        foreach (var origin in new[] { Stranger, "http://localhost:3000", FrontendApiFactory.EditorOrigin })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Origin", origin);
            var response = await factory.Anonymous().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
            var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
            Assert.Contains("ETag", exposed);
            Assert.Contains("Link", exposed);
            Assert.Contains("Last-Modified", exposed);
            // Never credentials with a wildcard origin.
            Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
            // The same answer for every origin: a shared cache keeps one copy, not one per origin.
            Assert.DoesNotContain("Origin", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
            Assert.Contains("Accept-Encoding", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// A browser page reads why a request was refused as too large only if the refusal carries the CORS headers; the
    /// limits answered before the CORS middleware ran, so the page saw only "Failed to fetch" (found by a browser probe).
    /// </summary>
    [Fact]
    public async Task Refusals_of_oversized_requests_carry_the_CORS_headers()
    {
        using var longUrl = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles?q=" + new string('a', 9000));
        using var largeHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles");
        largeHeaders.Headers.Add("X-Large", new string('a', 17_000));
        using var largeBody = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = new ByteArrayContent(new byte[5 * 1024 * 1024]) };
        largeBody.Content.Headers.ContentType = new("application/json");
        foreach (var (request, status, origin) in new[]
        {
            (longUrl, HttpStatusCode.RequestUriTooLong, "*"),
            (largeHeaders, HttpStatusCode.RequestHeaderFieldsTooLarge, "*"),
            (largeBody, HttpStatusCode.RequestEntityTooLarge, FrontendApiFactory.EditorOrigin),
        })
        {
            request.Headers.Add("Origin", origin == "*" ? Stranger : origin);
            var response = await factory.Writer().SendAsync(request);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var preflight = Preflight("/api/v1/articles?q=" + new string('a', 9000), Stranger, "GET", "if-none-match");
        var answer = await factory.Anonymous().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
    }

    /// <summary>The document lists WWW-Authenticate on a 401 and a 405 names the allowed methods in Allow: a page reads them only if exposed.</summary>
    [Fact]
    public async Task WWW_Authenticate_and_Allow_are_exposed()
    {
        using var unauthorized = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles");
        unauthorized.Headers.Add("Origin", Stranger);
        unauthorized.Headers.Authorization = new("Bearer", "not-a-key");
        var response = await factory.Anonymous().SendAsync(unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("WWW-Authenticate", exposed);
        Assert.Contains("Allow", exposed);
    }

    /// <summary>
    /// A 415 says how to send the body instead, in Accept-Patch (the media types of a PATCH) or Accept-Encoding (bodies
    /// are read as sent), and Date lets a page set its clock by the server's: a page reads them only if exposed.
    /// </summary>
    [Fact]
    public async Task The_headers_a_415_names_its_fix_in_and_Date_are_exposed()
    {
        var tag = await factory.Writer().PostAsync("/api/v1/tags", JsonContent.Create(new { name = $"Exposed {Guid.NewGuid():N}" }));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, tag.Headers.Location) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain") };
        patch.Headers.Add("Origin", FrontendApiFactory.EditorOrigin);
        using var encoded = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = JsonContent.Create(new { name = "Encoded" }) };
        encoded.Content.Headers.ContentEncoding.Add("gzip");
        encoded.Headers.Add("Origin", FrontendApiFactory.EditorOrigin);

        var refusedPatch = await factory.Writer().SendAsync(patch);
        var refusedEncoding = await factory.Writer().SendAsync(encoded);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refusedPatch.StatusCode);
        Assert.NotNull(Header(refusedPatch, "Accept-Patch"));
        Assert.Contains("Accept-Patch", Header(refusedPatch, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refusedEncoding.StatusCode);
        Assert.NotNull(Header(refusedEncoding, "Accept-Encoding"));
        var exposed = Header(refusedEncoding, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("Accept-Encoding", exposed);
        Assert.Contains("Date", exposed);
    }

    /// <summary>The OpenAPI document lists Idempotent-Replayed on every create's 201; a browser app reads it only if exposed.</summary>
    [Fact]
    public async Task A_replayed_create_from_the_configured_origin_exposes_Idempotent_Replayed()
    {
        var key = Guid.NewGuid().ToString("N");
        HttpResponseMessage? replay = null;
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = JsonContent.Create(new { name = $"Replayed {key}" }) };
            request.Headers.Add("Origin", FrontendApiFactory.EditorOrigin);
            request.Headers.Add("Idempotency-Key", key);
            replay = await factory.Writer().SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.Created, replay!.StatusCode);
        Assert.Equal("true", Header(replay, "Idempotent-Replayed"));
        Assert.Contains("Idempotent-Replayed", Header(replay, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// A shared cache filled by a request without Origin (a server-side render, a crawler) gave browsers a copy without
    /// the CORS headers for its lifetime (found by a CDN probe through nginx's proxy_cache).
    /// </summary>
    [Theory]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/articles/999999")]
    public async Task A_read_without_Origin_carries_the_same_CORS_headers_as_one_from_any_origin(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);

        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("ETag", exposed);
        Assert.Contains("Link", exposed);
        Assert.DoesNotContain("Origin", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
        using var own = new ReadsFromListedOrigins();
        Assert.Null(Header(await own.Anonymous().GetAsync(url), "Access-Control-Allow-Origin"));
        var write = await factory.Writer().PostAsync("/api/v1/tags", JsonContent.Create(new { name = $"No origin {Guid.NewGuid():N}" }));
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Null(Header(write, "Access-Control-Allow-Origin"));
    }

    private sealed class ReadsFromListedOrigins : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Cors:ReadsFromAnyOrigin"] = "false",
            ["Cors:WriteOrigins:0"] = FrontendApiFactory.EditorOrigin,
        };
    }

    [Fact]
    public async Task Responses_vary_by_Origin_where_the_origin_decides_the_CORS_answer()
    {
        using var own = new ReadsFromListedOrigins();
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
        read.Headers.Add("Origin", FrontendApiFactory.EditorOrigin);
        Assert.Contains("Origin", (await own.Anonymous().SendAsync(read)).Headers.Vary, StringComparer.OrdinalIgnoreCase);

        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = JsonContent.Create(new { name = $"Vary {Guid.NewGuid():N}" }) };
        write.Headers.Add("Origin", FrontendApiFactory.EditorOrigin);
        var created = await factory.Writer().SendAsync(write);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("Origin", created.Headers.Vary, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("PATCH", "authorization,content-type,if-match,idempotency-key")]
    public async Task Preflights_vary_by_origin_method_and_headers_which_decide_their_answer(string method, string? headers)
    {
        foreach (var origin in new[] { FrontendApiFactory.EditorOrigin, Stranger })
        {
            var response = await factory.Anonymous().SendAsync(Preflight("/api/v1/articles/1", origin, method, headers));
            var vary = response.Headers.Vary.Select(v => v.ToLowerInvariant()).ToList();
            Assert.Contains("origin", vary);
            Assert.Contains("access-control-request-method", vary);
            Assert.Contains("access-control-request-headers", vary);
        }
    }

    [Fact]
    public async Task Preflight_for_a_GET_with_If_None_Match_from_any_origin_is_allowed()
    {
        using var request = Preflight("/api/v1/articles/1", Stranger, "GET", "if-none-match");
        var response = await factory.Anonymous().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/articles/1")]
    [InlineData("POST", "/api/v1/articles")]
    [InlineData("PATCH", "/api/v1/tags/1")]
    [InlineData("DELETE", "/api/v1/images/1")]
    public async Task Preflight_for_a_write_from_an_unconfigured_origin_is_refused(string method, string url)
    {
        using var request = Preflight(url, Stranger, method, "authorization, content-type, if-match");
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/articles/1")]
    [InlineData("POST", "/api/v1/articles")]
    [InlineData("PATCH", "/api/v1/tags/1")]
    [InlineData("DELETE", "/api/v1/images/1")]
    public async Task Preflight_for_a_write_from_the_configured_origin_is_allowed(string method, string url)
    {
        using var request = Preflight(url, FrontendApiFactory.EditorOrigin, method, "authorization, content-type, if-match, idempotency-key");
        var response = await factory.Anonymous().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        Assert.Equal(FrontendApiFactory.EditorOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!, StringComparison.Ordinal);
        var allowedHeaders = Header(response, "Access-Control-Allow-Headers")!;
        Assert.Contains("authorization", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("if-match", allowedHeaders, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Write_from_the_configured_origin_gets_its_origin_back_and_from_others_none()
    {
        foreach (var (origin, allowed) in new[] { (FrontendApiFactory.EditorOrigin, true), (Stranger, false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = JsonContent.Create(new { name = $"CORS {Guid.NewGuid():N}" }) };
            request.Headers.Add("Origin", origin);
            var response = await factory.Writer().SendAsync(request);
            // CORS is the browser's guard, not authentication: the key decides whether the write happens.
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(allowed ? origin : null, Header(response, "Access-Control-Allow-Origin"));
            if (allowed)
            {
                Assert.Contains("Location", Header(response, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);
            }
        }
    }
}
