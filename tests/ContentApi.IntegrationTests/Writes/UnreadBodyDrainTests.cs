using System.Net.Sockets;
using System.Text;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Kestrel reads on through a body the app answered without reading (a 401 to a write without a key, a 413 to a
/// Content-Length past the limit, a GET with a body), so that the connection can be used again, for up to 5 seconds.
/// With Kestrel's body limit lifted for the app's own, nothing bounded that read: an anonymous client had the server
/// take in as much as it could send in those seconds (gigabytes on a fast link), request after request. Over a real
/// socket, as the test server does not drain. The bound is in bytes, not time: the client sends until the server
/// closes, and the test fails if it never does within far more than the limit.
/// </summary>
public sealed class UnreadBodyDrainTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    /// <summary>Far past the body limit (4 MiB) with the socket buffers of both ends.</summary>
    private const long SentAtMost = 256L * 1024 * 1024;

    private const int Piece = 64 * 1024;

    [Theory]
    [InlineData("POST", "/api/v1/tags", "Transfer-Encoding: chunked", "401")]
    [InlineData("GET", "/api/v1/tags", "Transfer-Encoding: chunked", "200")]
    [InlineData("POST", "/api/v1/tags", "Content-Length: 100000000000", "413")]
    public async Task A_body_the_app_answered_without_reading_is_read_no_further_than_past_the_body_limit(string method, string path, string framing, string status)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"{method} {path} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n"));
        Assert.StartsWith($"HTTP/1.1 {status} ", await ReadHeadAsync(stream), StringComparison.Ordinal);

        var chunked = framing.StartsWith("Transfer-Encoding", StringComparison.Ordinal);
        var piece = chunked ? Encoding.ASCII.GetBytes($"{Piece:x}\r\n{new string('a', Piece)}\r\n") : new byte[Piece];
        var sent = 0L;
        var closed = false;
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a server that neither reads nor closes
        while (sent < SentAtMost)
        {
            try
            {
                await stream.WriteAsync(piece, bound.Token);
                sent += piece.Length;
            }
            catch (IOException)
            {
                closed = true;
                break;
            }
        }

        Assert.True(closed, $"The server read {sent:N0} bytes of a body it had answered without reading, and read on.");
    }

    /// <summary>Kestrel's bound sits past the app's: a chunked body the app reads past its limit is still the app's 413 problem.</summary>
    [Fact]
    public async Task A_chunked_body_past_the_limit_is_still_the_apps_413_problem()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/tags HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nAuthorization: Bearer {factory.Key(Auth.ApiKeyScope.Write)}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var body = Encoding.ASCII.GetBytes("{\"name\":\"" + new string('a', 5 * 1024 * 1024) + "\"}");
        var writing = Task.Run(async () =>
        {
            try
            {
                for (var at = 0; at < body.Length; at += Piece)
                {
                    var length = Math.Min(Piece, body.Length - at);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
                    await stream.WriteAsync(body.AsMemory(at, length));
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                // The server may close once it has answered.
            }
        });

        var response = await RawHttp.ReadResponseAsync(stream);
        await writing;

        Assert.StartsWith("HTTP/1.1 413 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.True(response.Contains("\"detail\":\"The request body is larger than the limit this server accepts.\"", StringComparison.Ordinal), response);
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return received.ToString();
    }
}
