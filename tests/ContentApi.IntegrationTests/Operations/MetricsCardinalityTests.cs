using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// The request metrics are labelled with the method as sent: every made-up method ("M1", "M2", ...) added about 21
/// series, so any caller could grow the scrape and the server's memory without bound (20,000 such requests to
/// /health/live took /metrics from 158 KB to 47 MB).
/// </summary>
public sealed class MetricsCardinalityTests
{
    [Fact]
    public async Task Made_up_methods_add_no_series_while_standard_ones_are_counted()
    {
        using var factory = new ApiFactory();
        var client = factory.Anonymous();
        var madeUp = "M" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        foreach (var path in new[] { "/health/live", "/api/v1/tags" })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(madeUp), path));
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tags")).StatusCode);

        var metrics = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(madeUp, metrics, StringComparison.Ordinal);
        Assert.Contains("method=\"GET\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scrape_is_never_stored_by_a_cache_in_front()
    {
        using var factory = new ApiFactory();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await factory.Anonymous().SendAsync(new HttpRequestMessage(method, "/metrics"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{method}: {response.Headers.CacheControl}");
        }
    }

    /// <summary>
    /// Each route's latency was 17 lines per status and method, each with a <c>controller</c> and an <c>action</c>
    /// label that minimal APIs leave empty: 901 of a scrape's ~1,100 lines after 100 requests (157 KB).
    /// </summary>
    [Fact]
    public async Task Latency_series_have_a_dozen_buckets_and_no_empty_labels()
    {
        using var factory = new ApiFactory();
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tags")).StatusCode);

        var lines = (await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync()).Split('\n');
        var tagBuckets = lines.Where(line => line.StartsWith("http_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && line.Contains("endpoint=\"/api/v1/tags\"", StringComparison.Ordinal) && line.Contains("code=\"200\"", StringComparison.Ordinal)
            && line.Contains("method=\"GET\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, tagBuckets.Count);
        Assert.Contains(tagBuckets, line => line.Contains("le=\"+Inf\"", StringComparison.Ordinal));
        Assert.Contains(tagBuckets, line => line.Contains("le=\"2.5\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("http_request", StringComparison.Ordinal)
            && (line.Contains("controller=", StringComparison.Ordinal) || line.Contains("action=", StringComparison.Ordinal)));
    }
}
