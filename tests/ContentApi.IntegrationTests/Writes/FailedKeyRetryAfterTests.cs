using System.Net;
using System.Net.Http.Headers;
using ContentApi.Auth;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A 429 for failed keys says how long is left of the address's minute, so a client that obeys Retry-After comes
/// back as soon as its failures are counted again, not a whole minute later. The app's clock is a fake one here,
/// so the test moves time instead of waiting.
/// </summary>
public sealed class FailedKeyRetryAfterTests(FailedKeyRetryAfterTests.FakeClockFactory factory)
    : IClassFixture<FailedKeyRetryAfterTests.FakeClockFactory>
{
    public sealed class FakeClockFactory : FakeClockApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:FailedKeyAttemptsPerMinute"] = "3",
        };
    }

    [Fact]
    public async Task Bad_key_past_the_quota_gets_retry_after_of_what_is_left_of_the_minute_then_401_again()
    {
        using var prober = factory.Anonymous();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendBadKeyAsync(prober)).StatusCode);
        }
        factory.Clock.Advance(TimeSpan.FromSeconds(24.5));

        var throttled = await SendBadKeyAsync(prober);

        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(36), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("limit=3, remaining=0, reset=36", Assert.Single(throttled.Headers.GetValues("RateLimit")));
        Assert.Equal("3;w=60", Assert.Single(throttled.Headers.GetValues("RateLimit-Policy")));
        await (await factory.Writer().GetAsync("/api/v1/tags")).AssertJsonAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(36));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendBadKeyAsync(prober)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendBadKeyAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyHasher.NewKey());
        return await client.SendAsync(request);
    }
}
