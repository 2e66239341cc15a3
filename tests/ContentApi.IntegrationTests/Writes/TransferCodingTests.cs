using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContentApi.Auth;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Kestrel read <c>Transfer-Encoding: gzip, chunked</c> as plain chunked and <c>chunked, chunked</c> as chunked once,
/// so both were a 201 (found by a fuzzer): a compressed body would have reached the JSON reader as its compressed
/// bytes. A transfer coding the server does not apply is a 501 (RFC 9112 §6.1), chunked twice a 400, and nothing is
/// stored. Over a real socket: the test server has no transfer codings.
/// </summary>
public sealed class TransferCodingTests(LoggedKestrelFactory factory) : IClassFixture<LoggedKestrelFactory>
{
    [Theory]
    [InlineData("gzip, chunked", "501 ", "transfer_coding_not_implemented", "Transfer-Encoding 'gzip' is not supported: send the body as it is, with a Content-Length or chunked.")]
    [InlineData("deflate,chunked", "501 ", "transfer_coding_not_implemented", "Transfer-Encoding 'deflate' is not supported: send the body as it is, with a Content-Length or chunked.")]
    [InlineData("chunked, chunked", "400 ", "invalid_header", "Transfer-Encoding names chunked more than once.")]
    public async Task A_transfer_coding_other_than_chunked_once_is_refused_and_nothing_is_stored(string transferEncoding, string status, string code, string detail)
    {
        var name = $"framed-{Guid.NewGuid():N}";

        var response = await SendAsync(transferEncoding, $"{{\"name\":\"{name}\"}}");

        Assert.StartsWith($"HTTP/1.1 {status}", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.Ordinal);
        var problem = JsonNode.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!.AsObject();
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        var tags = await factory.Writer().GetStringAsync($"/api/v1/tags?slug={name}");
        Assert.Contains("\"items\":[]", tags, StringComparison.Ordinal);
    }

    /// <summary>
    /// Chunked named twice is a 400 for a header the client sent, filed under the header's name as every such 400 is
    /// (README: every 400 for what the client sent has errors); it was a problem with a detail and no errors.
    /// </summary>
    [Theory]
    [InlineData("chunked, chunked")]
    [InlineData("chunked,chunked, chunked")]
    public async Task Chunked_named_twice_is_a_400_with_errors_under_the_header(string transferEncoding)
    {
        var response = await SendAsync(transferEncoding, $"{{\"name\":\"framed-{Guid.NewGuid():N}\"}}");

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        var problem = JsonNode.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!.AsObject();
        Assert.Equal(["Transfer-Encoding"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("Transfer-Encoding names chunked more than once.", problem["errors"]!["Transfer-Encoding"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("chunked")]
    [InlineData("Chunked")]
    public async Task Chunked_alone_is_read(string transferEncoding)
    {
        var response = await SendAsync(transferEncoding, $"{{\"name\":\"framed-{Guid.NewGuid():N}\"}}");

        Assert.StartsWith("HTTP/1.1 201 ", response, StringComparison.Ordinal);
    }

    private async Task<string> SendAsync(string transferEncoding, string json)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(factory.Address.Host, factory.Address.Port);
        var stream = client.GetStream();
        var body = Encoding.UTF8.GetBytes(json);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/tags HTTP/1.1\r\nHost: {factory.Address.Authority}\r\nAuthorization: Bearer {factory.Key(ApiKeyScope.Write)}\r\n" +
            $"Content-Type: application/json\r\nTransfer-Encoding: {transferEncoding}\r\n\r\n{body.Length:x}\r\n{json}\r\n0\r\n\r\n"));
        return await RawHttp.ReadResponseAsync(stream);
    }
}
