using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A client that closes its connection partway through a write's body has gone, as one that cancels has: the request
/// is logged and counted as 499, nothing is stored, and nothing is logged as an error. Before, whether the server
/// had noticed the connection end by the time the exception handler looked decided it: about half such requests were
/// a 400, with an "unhandled exception" and a failed attempt to write the problem to the closed connection logged as
/// errors. On Kestrel, over a real socket: the test server cannot cut a body short.
/// </summary>
public sealed class CutShortBodyTests(LoggedKestrelFactory factory) : IClassFixture<LoggedKestrelFactory>
{
    /// <summary>Enough cut-short requests that the race the fix closes shows up in any run (it went either way about half the time).</summary>
    private const int Attempts = 12;

    [Theory]
    [InlineData("POST", true, false)]
    [InlineData("POST", false, false)]
    [InlineData("PUT", false, false)]
    [InlineData("PATCH", false, false)]
    [InlineData("POST", true, true)]
    [InlineData("PATCH", false, true)]
    public async Task A_client_that_closes_its_connection_partway_through_the_body_is_recorded_as_gone(string method, bool withIdempotencyKey, bool reset)
    {
        var writer = factory.Writer();
        // No create before a cut-short POST: its log line could come after the snapshot below, and be taken for theirs.
        var tag = method == "POST" ? 0 : await new TestContent(writer).TagAsync();
        var path = method == "POST" ? "/api/v1/tags" : $"/api/v1/tags/{tag}";
        var tagsBefore = await CountAsync("SELECT COUNT(*) FROM tags");
        var versionsBefore = await CountAsync("SELECT COALESCE(SUM(version), 0) FROM tags");
        var keys = new List<string>();
        var goneBefore = await ClientGoneCountAsync(method);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var key = $"cut-{Guid.NewGuid():N}";
            keys.Add(key);
            var logged = factory.Logs.Count;
            await SendCutShortAsync(method, path, withIdempotencyKey ? key : null, reset);
            var line = await RequestLineAsync(method, logged);
            Assert.Contains("responded 499", line, StringComparison.Ordinal);
            Assert.DoesNotContain(factory.Logs.Skip(logged), entry => entry.Level >= LogLevel.Error);
        }

        Assert.Equal(tagsBefore, await CountAsync("SELECT COUNT(*) FROM tags"));
        Assert.Equal(versionsBefore, await CountAsync("SELECT COALESCE(SUM(version), 0) FROM tags"));
        using (var connection = factory.OpenDatabase())
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE key IN @keys", new { keys }));
        }
        // The metrics are the process's, shared with other test classes: only a count that grew by every attempt says something.
        Assert.True(await ClientGoneCountAsync(method) - goneBefore >= Attempts);
        if (withIdempotencyKey)
        {
            // The key was never taken: a retry with it creates the tag.
            using var retry = new HttpRequestMessage(HttpMethod.Post, path) { Content = HttpAssertions.JsonBody(new { name = $"Retried {keys[0]}" }) };
            retry.Headers.Add("Idempotency-Key", keys[0]);
            var logged = factory.Logs.Count;
            Assert.Equal(HttpStatusCode.Created, (await writer.SendAsync(retry)).StatusCode);
            await RequestLineAsync(method, logged); // so that it is not taken for another test's
        }
    }

    /// <summary>Headers announcing 100 bytes of body, 5 of them, then the socket closed (or reset).</summary>
    private async Task SendCutShortAsync(string method, string path, string? idempotencyKey, bool reset)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {factory.Key(ApiKeyScope.Write)}\r\n")
            .Append("Content-Type: application/json\r\nContent-Length: 100\r\n");
        if (idempotencyKey is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Idempotency-Key: {idempotencyKey}\r\n");
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync("{\"nam"u8.ToArray());
        await stream.FlushAsync();
        if (reset)
        {
            client.LingerState = new LingerOption(true, 0);
        }
        client.Close();
    }

    /// <summary>The request log line of the cut-short request, once the server has finished with it.</summary>
    private async Task<string> RequestLineAsync(string method, int loggedBefore)
    {
        for (var polls = 0; polls < 500; polls++)
        {
            if (factory.Logs.Skip(loggedBefore).FirstOrDefault(e => e.Message.StartsWith($"HTTP {method} /api/v1/tags", StringComparison.Ordinal)) is { Message: { } line })
            {
                return line;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No request line for the cut-short {method}.");
    }

    /// <summary>The 499s counted for the tag writes of this method.</summary>
    private async Task<double> ClientGoneCountAsync(string method)
    {
        var endpoint = method == "POST" ? "/api/v1/tags" : "/api/v1/tags/{id}";
        var metrics = await factory.Anonymous().GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(line => line.StartsWith("http_request_duration_seconds_count{", StringComparison.Ordinal) &&
                line.Contains("code=\"499\"", StringComparison.Ordinal) && line.Contains($"method=\"{method}\"", StringComparison.Ordinal) &&
                line.Contains($"endpoint=\"{endpoint}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<long> CountAsync(string sql)
    {
        using var connection = factory.OpenDatabase();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
