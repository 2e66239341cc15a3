using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.Auth;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A chunked body framed wrongly (a chunk size that is not hexadecimal) is a 400 for what the client sent, with errors
/// under the document's path like every such 400. The endpoints' JSON binding answered it with a bare status, which
/// the status code pages turned into a problem saying only "Bad Request." and no errors. Over a real socket: the test
/// server cannot frame a body wrongly.
/// </summary>
public sealed class MisframedBodyTests(LoggedKestrelFactory factory) : IClassFixture<LoggedKestrelFactory>
{
    [Theory]
    [InlineData("POST", false, "zz")]
    [InlineData("POST", true, "zz")]
    [InlineData("PUT", false, "zz")]
    [InlineData("PATCH", false, "zz")]
    // Sizes past what Kestrel takes (7fffffff) were answered 499, as if the client had gone (found by a fuzzer).
    [InlineData("POST", false, "80000000")]
    [InlineData("PUT", false, "ffffffff")]
    [InlineData("POST", true, "ffffffffffffffffff")]
    public async Task A_chunk_size_that_is_not_a_hexadecimal_kestrel_takes_is_a_400_with_errors_on_the_document(string method, bool withIdempotencyKey, string chunkSize)
    {
        var path = method == "POST" ? "/api/v1/tags" : $"/api/v1/tags/{await new TestSupport.TestContent(factory.Writer()).TagAsync()}";
        var logged = factory.Logs.Count;
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        var key = withIdempotencyKey ? $"Idempotency-Key: misframed-{Guid.NewGuid():N}\r\n" : "";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"{method} {path} HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nAuthorization: Bearer {factory.Key(ApiKeyScope.Write)}\r\n" +
            $"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n{key}\r\n{chunkSize}\r\n{{\"name\":\"a\"}}\r\n0\r\n\r\n"));

        var response = await RawHttp.ReadResponseAsync(stream);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        var problem = JsonNode.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!.AsObject();
        Assert.Equal("The request could not be read.", problem["detail"]!.GetValue<string>());
        Assert.Equal(["$"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain(factory.Logs.Skip(logged), entry => entry.Level >= LogLevel.Error);
    }
}
