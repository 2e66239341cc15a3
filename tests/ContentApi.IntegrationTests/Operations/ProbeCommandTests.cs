using System.Net;
using System.Net.Sockets;
using ContentApi.Cli;
using ContentApi.IntegrationTests.Writes;
using Microsoft.Extensions.Configuration;

namespace ContentApi.IntegrationTests.Operations;

/// <summary><c>probe</c>, the container's HEALTHCHECK: exit 0 when a running server's /health/ready answers 200, else 1.</summary>
public sealed class ProbeCommandTests(LoggedKestrelFactory server) : IClassFixture<LoggedKestrelFactory>
{
    private static async Task<(int ExitCode, string Output)> ProbeAsync(params string[] args)
    {
        using var output = new StringWriter();
        return (await AdminCommands.RunAsync(["probe", .. args], output), output.ToString());
    }

    [Fact]
    public async Task A_ready_server_passes()
    {
        var (exitCode, output) = await ProbeAsync("--url", new Uri(server.Address, "/health/ready").ToString());
        Assert.Equal(0, exitCode);
        Assert.StartsWith("200 ", output, StringComparison.Ordinal);
        Assert.Contains("Healthy", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// 0 and -1 were taken as 1 second, and a ready server passed; a wait longer than HttpClient allows threw. Asked of
    /// a port the test listens on, which would see a connection had the probe asked; in a process of its own, whose
    /// stderr says why in one line.
    /// </summary>
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147484")]
    public async Task A_timeout_out_of_range_is_refused_before_asking(string seconds)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var outcome = await AppProcess.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"),
            ["probe", "--url", $"http://127.0.0.1:{port}/health/ready", "--timeout", seconds]);

        Assert.True(outcome.ExitCode == 1 && outcome.Output == "", outcome.ToString());
        Assert.True(outcome.Error.Contains("--timeout must be between 1 and 2,147,483 seconds", StringComparison.Ordinal) && !outcome.Error.Contains("   at ", StringComparison.Ordinal),
            outcome.ToString());
        Assert.False(listener.Pending(), "the probe connected to ask");
    }

    /// <summary>In a process of its own: what it writes to stderr is seen only so.</summary>
    [Fact]
    public async Task No_server_fails_in_one_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nothing listens on

