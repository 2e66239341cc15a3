using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An <c>Authorization</c> header with nothing in it sends no key: a fetch wrapper that sets <c>Authorization: ''</c>
/// while nobody is signed in got 401 on every anonymous read. It is read as no header, as an empty <c>If-Match</c> or
/// <c>Idempotency-Key</c> is.
/// </summary>
public sealed class EmptyAuthorizationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string authorization, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await factory.Anonymous().SendAsync(request);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_header_reads_as_an_anonymous_caller(string authorization)
    {
        var response = await SendAsync(HttpMethod.Get, "/api/v1/tags", authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_header_on_a_write_is_asked_for_a_key_as_none_is()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/v1/tags", "", HttpAssertions.JsonBody(new { name = "空" }));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", string.Join(", ", response.Headers.WwwAuthenticate));
    }
}
