using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Requests with large bodies are worked on a few at a time; the others wait their turn, and past the wait get a 503
/// with Retry-After. Sixteen 3 MB articles at once ran a server limited to 250 MB out of memory: 500s, some after the
/// article was stored (found by a resource probe).
/// </summary>
public sealed class LargeBodyGateTests(LargeBodyGateTests.OneAtATimeFactory factory) : IClassFixture<LargeBodyGateTests.OneAtATimeFactory>
{
    public sealed class OneAtATimeFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:LargeBodyBytes"] = "1000",
            ["Limits:ConcurrentLargeBodies"] = "1",
            ["Limits:LargeBodyWaitSeconds"] = "1",
        };
    }

    private static HttpRequestMessage Create(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = content };
    }

    /// <summary>A tag whose JSON is made large by whitespace.</summary>
    private static string LargeTag() => "{\"name\":\"Tag " + Guid.NewGuid().ToString("N") + "\"" + new string(' ', 2000) + "}";

    [Fact]
    public async Task A_large_body_waits_for_the_one_being_read_and_past_the_wait_gets_503_with_Retry_After()
    {
        var writer = factory.Writer();
        var body = System.Text.Encoding.UTF8.GetBytes(LargeTag());
        var held = new Pipe();
        var first = new StreamContent(held.Reader.AsStream());
        first.Headers.ContentLength = body.Length;
        var firstResponse = writer.SendAsync(Create(first));
        await held.Writer.WriteAsync(body.AsMemory(0, 100)); // read in part, it holds the turn once the server has it

        HttpResponseMessage second;
        var attempts = 0;
        do
        {
            second = await writer.SendAsync(Create(new StringContent(LargeTag())));
        }
        while (second.StatusCode != HttpStatusCode.ServiceUnavailable && ++attempts < 100);

        Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);
        Assert.Contains("retry", (await second.AssertProblemAsync(HttpStatusCode.ServiceUnavailable))["detail"]!.GetValue<string>());
        await held.Writer.WriteAsync(body.AsMemory(100));
        await held.Writer.CompleteAsync();
        Assert.Equal(HttpStatusCode.Created, (await firstResponse).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await writer.SendAsync(Create(new StringContent(LargeTag())))).StatusCode);
    }

    /// <summary>Starts a large body and sends its first byte only, so that it holds the one turn until the pipe is completed.</summary>
    private static async Task<(Pipe Held, Task<HttpResponseMessage> Response)> HoldTheTurnAsync(HttpClient writer)
    {
        var held = new Pipe();
        var large = new StreamContent(held.Reader.AsStream());
        large.Headers.ContentLength = 5000;
        var response = writer.SendAsync(Create(large));
        await held.Writer.WriteAsync(new byte[] { (byte)'{' });
        return (held, response);
    }

    [Fact]
    public async Task Small_bodies_and_reads_do_not_wait_for_a_large_one()
    {
        var writer = factory.Writer();
        var (held, largeResponse) = await HoldTheTurnAsync(writer);

        Assert.Equal(HttpStatusCode.Created, (await writer.SendAsync(Create(new StringContent("{\"name\":\"small\"}")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/tags")).StatusCode);

        await held.Writer.CompleteAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await largeResponse).StatusCode);
    }

    /// <summary>A body sent without a length (as .NET's JsonContent sends every body): its size shows only as it is read.</summary>
    private static async Task<StreamContent> ChunkedAsync(string json)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json));
        await pipe.Writer.CompleteAsync();
        return new StreamContent(pipe.Reader.AsStream());
    }

    [Fact]
    public async Task A_chunked_body_that_grows_large_waits_for_its_turn_while_a_small_one_does_not()
    {
        var writer = factory.Writer();
        var (held, largeResponse) = await HoldTheTurnAsync(writer);

        HttpResponseMessage chunked, small;
        try
        {
            var attempts = 0;
            do
            {
                chunked = await writer.SendAsync(Create(await ChunkedAsync(LargeTag())));
            }
            while (chunked.StatusCode != HttpStatusCode.ServiceUnavailable && ++attempts < 100);
            small = await writer.SendAsync(Create(await ChunkedAsync("{\"name\":\"small " + Guid.NewGuid().ToString("N") + "\"}")));
        }
        finally
        {
            await held.Writer.CompleteAsync(); // the held request must not keep the one turn from the other tests
        }

        Assert.Equal(TimeSpan.FromSeconds(5), chunked.Headers.RetryAfter?.Delta);
        Assert.Contains("larger than 1000 bytes", (await chunked.AssertProblemAsync(HttpStatusCode.ServiceUnavailable))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await largeResponse).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await writer.SendAsync(Create(await ChunkedAsync(LargeTag())))).StatusCode);
    }
}
