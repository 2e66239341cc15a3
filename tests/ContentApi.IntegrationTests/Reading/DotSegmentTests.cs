using System.Net.Sockets;
using System.Text;
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

    private async Task<string> GetRawAsync(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
