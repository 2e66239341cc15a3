using System.IO.Compression;
using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A scrape is gzipped when the scraper asks, as Prometheus does (Accept-Encoding: gzip). Before, the ~500 KB of text
/// went uncompressed: compression listed JSON, HTML, CSS and JavaScript, not the metrics' text formats.
/// </summary>
public sealed class MetricsCompressionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("text/plain;version=0.0.4", "# TYPE http_request_duration_seconds histogram")]
    [InlineData("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5", "# EOF")]
    public async Task A_scrape_asking_for_gzip_is_answered_gzipped_exposition_text(string accept, string expected)
    {
        var client = factory.Anonymous();
        await client.GetAsync("/api/v1/tags");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var text = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/api/v1/tags\"", text, StringComparison.Ordinal);
    }
}
