using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// OPTIONS asks what a resource takes (RFC 9110 §9.3.7): without a CORS preflight's Origin and
/// Access-Control-Request-Method it was a 405 whose Allow left OPTIONS out, though the same URL answered a preflight.
/// </summary>
public sealed class PlainOptionsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/v1/articles/55", null, "DELETE, GET, HEAD, OPTIONS, PATCH, PUT")]
    [InlineData("/api/v1/articles/55", "https://blog.example.org", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT")]
    [InlineData("/api/v1/articles", null, "GET, HEAD, OPTIONS, POST")]
    public async Task A_plain_OPTIONS_is_a_204_with_Allow_naming_OPTIONS_too(string url, string? origin, string allow)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, url);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    /// <summary>RFC 5789 §3.1: a resource that takes PATCH says in what, as its PATCH 415 does.</summary>
    [Fact]
    public async Task A_plain_OPTIONS_where_PATCH_is_taken_names_its_media_types()
    {
        var response = await factory.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/articles/55"));
        var collection = await factory.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/articles"));

        Assert.Equal("application/merge-patch+json, application/json", string.Join(", ", response.Headers.GetValues("Accept-Patch")));
        Assert.False(collection.Headers.Contains("Accept-Patch"));
    }

    [Fact]
    public async Task A_405_names_OPTIONS_in_Allow()
    {
        var response = await factory.Anonymous().DeleteAsync("/api/v1/articles");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS, POST", string.Join(", ", response.Content.Headers.Allow));
    }
}
