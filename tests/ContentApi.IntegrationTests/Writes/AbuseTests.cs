using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Abuse: rate limits and failed-key throttling answer 429 problems that say when to come back, a bad
/// key teaches a prober nothing, every response carries the security headers, and Swagger UI can be off.
/// With TestServer the client address is unknown, so all anonymous callers share one bucket: fine here.
/// </summary>
public sealed class AbuseTests(
    ApiFactory factory,
    AbuseTests.RateLimitedFactory rateLimited,
    AbuseTests.FailedKeyFactory failedKeys,
    AbuseTests.NoSwaggerUiFactory noSwaggerUi)
    : IClassFixture<ApiFactory>, IClassFixture<AbuseTests.RateLimitedFactory>, IClassFixture<AbuseTests.FailedKeyFactory>, IClassFixture<AbuseTests.NoSwaggerUiFactory>
{
    // Buckets that refill slowly (one token a second), so a quick burst of requests always runs dry.
    public sealed class RateLimitedFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = "5",
            ["RateLimiting:AnonymousPerSecond"] = "1",
            ["RateLimiting:KeyBurst"] = "5",
            ["RateLimiting:KeyPerSecond"] = "1",
            ["RateLimiting:FailedKeyAttemptsPerMinute"] = "1000",
        };
    }

    public sealed class FailedKeyFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:FailedKeyAttemptsPerMinute"] = "3",
        };
    }

    public sealed class NoSwaggerUiFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Swagger:UiEnabled"] = "false" };
    }

    /// <summary>Requests beyond any bucket this small: far more than it holds, however slow the machine.</summary>
    private const int Flood = 100;

    [Fact]
    public async Task Anonymous_requests_beyond_the_bucket_get_429_problem_with_retry_after_and_ratelimit()
    {
        using var client = rateLimited.Anonymous();
        var limited = await FloodUntil429Async(() => client.GetAsync("/api/v1/tags"));
        await AssertTooManyRequestsAsync(limited, "limit=1, remaining=0, reset=", "1;w=1;burst=5");
        AssertSecurityHeaders(limited);
    }

    [Fact]
    public async Task Key_holders_beyond_their_bucket_get_429_and_retried_creates_stay_one_row()
    {
        using var writer = rateLimited.Writer();
        var key = Guid.NewGuid().ToString("N");
        var name = $"Retried {key}";
        var limited = await FloodUntil429Async(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name }) };
            request.Headers.Add("Idempotency-Key", key);
            return writer.SendAsync(request);
        });
        await AssertTooManyRequestsAsync(limited, "limit=1, remaining=0, reset=", "1;w=1;burst=5");
        using var db = rateLimited.OpenDatabase();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM tags WHERE name = $name";
        count.Parameters.AddWithValue("$name", name);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Repeated_bad_keys_are_throttled_to_429_while_valid_keys_keep_working()
    {
        using var prober = failedKeys.Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var attempt = 0; attempt < 10 && throttled is null; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyHasher.NewKey());
            var response = await prober.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled = response;
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        await AssertTooManyRequestsAsync(throttled!, "limit=3, remaining=0, reset=", "3;w=60");
        Assert.True(throttled!.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        await (await failedKeys.Writer().GetAsync("/api/v1/tags")).AssertJsonAsync();
    }

    [Fact]
    public async Task Missing_malformed_unknown_and_revoked_keys_get_the_same_401()
    {
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var revokedName = $"revoked-{Guid.NewGuid():N}";
        var revoked = await store.CreateAsync(revokedName, ApiKeyScope.Write, CancellationToken.None);
        Assert.Single(await store.RevokeAsync(revokedName, null, CancellationToken.None));

        var answers = new Dictionary<string, (HttpStatusCode Status, string Body, string Challenge)>();
        foreach (var (name, authorization) in new (string, string?)[]
        {
            ("missing", null),
            ("malformed: not a key", "Bearer not-a-key"),
            ("malformed: other scheme", "Basic dXNlcjpwYXNzd29yZA=="),
            ("malformed: no scheme", ApiKeyHasher.NewKey()),
            ("malformed: too long", "Bearer " + ApiKeyHasher.KeyPrefix + new string('a', 300)),
            ("unknown", "Bearer " + ApiKeyHasher.NewKey()),
            ("revoked", "Bearer " + revoked),
        })
        {
            using var client = factory.Anonymous();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name = "Probe" }) };
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            var response = await client.SendAsync(request);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            problem.Remove("traceId");
            answers[name] = (response.StatusCode, problem.ToJsonString(), string.Join(", ", response.Headers.WwwAuthenticate));
        }

        Assert.Single(answers.Values.Select(a => (a.Status, a.Body)).Distinct());
        // Every key that was sent fails identically, so probing cannot tell a revoked key from one that never existed.
        var bearerKeys = answers.Where(a => a.Key is not ("missing" or "malformed: other scheme" or "malformed: no scheme"));
        Assert.Single(bearerKeys.Select(a => a.Value.Challenge).Distinct());
        Assert.Equal("Bearer error=\"invalid_token\"", answers["unknown"].Challenge);
        // RFC 6750 §3.1: a request with no bearer credentials (none, or another scheme's) gets the bare challenge,
        // without an error code: there is no token to call invalid.
        Assert.Equal("Bearer", answers["missing"].Challenge);
        Assert.Equal("Bearer", answers["malformed: other scheme"].Challenge);
        Assert.Equal("Bearer", answers["malformed: no scheme"].Challenge);
        Assert.Equal(0, await CountTagsNamedAsync("Probe"));
    }

    [Fact]
    public async Task A_valid_key_without_the_scope_gets_403_with_the_insufficient_scope_challenge()
    {
        var response = await factory.Reader().PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "Scope probe" }));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        // RFC 6750 §3.1: the client learns its key is good but too narrow, not that it should ask for a new one.
        // RFC 6750 §3: and names the scope the request needs.
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"write\"", string.Join(", ", response.Headers.WwwAuthenticate));
        Assert.Equal(0, await CountTagsNamedAsync("Scope probe"));
    }

    [Fact]
    public async Task Security_headers_are_on_success_and_error_responses()
    {
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        var created = await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = $"Headers {Guid.NewGuid():N}" }));
        var tagUrl = created.Headers.Location!.OriginalString;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, tagUrl);
        conditional.Headers.IfNoneMatch.Add(created.Headers.ETag!);
        using var oversizeHeader = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
        oversizeHeader.Headers.TryAddWithoutValidation("X-Padding", new string('h', 20 * 1024));

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["201"] = created,
            ["200 list"] = await anonymous.GetAsync("/api/v1/tags"),
            ["200 item"] = await anonymous.GetAsync(tagUrl),
            ["304"] = await anonymous.SendAsync(conditional),
            ["400 invalid json"] = await writer.PostAsync("/api/v1/tags", HttpAssertions.RawJson("{")),
            ["400 validation"] = await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "" })),
            ["401"] = await anonymous.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "x" })),
            ["403"] = await factory.Reader().DeleteAsync(tagUrl),
            ["404 resource"] = await anonymous.GetAsync("/api/v1/tags/999999"),
            ["404 no route"] = await anonymous.GetAsync("/nothing/here"),
            ["405"] = await anonymous.PutAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "x" })),
            ["415"] = await writer.PostAsync("/api/v1/tags", HttpAssertions.RawJson("""{"name":"x"}""", "text/plain")),
            ["431"] = await anonymous.SendAsync(oversizeHeader),
            ["204"] = await writer.DeleteAsync(tagUrl),
            ["health"] = await anonymous.GetAsync("/health/ready"),
            ["openapi"] = await anonymous.GetAsync("/openapi/v1.json"),
        };

        foreach (var (name, response) in responses)
        {
            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, name);
            AssertSecurityHeaders(response, name);
        }
    }

    [Fact]
    public async Task Swagger_ui_off_is_a_404_problem_while_the_openapi_document_is_still_served()
    {
        using var client = noSwaggerUi.Anonymous();
        await (await client.GetAsync("/swagger")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/swagger/index.html")).AssertProblemAsync(HttpStatusCode.NotFound);
        var document = await client.GetAsync("/openapi/v1.json");
        var openApi = await document.AssertJsonAsync();
        Assert.StartsWith("3.", openApi["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertSecurityHeaders(document);
    }

    /// <summary>The 301 from /swagger to its page is cached as the API's other redirects are: public, but asked again each time.</summary>
    [Fact]
    public async Task The_swagger_redirect_carries_the_cache_policy_of_the_other_redirects()
    {
        var response = await factory.Anonymous().GetAsync("/swagger");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Swagger_ui_on_gets_a_policy_that_lets_its_own_scripts_run_and_nothing_else()
    {
        var page = await factory.Anonymous().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join("; ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        // Its scripts are files it serves: an inline script (one an injected string would make) is no script of its own.
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(directive => directive.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(page.Headers.Contains("x-swagger-ui-version"), "no header names the Swagger UI build, as none names the server's");
    }

    private static async Task<HttpResponseMessage> FloodUntil429Async(Func<Task<HttpResponseMessage>> send)
    {
        var first = await send();
        Assert.True(first.IsSuccessStatusCode, $"the first request should pass, got {(int)first.StatusCode}");
        for (var i = 1; i < Flood; i++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            Assert.True(response.IsSuccessStatusCode, $"request {i}: {(int)response.StatusCode}");
        }
        Assert.Fail($"{Flood} requests never hit the limit");
        return first;
    }

    /// <summary>A 429 problem with Retry-After, and the quota it ran out of in RateLimit and RateLimit-Policy.</summary>
    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, string rateLimitStart, string policy)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, "429 must carry Retry-After in seconds");
        Assert.True(response.Headers.TryGetValues("RateLimit", out var rateLimit), "429 must carry a RateLimit header");
        Assert.Equal(rateLimitStart + (int)retryAfter!.Value.TotalSeconds, rateLimit.Single());
        Assert.True(response.Headers.TryGetValues("RateLimit-Policy", out var rateLimitPolicy), "429 must carry a RateLimit-Policy header");
        Assert.Equal(policy, rateLimitPolicy.Single());
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string? name = null)
    {
        var what = name ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp.Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{what}: Referrer-Policy");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frames) && frames.Single() == "DENY", $"{what}: X-Frame-Options");
    }

    private async Task<long> CountTagsNamedAsync(string name)
    {
        using var db = factory.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM tags WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
