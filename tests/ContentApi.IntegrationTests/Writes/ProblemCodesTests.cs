using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using ContentApi.Http.Errors;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Every kind of problem has a code of its own: <c>type</c> names only the status, so a slug clash, a resource in use
/// and an Idempotency-Key in flight were all the same 409, and a client told a failed-key lockout from throttling, or
/// translated a message, only by matching English <c>detail</c> text.
/// </summary>
public sealed class ProblemCodesTests(
    ProblemCodesTests.SmallLimitsFactory factory,
    ProblemCodesTests.IfMatchRequiredFactory ifMatchRequired,
    ProblemCodesTests.ThrottledFactory throttled,
    ProblemCodesTests.LockoutFactory lockout)
    : IClassFixture<ProblemCodesTests.SmallLimitsFactory>, IClassFixture<ProblemCodesTests.IfMatchRequiredFactory>,
      IClassFixture<ProblemCodesTests.ThrottledFactory>, IClassFixture<ProblemCodesTests.LockoutFactory>
{
    public sealed class SmallLimitsFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:MaxBodyBytes"] = "2000",
        };
    }

    public sealed class IfMatchRequiredFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Writes:RequireIfMatch"] = "true" };
    }

    public sealed class ThrottledFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = "1",
            ["RateLimiting:AnonymousPerSecond"] = "1",
        };
    }

    public sealed class LockoutFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:FailedKeyAttemptsPerMinute"] = "1",
        };
    }

    [Theory]
    [InlineData(ProblemCodes.ValidationFailed, HttpStatusCode.BadRequest)]
    [InlineData(ProblemCodes.InvalidJson, HttpStatusCode.BadRequest)]
    [InlineData(ProblemCodes.BodyRequired, HttpStatusCode.BadRequest)]
    [InlineData(ProblemCodes.InvalidHeader, HttpStatusCode.BadRequest)]
    [InlineData(ProblemCodes.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData(ProblemCodes.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(ProblemCodes.NotFound, HttpStatusCode.NotFound)]
    [InlineData(ProblemCodes.NoSuchPath, HttpStatusCode.NotFound)]
    [InlineData(ProblemCodes.MethodNotAllowed, HttpStatusCode.MethodNotAllowed)]
    [InlineData(ProblemCodes.SlugTaken, HttpStatusCode.Conflict)]
    [InlineData(ProblemCodes.InUse, HttpStatusCode.Conflict)]
    [InlineData(ProblemCodes.IdempotencyInFlight, HttpStatusCode.Conflict)]
    [InlineData(ProblemCodes.IdempotencyResponseLost, HttpStatusCode.Conflict)]
    [InlineData(ProblemCodes.IdempotencyKeyReused, HttpStatusCode.UnprocessableEntity)]
    [InlineData(ProblemCodes.VersionMismatch, HttpStatusCode.PreconditionFailed)]
    [InlineData(ProblemCodes.WeakEtag, HttpStatusCode.PreconditionFailed)]
    [InlineData(ProblemCodes.VersionExcluded, HttpStatusCode.PreconditionFailed)]
    [InlineData(ProblemCodes.IfMatchRequired, HttpStatusCode.PreconditionRequired)]
    [InlineData(ProblemCodes.BodyTooLarge, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(ProblemCodes.UriTooLong, HttpStatusCode.RequestUriTooLong)]
    [InlineData(ProblemCodes.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType)]
    [InlineData(ProblemCodes.UnsupportedContentEncoding, HttpStatusCode.UnsupportedMediaType)]
    [InlineData(ProblemCodes.UnsupportedCharset, HttpStatusCode.UnsupportedMediaType)]
    [InlineData(ProblemCodes.HeadersTooLarge, HttpStatusCode.RequestHeaderFieldsTooLarge)]
    [InlineData(ProblemCodes.MethodNotImplemented, HttpStatusCode.NotImplemented)]
    [InlineData(ProblemCodes.RateLimited, HttpStatusCode.TooManyRequests)]
    [InlineData(ProblemCodes.KeyLockout, HttpStatusCode.TooManyRequests)]
    public async Task Each_kind_of_problem_carries_its_own_code(string code, HttpStatusCode status)
    {
        var response = await ProvokeAsync(code);

        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(code, problem["code"]?.GetValue<string>());
    }

    private async Task<HttpResponseMessage> ProvokeAsync(string code)
    {
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        var content = new TestContent(writer);
        switch (code)
        {
            case ProblemCodes.ValidationFailed:
                return await writer.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", """{"name":""}"""));
            case ProblemCodes.InvalidJson:
                return await writer.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"""));
            case ProblemCodes.BodyRequired:
                return await writer.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", ""));
            case ProblemCodes.InvalidHeader:
                return await writer.SendAsync(With(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tags/{await content.TagAsync()}"), "If-Match", "not-an-etag"));
            case ProblemCodes.Unauthorized:
                return await anonymous.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"Anonymous"}"""));
            case ProblemCodes.Forbidden:
                return await factory.Reader().SendAsync(Json(HttpMethod.Post, "/api/v1/tags", """{"name":"Read only"}"""));
            case ProblemCodes.NotFound:
                return await anonymous.GetAsync("/api/v1/articles/999999999");
            case ProblemCodes.NoSuchPath:
                return await anonymous.GetAsync("/api/v1/nothing-here");
            case ProblemCodes.MethodNotAllowed:
                return await writer.DeleteAsync("/api/v1/tags");
            case ProblemCodes.SlugTaken:
            {
                var slug = JsonNode.Parse(await writer.GetStringAsync($"/api/v1/tags/{await content.TagAsync()}"))!["slug"]!.GetValue<string>();
                return await writer.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"Other","slug":"{{slug}}"}"""));
            }
            case ProblemCodes.InUse:
            {
                var tag = await content.TagAsync();
                await content.ArticleAsync(new() { ["tagIds"] = new[] { tag } });
                return await writer.DeleteAsync($"/api/v1/tags/{tag}");
            }
            case ProblemCodes.IdempotencyInFlight or ProblemCodes.IdempotencyResponseLost:
            {
                var key = Guid.NewGuid().ToString("N");
                var body = $$"""{"name":"Keyed {{key}}"}""";
                await (await writer.SendAsync(With(Json(HttpMethod.Post, "/api/v1/tags", body), "Idempotency-Key", key))).AssertJsonAsync(HttpStatusCode.Created);
                using (var connection = factory.OpenDatabase())
                {
                    // What a crash between the create's commit and storing its response leaves, moments or a minute ago.
                    var reservedAt = code == ProblemCodes.IdempotencyInFlight ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddMinutes(-1);
                    await connection.ExecuteAsync(
                        "UPDATE idempotency_keys SET status = 0, content_type = NULL, etag = NULL, last_modified = NULL, body = x'', created_at = @At WHERE key = @Key",
                        new { Key = key, At = Data.Timestamps.ToDb(reservedAt) });
                }
                return await writer.SendAsync(With(Json(HttpMethod.Post, "/api/v1/tags", body), "Idempotency-Key", key));
            }
            case ProblemCodes.IdempotencyKeyReused:
            {
                var key = Guid.NewGuid().ToString("N");
                await writer.SendAsync(With(Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"First {{key}}"}"""), "Idempotency-Key", key));
                return await writer.SendAsync(With(Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"Second {{key}}"}"""), "Idempotency-Key", key));
            }
            case ProblemCodes.VersionMismatch:
                return await writer.SendAsync(With(Patch($"/api/v1/tags/{await content.TagAsync()}"), "If-Match", "\"99-0\""));
            case ProblemCodes.WeakEtag:
            {
                var tag = await content.TagAsync();
                var etag = (await writer.GetAsync($"/api/v1/tags/{tag}")).Headers.ETag!.Tag; // keyed: no published article carries it
                return await writer.SendAsync(With(Patch($"/api/v1/tags/{tag}"), "If-Match", "W/" + etag));
            }
            case ProblemCodes.VersionExcluded:
                return await writer.SendAsync(With(Patch($"/api/v1/tags/{await content.TagAsync()}"), "If-None-Match", "*"));
            case ProblemCodes.IfMatchRequired:
            {
                var required = ifMatchRequired.Writer();
                return await required.SendAsync(Patch($"/api/v1/tags/{await new TestContent(required).TagAsync()}"));
            }
            case ProblemCodes.BodyTooLarge:
                return await writer.SendAsync(Json(HttpMethod.Post, "/api/v1/tags", $$"""{"name":"{{new string('x', 3000)}}"}"""));
            case ProblemCodes.UriTooLong:
                return await anonymous.GetAsync("/api/v1/tags?slug=" + new string('x', 9000));
            case ProblemCodes.UnsupportedMediaType:
                return await writer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = new StringContent("name", Encoding.UTF8, "text/plain") });
            case ProblemCodes.UnsupportedContentEncoding:
            {
                var request = Json(HttpMethod.Post, "/api/v1/tags", """{"name":"Zipped"}""");
                request.Content!.Headers.ContentEncoding.Add("gzip");
                return await writer.SendAsync(request);
            }
            case ProblemCodes.UnsupportedCharset:
            {
                var request = Json(HttpMethod.Post, "/api/v1/tags", """{"name":"Latin"}""");
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1");
                return await writer.SendAsync(request);
            }
            case ProblemCodes.HeadersTooLarge:
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
                for (var i = 0; i < 120; i++)
                {
                    request.Headers.TryAddWithoutValidation($"X-Filler-{i}", "x");
                }
                return await anonymous.SendAsync(request);
            }
            case ProblemCodes.MethodNotImplemented:
                return await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod("get"), "/api/v1/tags"));
            case ProblemCodes.RateLimited:
            {
                var client = throttled.Anonymous();
                for (var attempt = 0; ; attempt++)
                {
                    var response = await client.GetAsync("/api/v1/tags");
                    if (response.StatusCode == HttpStatusCode.TooManyRequests || attempt == 50)
                    {
                        return response;
                    }
                }
            }
            case ProblemCodes.KeyLockout:
            {
                var client = lockout.Anonymous();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyHasher.NewKey());
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tags")).StatusCode);
                return await client.GetAsync("/api/v1/tags");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(code), code, "No case provokes this code.");
        }
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, string json) =>
        new(method, url) { Content = HttpAssertions.RawJson(json) };

    private static HttpRequestMessage Patch(string url) =>
        new(HttpMethod.Patch, url) { Content = new StringContent("""{"description":"Changed"}""", Encoding.UTF8, "application/merge-patch+json") };

    private static HttpRequestMessage With(HttpRequestMessage request, string header, string value)
    {
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}
