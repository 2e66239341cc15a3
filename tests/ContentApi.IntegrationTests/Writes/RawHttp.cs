using System.Net.Sockets;
using System.Text;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>Requests written byte by byte on a socket, for framings the test server and HttpClient cannot send.</summary>
public static class RawHttp
{
    /// <summary>The response's head and its body (sent with a Content-Length, or in chunks, which are joined).</summary>
    public static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (received.ToString().EndsWith('}') || received.ToString().EndsWith("0\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }
        var text = received.ToString();
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0 || !text[..headEnd].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        var body = new StringBuilder();
        var rest = text[(headEnd + 4)..];
        while (rest.IndexOf("\r\n", StringComparison.Ordinal) is var sizeEnd and > 0 && Convert.ToInt32(rest[..sizeEnd], 16) is var size and > 0)
        {
            body.Append(rest.AsSpan(sizeEnd + 2, size));
            rest = rest[(sizeEnd + 2 + size + 2)..];
        }
        return text[..(headEnd + 4)] + body;
    }
}
