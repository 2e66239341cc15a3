using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using ContentApi.Auth;
using ContentApi.Http.Limits;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A large body must arrive at <c>Limits:LargeBodyMinBytesPerSecond</c> once its grace period is over: at Kestrel's
/// default of 240 bytes a second, two clients trickling 600 KB in held both large-body turns for half an hour, and every
/// other large write waited and got 503 (security probe). On Kestrel, over a real socket: the test server enforces no rate.
/// The trickle asks for 100 Continue, whose arrival tells the test it holds the turn, and the next write is seen waiting
/// for it (a one-second wait stood for both before: on a busy machine the next write could take the turn first, and a
/// gate that let it past the trickle passed too).
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
            "Content-Type: application/json\r\nContent-Length: 20000\r\nExpect: 100-continue\r\n\r\n"));
        using var stopTrickle = new CancellationTokenSource(TrickleBound);
        // Kestrel sends 100 Continue when the body is first read, which the gate lets happen only once the request holds
        // the only turn: from here the next large write must wait for it.
        Assert.StartsWith("HTTP/1.1 100 ", await ReadInterimResponseAsync(stream, stopTrickle.Token), StringComparison.Ordinal);
        var trickle = TrickleAsync(stream, stopTrickle.Token);

        var sent = factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title = "After the trickle",
            body = new string('長', 2_000),
            language = "zh-Hant",
            authorIds = new[] { author },
        }, HttpAssertions.Json);
        var turns = factory.Services.GetRequiredService<LargeBodyTurns>().Turns;
        Assert.True(await SeenAsync(() => turns.Waiting == 1, unless: () => sent.IsCompleted), "the next large write did not wait for the trickle's turn");
        var next = await sent;
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

    /// <summary>Polls for a state of the server for at most as long as the trickle goes on, or until <paramref name="unless"/> rules it out.</summary>
    private static async Task<bool> SeenAsync(Func<bool> state, Func<bool> unless)
    {
        for (var polls = 0; polls < TrickleBound.TotalMilliseconds / 10; polls++)
        {
            if (state())
            {
                return true;
            }
            if (unless())
            {
                return false;
            }
            await Task.Delay(10);
        }
        return false;
    }

    /// <summary>The interim response, read to its end (the blank line) byte by byte, so that nothing of the final one is taken with it.</summary>
    private static async Task<string> ReadInterimResponseAsync(NetworkStream stream, CancellationToken stop)
    {
        var head = new StringBuilder();
        var octet = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(octet, stop) == 1)
        {
            head.Append((char)octet[0]);
        }
        return head.ToString();
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream, CancellationToken stop)
    {
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, stop);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }
}