        var outcome = await AppProcess.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"),
            ["probe", "--url", $"http://127.0.0.1:{port}/health/ready", "--timeout", "2"]);

        Assert.True(outcome.ExitCode == 1 && outcome.Output == "", outcome.ToString());
        Assert.True(outcome.ErrorLines is [var line] && line.StartsWith($"not ready: http://127.0.0.1:{port}/health/ready did not answer (", StringComparison.Ordinal),
            outcome.ToString());
    }

    /// <summary>
    /// Hunt: a URL of another scheme (or a bare path, which .NET reads as a file: URL on Unix) reached HttpClient, whose
    /// NotSupportedException was printed with its stack trace. In a process of its own, whose stderr says why in one line.
    /// </summary>
    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/health/ready")]
    [InlineData("/health/ready")]
    public async Task A_url_that_is_not_http_is_refused_in_one_line(string url)
    {
        var outcome = await AppProcess.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"), ["probe", "--url", url]);

        Assert.True(outcome.ExitCode == 1 && outcome.Output == "", outcome.ToString());
        Assert.True(outcome.ErrorLines is [var line] && line == $"not ready: '{url}' is no absolute http or https URL", outcome.ToString());
    }

    /// <summary>
    /// A URL Uri takes but no browser or image URL rule would (port 0, a host that is no IPv4 address to WHATWG URL, a
    /// Punycode label that decodes to nothing, "http:" without "//") was asked, and the probe reported a server that "did
    /// not answer". It is refused as other URL options are, with the reason the API gives for such a URL.
    /// </summary>
    [Theory]
    [InlineData("http://127.0.0.1:0/health/ready", "")]
    [InlineData("http:127.0.0.1/health/ready", "")]
    [InlineData("http://256.0.0.1/health/ready", ": " + ContentApi.Text.TextRules.Ipv4HostMessage)]
    [InlineData("http://xn--/health/ready", ": " + ContentApi.Text.TextRules.PunycodeHostMessage)]
    public async Task A_url_no_other_url_option_takes_is_refused_in_one_line(string url, string reason)
    {
        var outcome = await AppProcess.RunAsync(Path.Combine(CommandRunner.TempDirectory(), "content.db"), ["probe", "--url", url, "--timeout", "1"]);

        Assert.True(outcome.ExitCode == 1 && outcome.Output == "", outcome.ToString());
        Assert.True(outcome.ErrorLines is [var line] && line == $"not ready: '{url}' is no absolute http or https URL{reason}", outcome.ToString());
    }

    [Fact]
    public async Task A_path_that_is_not_ready_fails()
    {
        var (exitCode, output) = await ProbeAsync("--url", new Uri(server.Address, "/health/nothing").ToString());
        Assert.Equal(1, exitCode);
        Assert.StartsWith("404 ", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// With no address set, Kestrel listens on localhost:5000, where README's first `dotnet run` serves; the probe
    /// asked 8080 there and called a healthy server "not ready" (README audit).
    /// </summary>
    [Theory]
    [InlineData(null, 5000)]
    [InlineData("", 5000)]
    [InlineData("9000", 9000)]
    [InlineData("9000;9001", 9000)]
    [InlineData(" 5000 , 6000", 5000)]
    [InlineData("http", 5000)]
    public void The_default_url_is_the_servers_own_port(string? httpPorts, int port) =>
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/health/ready"), ProbeCommand.DefaultUrl(Settings("http_ports", httpPorts)));

    /// <summary>ASPNETCORE_URLS, which Kestrel prefers, was ignored: a container given it was probed on 8080 (operator).</summary>
    [Theory]
    [InlineData("http://127.0.0.1:5411", "http://127.0.0.1:5411/health/ready")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000/health/ready")]
    [InlineData("http://*:5001;http://127.0.0.1:6000", "http://127.0.0.1:5001/health/ready")]
    [InlineData("http://0.0.0.0:5002", "http://127.0.0.1:5002/health/ready")]
    [InlineData("http://[::]:5003", "http://127.0.0.1:5003/health/ready")]
    [InlineData("http://[::1]:5004", "http://[::1]:5004/health/ready")]
    [InlineData("http://localhost:5005", "http://127.0.0.1:5005/health/ready")]
    [InlineData("https://127.0.0.1:5443;http://127.0.0.1:5006", "http://127.0.0.1:5006/health/ready")]
    [InlineData("http://127.0.0.1", "http://127.0.0.1:80/health/ready")]
    public void The_default_url_follows_aspnetcore_urls_first(string urls, string expected) =>
        Assert.Equal(new Uri(expected), ProbeCommand.DefaultUrl(Settings("urls", urls, "http_ports", "9000")));

    /// <summary>Kestrel ignores ASPNETCORE_HTTP_PORTS once ASPNETCORE_URLS is set: probing its port was never healthy (review).</summary>
    [Theory]
    [InlineData("https://127.0.0.1:5443")]
    [InlineData("http://unix:/run/contentapi.sock")]
    public void Urls_without_an_http_port_give_no_default(string urls) =>
        Assert.Null(ProbeCommand.DefaultUrl(Settings("urls", urls, "http_ports", "9000")));

    /// <summary>
    /// Kestrel:Endpoints, which Kestrel prefers to urls and HTTP_PORTS ("Overriding address(es) 'http://*:8080'"), was
    /// ignored: the image's server given Kestrel__Endpoints__Http__Url=http://127.0.0.1:6084 was probed on 8080 and
    /// never became healthy (data-lifecycle review).
    /// </summary>
    [Theory]
    [InlineData("http://127.0.0.1:6084", null, "http://127.0.0.1:6084/health/ready")]
    [InlineData("http://*:6085", "http://127.0.0.1:5000", "http://127.0.0.1:6085/health/ready")]
    [InlineData("http://[::1]:6086", "http://127.0.0.1:5000", "http://[::1]:6086/health/ready")]
    public void The_default_url_follows_kestrel_endpoints_before_urls_and_ports(string endpoint, string? urls, string expected) =>
        Assert.Equal(new Uri(expected), ProbeCommand.DefaultUrl(Settings("Kestrel:Endpoints:Http:Url", endpoint, "urls", urls, "http_ports", "8080")));

    [Fact]
    public void An_https_endpoint_is_passed_over_for_an_http_one() =>
        Assert.Equal(
            new Uri("http://127.0.0.1:6087/health/ready"),
            ProbeCommand.DefaultUrl(Settings("Kestrel:Endpoints:Secure:Url", "https://127.0.0.1:6443", "Kestrel:Endpoints:Plain:Url", "http://127.0.0.1:6087", "http_ports", "8080")));

    /// <summary>Kestrel listens on none of urls or HTTP_PORTS once Kestrel:Endpoints names one.</summary>
    [Fact]
    public void Endpoints_without_an_http_port_give_no_default() =>
        Assert.Null(ProbeCommand.DefaultUrl(Settings("Kestrel:Endpoints:Secure:Url", "https://127.0.0.1:6443", "urls", "http://127.0.0.1:5000", "http_ports", "8080")));

    /// <summary>The settings as the server's configuration holds them (ASPNETCORE_URLS as urls, ASPNETCORE_HTTP_PORTS as http_ports).</summary>
    private static IConfiguration Settings(params string?[] keysAndValues) => new ConfigurationBuilder()
        .AddInMemoryCollection(keysAndValues.Chunk(2).Where(pair => pair[1] is not null).Select(pair => KeyValuePair.Create(pair[0]!, pair[1])))
        .Build();
}
