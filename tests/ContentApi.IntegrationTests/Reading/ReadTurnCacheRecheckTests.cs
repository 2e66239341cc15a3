using System.Net;
using ContentApi.Data;
using ContentApi.Http.Limits;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Anonymous readers of one page who all missed the cache (as they do after every write) and waited for a read turn
/// get the page the first of them built: before, each built it again in its turn (1,000 clients of one 1 MB page,
/// found by a review).
/// </summary>
public sealed class ReadTurnCacheRecheckTests(ReadTurnCacheRecheckTests.CountingFactory factory) : IClassFixture<ReadTurnCacheRecheckTests.CountingFactory>
{
    public sealed class CountingFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:ConcurrentReads"] = "1",
            ["Limits:ReadWaitSeconds"] = "60",
            ["Database:CountStatements"] = "true",
            // The content state is learned from this app's own writes; no periodic reread adds statements here.
            ["Database:ContentStateRecheckMilliseconds"] = "600000",
        };
    }

    [Fact]
    public async Task Readers_who_waited_for_a_turn_for_the_same_page_get_it_built_once()
    {
        await new TestContent(factory.Writer()).TagAsync();
        var anonymous = factory.Anonymous();
        var services = factory.Services;
        var counter = services.GetRequiredService<SqlStatementCounter>();
        await anonymous.GetAsync("/api/v1/tags?limit=5"); // a connection's first statements are not a page's
        var before = counter.Count;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/tags?limit=4")).StatusCode);
        var onePage = counter.Count - before;

        var turns = services.GetRequiredService<ReadTurns>();
        var release = new TaskCompletionSource();
        var holding = turns.RunAsync(new DefaultHttpContext(), services.GetRequiredService<IProblemDetailsService>(), () => release.Task);
        var readers = Enumerable.Range(0, 3).Select(_ => anonymous.GetAsync("/api/v1/tags?limit=3")).ToList();
        while (turns.Waiting < readers.Count)
        {
            await Task.Delay(10);
        }
        before = counter.Count;
        release.SetResult();
        await holding;

        foreach (var response in await Task.WhenAll(readers))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(onePage, counter.Count - before);
    }
}
