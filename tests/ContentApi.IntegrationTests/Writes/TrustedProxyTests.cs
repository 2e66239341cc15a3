using System.Net;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Behind a listed proxy, each visitor (by X-Forwarded-For) has an anonymous rate limit of its own; from a peer that is
/// no listed proxy, or with none listed, the header is ignored, since anyone can send it. Before, every visitor behind
/// a CDN shared the proxy's one bucket, and one client's cache misses got them all 429 (found by a probe through
/// nginx's proxy_cache).
/// </summary>
public sealed class TrustedProxyTests(
    TrustedProxyTests.FromListedProxy fromListedProxy, TrustedProxyTests.FromUnlistedPeer fromUnlistedPeer, TrustedProxyTests.NoneListed noneListed)
    : IClassFixture<TrustedProxyTests.FromListedProxy>, IClassFixture<TrustedProxyTests.FromUnlistedPeer>, IClassFixture<TrustedProxyTests.NoneListed>
{
    private const int Burst = 20;

    /// <summary>
    /// The app with buckets of 20 that refill at one a second (a visitor with a bucket of its own gets at least 20
    /// answers), reached from <paramref name="peer"/> (the test server gives no peer address of its own).
    /// </summary>
    public abstract class PeerFactory(string peer, string? trusted) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = $"{Burst}",
            ["RateLimiting:AnonymousPerSecond"] = "1",
        }.Concat(trusted is null ? [] : [KeyValuePair.Create("Proxies:Trusted:0", (string?)trusted)]).ToDictionary();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromPeer(IPAddress.Parse(peer))));
        }
    }

    public sealed class FromListedProxy() : PeerFactory("10.1.2.3", "10.0.0.0/8");

    public sealed class FromUnlistedPeer() : PeerFactory("198.51.100.77", "10.0.0.0/8");

    public sealed class NoneListed() : PeerFactory("10.1.2.3", null);

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
        var client = fromListedProxy.Anonymous();
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.7"), Burst, 199);

        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.8"), Burst, 199);
    }

    /// <summary>
    /// An IPv6 visitor is given a /64 (RFC 6177), its addresses taken at will (privacy addresses change daily, and any
    /// host can take billions more), so each address had a bucket of its own and the anonymous limit limited nothing.
    /// </summary>
    [Fact]
    public async Task Behind_a_listed_proxy_an_IPv6_visitor_has_one_bucket_for_its_64_bit_prefix()
    {
        var client = fromListedProxy.Anonymous();
        Assert.InRange(await AnswersBefore429Async(client, "2001:db8:7:1::10"), Burst, 199);

        Assert.InRange(await AnswersBefore429Async(client, "2001:db8:7:1:a8b:ffff:1:2"), 0, Burst - 1);
        Assert.InRange(await AnswersBefore429Async(client, "2001:db8:7:2::10"), Burst, 199);
        Assert.InRange(await AnswersBefore429Async(client, "::ffff:203.0.113.44"), Burst, 199);
        Assert.InRange(await AnswersBefore429Async(client, "::ffff:203.0.113.45"), Burst, 199);
    }

    [Fact]
    public async Task From_a_peer_that_is_no_listed_proxy_X_Forwarded_For_changes_nothing() =>
        await AssertOneBucketAsync(fromUnlistedPeer.Anonymous());

    [Fact]
    public async Task With_no_proxy_listed_X_Forwarded_For_changes_nothing() =>
        await AssertOneBucketAsync(noneListed.Anonymous());

    private static async Task AssertOneBucketAsync(HttpClient client)
    {
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.7"), Burst, 199);

        // The same bucket: only what refilled since (one a second) is left.
        Assert.InRange(await AnswersBefore429Async(client, "203.0.113.8"), 0, Burst - 1);
    }
}
