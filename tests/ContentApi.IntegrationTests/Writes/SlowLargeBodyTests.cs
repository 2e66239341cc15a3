using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using ContentApi.Auth;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A large body must arrive at <c>Limits:LargeBodyMinBytesPerSecond</c> once its grace period is over: at Kestrel's
/// default of 240 bytes a second, two clients trickling 600 KB in held both large-body turns for half an hour, and every
/// other large write waited and got 503 (security probe). On Kestrel, over a real socket: the test server enforces no rate.
/// </summary>
public sealed class SlowLargeBodyTests(SlowLargeBodyTests.OneLargeBodyFactory factory) : IClassFixture<SlowLargeBodyTests.OneLargeBodyFactory>
{
    public sealed class OneLargeBodyFactory : KestrelApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:LargeBodyBytes"] = "1000",
            ["Limits:ConcurrentLargeBodies"] = "1",
            ["Limits:LargeBodyWaitSeconds"] = "30",
            ["Limits:LargeBodyMinBytesPerSecond"] = "100000",
        };
    }

    /// <summary>Far slower than the rate asked for, far faster than Kestrel's default minimum.</summary>
    private const int TrickleBytesPerQuarterSecond = 200;

    /// <summary>How long the trickle goes on at most (the body it announces would take 25 s).</summary>
    private static readonly TimeSpan TrickleBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_trickled_large_body_is_cut_with_408_and_frees_its_turn_for_the_next_large_write()
    {
        var author = await new TestContent(factory.Writer()).AuthorAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/articles HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nAuthorization: Bearer {factory.Key(ApiKeyScope.Write)}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 20000\r\n\r\n"));
        using var stopTrickle = new CancellationTokenSource(TrickleBound);
        var trickle = TrickleAsync(stream, stopTrickle.Token);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the trickle holds the only turn

        var next = await factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title = "After the trickle",
            body = new string('長', 2_000),
            language = "zh-Hant",
            authorIds = new[] { author },
        }, HttpAssertions.Json);
        var answer = await ReadStatusLineAsync(stream, stopTrickle.Token);
        await stopTrickle.CancelAsync();
        await trickle;

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
    }

    private static async Task TrickleAsync(NetworkStream stream, CancellationToken stop)
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', TrickleBytesPerQuarterSecond));
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stop);
                await Task.Delay(TimeSpan.FromMilliseconds(250), stop);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Stopped, or the server closed the connection after its answer.
        }
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream, CancellationToken stop)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, stop);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }
}
