using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Behind a listed proxy, each visitor (by X-Forwarded-For) has an anonymous rate limit of its own; without a listed
/// proxy the header is ignored, since anyone can send it. Before, every visitor behind a CDN shared the proxy's one
/// bucket, and one client's cache misses got them all 429 (found by a probe through nginx's proxy_cache).
/// </summary>
public sealed class TrustedProxyTests(TrustedProxyTests.BehindProxyFactory behindProxy, TrustedProxyTests.NoProxyFactory noProxy)
    : IClassFixture<TrustedProxyTests.BehindProxyFactory>, IClassFixture<TrustedProxyTests.NoProxyFactory>
{
    private const int Burst = 20;

    /// <summary>Buckets of 20 that refill at one a second: a visitor with a bucket of its own gets at least 20 answers.</summary>
    private static Dictionary<string, string?> Limits(params (string, string?)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = $"{Burst}",
            ["RateLimiting:AnonymousPerSecond"] = "1",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    public sealed class BehindProxyFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Limits(("Proxies:Trusted:0", "10.0.0.0/8"), ("Proxies:Trusted:1", "::1"));
    }

    public sealed class NoProxyFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => Limits();
    }

    /// <summary>How many answers a visitor gets before its first 429 (at most 200 requests).</summary>
    private static async Task<int> AnswersBefore429Async(HttpClient client, string visitor)
    {
        for (var answered = 0; answered < 200; answered++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
            request.Headers.Add("X-Forwarded-For", visitor);
            if ((await client.SendAsync(request)).StatusCode == HttpStatusCode.TooManyRequests)
            {
                return answered;
            }
        }
        return 200;
    }

    [Fact]
    public async Task Behind_a_listed_proxy_each_forwarded_visitor_has_a_bucket_of_its_own()
    {
        var client = behindProxy.Anonymous();
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.7"), Burst, 199);

        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.8"), Burst, 199);
    }

    [Fact]
    public async Task Without_a_listed_proxy_X_Forwarded_For_changes_nothing()
    {
        var client = noProxy.Anonymous();
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.7"), Burst, 199);

        // The same bucket: only what refilled since (one a second) is left.
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.8"), 0, Burst - 1);
    }
}
