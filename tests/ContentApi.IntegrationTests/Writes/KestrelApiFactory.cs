using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The app on a real Kestrel port (for raw-socket clients, and what the test server does not do: cut a body short,
/// frame it wrongly, hold a body to a rate).
/// </summary>
public class KestrelApiFactory : ApiFactory
{
    public Uri Address { get; }

    public KestrelApiFactory()
    {
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        ClientOptions.BaseAddress = Address;
    }

    /// <summary>
    /// Sends a bodiless request as written (HttpClient would resolve dot segments and refuse odd header bytes), with
    /// <c>Connection: close</c>, and returns the whole response as text.
    /// </summary>
    public Task<string> SendRawAsync(string method, string target, params string[] headers) => SendRawWithBodyAsync(method, target, null, headers);

    /// <summary>As <see cref="SendRawAsync"/>, with a UTF-8 body and its Content-Length (when <paramref name="body"/> is not null).</summary>
    public async Task<string> SendRawWithBodyAsync(string method, string target, string? body, params string[] headers)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(Address.Host, Address.Port);
        var stream = client.GetStream();
        var bytes = body is null ? [] : System.Text.Encoding.UTF8.GetBytes(body);
        var length = body is null ? "" : $"Content-Length: {bytes.Length}\r\n";
        var head = $"{method} {target} HTTP/1.1\r\nHost: {Address.Authority}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}{length}Connection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(head));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
