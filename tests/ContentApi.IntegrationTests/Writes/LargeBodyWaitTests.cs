using System.IO.Pipelines;
using System.Net.Http.Headers;
using ContentApi.Http.Limits;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A body sent without a length that waits for a large-body turn stops waiting when its client goes: before, the wait
/// took no notice (the JSON reader of an endpoint's body passes no token), so a gone client stayed in the queue for
/// the whole wait, holding what was read, and could take a turn ahead of a live one (found by a review). In-process the
/// test server also cancels the reader's own read, so this test holds the behaviour but would not have caught the bug:
/// on Kestrel only RequestAborted fires (a client closing mid-body while both turns were held, LargeBodyWaitSeconds 20:
/// 503 after 20,089 ms before, 499 after 544 ms now).
/// </summary>
public sealed class LargeBodyWaitTests(LargeBodyWaitTests.LongWaitFactory factory) : IClassFixture<LargeBodyWaitTests.LongWaitFactory>
{
    public sealed class LongWaitFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:LargeBodyBytes"] = "1000",
            ["Limits:ConcurrentLargeBodies"] = "1",
            ["Limits:LargeBodyWaitSeconds"] = "600",
        };
    }

    private static HttpRequestMessage CreateTag(Pipe body, long? length)
    {
        var content = new StreamContent(body.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = length;
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = content };
    }

    [Fact]
    public async Task A_chunked_body_waiting_for_a_turn_stops_waiting_when_its_client_goes()
    {
        var writer = factory.Writer();
        var turns = factory.Services.GetRequiredService<LargeBodyTurns>().Turns;
        var held = new Pipe();
        var holder = writer.SendAsync(CreateTag(held, 5000));
        await held.Writer.WriteAsync(new byte[] { (byte)'{' });
        var waiting = new Pipe();
        using var goes = new CancellationTokenSource();
        var waiter = writer.SendAsync(CreateTag(waiting, null), goes.Token);
        await waiting.Writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 3000)));
        try
        {
            await Until(() => turns.Waiting == 1);
            await goes.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);

            await Until(() => turns.Waiting == 0);
        }
        finally
        {
            await held.Writer.CompleteAsync();
            await waiting.Writer.CompleteAsync();
            (await holder).Dispose();
        }
    }

    /// <summary>Polls for a state of the server for at most 20 s (far less than the 600 s wait).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var polls = 0; !condition() && polls < 2000; polls++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
