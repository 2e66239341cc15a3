using ContentApi.Http.Pipeline;
using Microsoft.Extensions.Configuration;

namespace ContentApi.UnitTests.Http;

/// <summary>A typo in ASPNETCORE_URLS had Kestrel listen on every address, on port 80 (operator).</summary>
public sealed class ServerUrlsSettingTests
{
    private static string? Problem(string key, string value) =>
        ServerUrlsSetting.Problem(new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build());

    [Theory]
    [InlineData("http://127.0.0.1:5411x")]
    [InlineData("http://127.0.0.1:notaport")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://127.0.0.1:5000/api")]
    [InlineData("http://127.0.0.1:5000;http://[::1:5001")]
    public void An_address_kestrel_would_misread_stops_the_app_naming_the_setting(string urls)
    {
        var problem = Problem("urls", urls);
        Assert.NotNull(problem);
        Assert.Contains("ASPNETCORE_URLS", problem, StringComparison.Ordinal);
        Assert.NotNull(Problem("Kestrel:Endpoints:Http:Url", urls.Split(';')[^1]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:80")]
    [InlineData("http://0.0.0.0:5000; https://[::]:5001")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://unix:/run/contentapi.sock")]
    [InlineData("https://example.com")]
    public void Addresses_kestrel_reads_as_written_are_taken(string urls)
    {
        Assert.Null(Problem("urls", urls));
        Assert.Null(Problem("Kestrel:Endpoints:Http:Url", urls.Split(';')[0]));
    }

    /// <summary>The Dockerfile's ASPNETCORE_HTTP_PORTS become http://*:PORT unchecked, so "8080x" was port 80 (review).</summary>
    [Theory]
    [InlineData("http_ports", "8080x", false)]
    [InlineData("http_ports", "8080,9000", false)]
    [InlineData("https_ports", "70000", false)]
    [InlineData("http_ports", "8080", true)]
    [InlineData("http_ports", "8080; 9000", true)]
    [InlineData("https_ports", "8443", true)]
    public void Ports_are_ports(string key, string ports, bool taken) =>
        Assert.Equal(taken, Problem(key, ports) is null);

    /// <summary>With addresses given, Kestrel ignores the ports, and so does the check: it refused a setup that served (review).</summary>
    [Fact]
    public void Ports_are_not_checked_when_addresses_override_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("urls", "http://127.0.0.1:5000"), new("http_ports", "8080x")]).Build();
        Assert.Null(ServerUrlsSetting.Problem(configuration));
    }
}
