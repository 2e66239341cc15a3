using ContentApi.IntegrationTests.Writes;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A resource has one URL: Kestrel resolves <c>.</c> and <c>..</c> segments (escaped too) before routing, so
/// <c>/api/v1/articles/%2e%2e/authors</c> answered the author list under another URL, cacheable there (found by a
/// fuzzer). Over a real socket: HttpClient resolves them before sending.
/// </summary>
public sealed class DotSegmentTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    [Theory]
    [InlineData("/api/v1/articles/%2e%2e/authors?limit=1", "/api/v1/authors")]
    [InlineData("/api/v1/tags/%2E%2E/articles", "/api/v1/articles")]
    [InlineData("/api/v1/./tags", "/api/v1/tags")]
    [InlineData("/api/v1/tags/../authors", "/api/v1/authors")]
    public async Task A_dot_segment_is_a_404_naming_the_url_it_meant(string target, string meant)
    {
        var response = await GetRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", response, StringComparison.Ordinal);
        Assert.Contains($"no '.' or '..' segments ({meant})", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/tags?q=..")]
    [InlineData("/api/v1/tags/slug/a.b")]
    public async Task Dots_elsewhere_are_no_dot_segment(string target) =>
        Assert.DoesNotContain("segments", await GetRawAsync(target), StringComparison.Ordinal);

    private Task<string> GetRawAsync(string target) => factory.SendRawAsync("GET", target);
}
