using System.Net;
using ContentApi.Http.Limits;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// While every read turn is taken, reads the response cache does not answer wait and, past the wait, get 503 with
/// Retry-After; cache hits, probes and writes do not wait for a turn.
/// </summary>
public sealed class ReadTurnLimitTests(ReadTurnLimitTests.OneReadAtATimeFactory factory) : IClassFixture<ReadTurnLimitTests.OneReadAtATimeFactory>
{
    public sealed class OneReadAtATimeFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:ConcurrentReads"] = "1",
            ["Limits:ReadWaitSeconds"] = "1",
        };
    }

    [Fact]
    public async Task With_the_one_turn_taken_uncached_reads_get_503_and_cached_reads_probes_and_writes_go_on()
    {
        var anonymous = factory.Anonymous();
        await new TestContent(factory.Writer()).TagAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/tags")).StatusCode); // now cached
        var services = factory.Services;
        var release = new TaskCompletionSource();
        var holding = services.GetRequiredService<ReadTurns>().RunAsync(
            new DefaultHttpContext(), services.GetRequiredService<IProblemDetailsService>(), () => release.Task);

        HttpResponseMessage uncached, keyed, cached, probe, write;
        try
        {
            uncached = await anonymous.GetAsync("/api/v1/tags?limit=7");
            keyed = await factory.Reader().GetAsync("/api/v1/tags");
            cached = await anonymous.GetAsync("/api/v1/tags");
            probe = await anonymous.GetAsync("/health/ready");
            write = await factory.Writer().PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = $"Tag {Guid.NewGuid():N}" }));
        }
        finally
        {
            release.SetResult();
            await holding;
        }

        foreach (var refused in new[] { uncached, keyed })
        {
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("busy answering other reads", problem["detail"]!.GetValue<string>());
            Assert.Equal("server_busy", problem["code"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/tags?limit=7")).StatusCode);
    }
}
