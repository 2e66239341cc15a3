using System.Net;
using System.Net.Http.Headers;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A header parameter sent with an empty value is not sent: NSwag's TypeScript clients write every header parameter
/// the call leaves unset as an empty header (<c>If-Match: </c>, <c>Idempotency-Key: </c>), and those were 400s for a
/// malformed entity tag or key, so every read, write and create such a client made failed. Over a real socket: the
/// test server's client drops an empty header value.
/// </summary>
public sealed class EmptyHeaderValuesTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private static readonly string[] UnsetHeaders = ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"];

    [Theory]
    [InlineData("GET", "/api/v1/tags/{0}", HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/tags", HttpStatusCode.OK)]
    [InlineData("PATCH", "/api/v1/tags/{0}", HttpStatusCode.OK)]
    [InlineData("PUT", "/api/v1/tags/{0}", HttpStatusCode.OK)]
    [InlineData("DELETE", "/api/v1/tags/{0}", HttpStatusCode.NoContent)]
    public async Task Empty_conditional_headers_are_no_conditions(string method, string url, HttpStatusCode status)
    {
        var tag = await new TestContent(factory.Writer()).TagAsync();
        using var request = Request(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, url, tag), UnsetHeaders);
        if (method is "PATCH" or "PUT")
        {
            request.Content = HttpAssertions.RawJson($$"""{"name":"Unset headers {{Guid.NewGuid():N}}"}""", method == "PATCH" ? "application/merge-patch+json" : "application/json");
        }

        var response = await Socket().SendAsync(request);

        Assert.True(response.StatusCode == status, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_empty_idempotency_key_is_no_key()
    {
        var name = $"Empty key {Guid.NewGuid():N}";
        var created = new List<HttpResponseMessage>();
        foreach (var suffix in new[] { "", " 2" })
        {
            using var request = Request("POST", "/api/v1/tags", ["Idempotency-Key", .. UnsetHeaders]);
            request.Content = HttpAssertions.RawJson($$"""{"name":"{{name}}{{suffix}}"}""");
            created.Add(await Socket().SendAsync(request));
        }

        foreach (var response in created)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.False(created[1].Headers.Contains("Idempotent-Replayed"));
        using var connection = factory.OpenDatabase();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    /// <summary>
    /// An empty line of a header beside one with a value (a client's unset parameter, and the value a proxy or an
    /// interceptor adds) is no line: the value holds. If-Unmodified-Since was dropped as "a list of dates", so the
    /// write went through over a change it was meant to refuse.
    /// </summary>
    [Theory]
    [InlineData("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")]
    [InlineData("If-Match", "\"999\"")]
    [InlineData("If-None-Match", "*")]
    public async Task An_empty_header_line_beside_a_value_leaves_the_value_to_decide(string header, string value)
    {
        var image = await new TestContent(factory.Writer()).ImageAsync();
        var authorization = $"Authorization: Bearer {factory.Key(ApiKeyScope.Write)}";

        foreach (var lines in new[] { new[] { $"{header}: ", $"{header}: {value}" }, [$"{header}: {value}", $"{header}: "] })
        {
            var response = await factory.SendRawAsync("DELETE", $"/api/v1/images/{image}", [authorization, .. lines]);
            Assert.True(response.StartsWith("HTTP/1.1 412 ", StringComparison.Ordinal), $"{string.Join(" / ", lines)}: {response}");
        }
    }

    [Fact]
    public async Task An_empty_idempotency_key_line_beside_a_key_leaves_the_key()
    {
        var key = Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"Keyed {{key}}"}""";
        string[] headers = [$"Authorization: Bearer {factory.Key(ApiKeyScope.Write)}", "Content-Type: application/json", "Idempotency-Key: ", $"Idempotency-Key: {key}"];

        var first = await factory.SendRawWithBodyAsync("POST", "/api/v1/tags", body, headers);
        var retry = await factory.SendRawWithBodyAsync("POST", "/api/v1/tags", body, headers);

        Assert.True(first.StartsWith("HTTP/1.1 201 ", StringComparison.Ordinal), first);
        Assert.True(retry.StartsWith("HTTP/1.1 201 ", StringComparison.Ordinal), retry);
        Assert.Contains("Idempotent-Replayed: true", retry, StringComparison.Ordinal);
    }

    private HttpClient Socket()
    {
        var client = new HttpClient { BaseAddress = factory.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.Key(ApiKeyScope.Write));
        return client;
    }

    private static HttpRequestMessage Request(string method, string url, IEnumerable<string> emptyHeaders)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        foreach (var header in emptyHeaders)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(header, ""));
        }
        return request;
    }
}
