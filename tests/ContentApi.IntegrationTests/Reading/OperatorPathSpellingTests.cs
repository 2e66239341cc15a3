using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The one-URL rule (a trailing slash is a 404) is for what caches keep, under /api and /openapi. A health probe or a
/// metrics scrape is never cached (no-store), so /health/live/ answers as /health/live does, as ASP.NET routes it, and a
/// probe configured with a slash keeps working.
/// </summary>
public sealed class OperatorPathSpellingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live/")]
    [InlineData("/health/ready/")]
    [InlineData("/metrics/")]
    public async Task An_operator_path_with_a_trailing_slash_answers_uncached(string path)
    {
        using var response = await factory.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }
}
