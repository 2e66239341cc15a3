using System.Net;
using System.Text.RegularExpressions;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// /metrics answers clients on loopback or private networks (a Prometheus in the same Docker network or cluster) and,
/// to anyone else, the 404 an unknown path gets. Before, anyone could scrape it: ~500 KB for a 50-byte request, outside
/// the rate limits, with live counts of each route's 401, 403 and 429 answers (security review).
/// </summary>
public sealed class MetricsAccessTests
{
    private sealed class PeerFactory(string peer, params (string Key, string? Value)[] settings) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            settings.ToDictionary(setting => setting.Key, setting => setting.Value);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromPeer(IPAddress.Parse(peer))));
        }
    }

    private sealed class LoggedPeerFactory(string peer) : LoggedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromPeer(IPAddress.Parse(peer))));
        }
    }

    /// <summary>
    /// Review: a scraper on an allowed network addressing the server by a dotted name it had not listed got 404s and the
    /// operator nothing to go on. Logged once a run (a rebinding page could otherwise fill the log).
    /// </summary>
    [Fact]
    public async Task A_metrics_request_refused_for_its_host_is_logged_once_naming_the_setting()
    {
        using var factory = new LoggedPeerFactory("10.1.2.3");
        foreach (var host in new[] { "prometheus-target.example", "other.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().SendAsync(request)).StatusCode);
        }

        var logged = Assert.Single(factory.Logs, log => log.Message.Contains("Observability:MetricsHostNames", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("prometheus-target.example", logged.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// DNS rebinding: a page in a browser on an allowed network makes its own name resolve to 127.0.0.1 and reads the
    /// metrics, the browser sending its name as Host. Only an IP literal, localhost, a name of one label (a compose
    /// service's, which public DNS cannot serve) or a name in Observability:MetricsHostNames is answered; ASP.NET's
    /// AllowedHosts, which the first version read, filters every request (a probe by the pod's address got a 400).
    /// </summary>
    [Theory]
    [InlineData("attacker.example", null, HttpStatusCode.NotFound)]
    [InlineData("attacker.example:8080", null, HttpStatusCode.NotFound)]
    [InlineData("127.0.0.1:8080", null, HttpStatusCode.OK)]
    [InlineData("[::1]", null, HttpStatusCode.OK)]
    [InlineData("localhost", null, HttpStatusCode.OK)]
    [InlineData("contentapi:8080", null, HttpStatusCode.OK)]
    [InlineData("metrics.internal", "metrics.internal", HttpStatusCode.OK)]
    [InlineData("content.svc.cluster.local", "*.svc.cluster.local", HttpStatusCode.OK)]
    [InlineData("attacker.example", "metrics.internal", HttpStatusCode.NotFound)]
    public async Task Metrics_are_answered_only_for_a_host_that_is_an_address_localhost_one_label_or_a_listed_name(string host, string? hostNames, HttpStatusCode expected)
    {
        using var factory = hostNames is null ? new PeerFactory("127.0.0.1") : new PeerFactory("127.0.0.1", ("Observability:MetricsHostNames:0", hostNames));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = host;

        var response = await factory.Anonymous().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.10.1")]
    [InlineData("fd12:3456::7")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:172.18.0.3")]
    public async Task A_client_on_a_private_network_is_answered_the_metrics(string peer)
    {
        using var factory = new PeerFactory(peer);

        var response = await factory.Anonymous().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_request_duration_seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("172.32.0.1")]
    [InlineData("2001:db8::7")]
    [InlineData("::ffff:203.0.113.7")]
    public async Task Anyone_else_gets_the_404_an_unknown_path_gets(string peer)
    {
        using var factory = new PeerFactory(peer);
        var client = factory.Anonymous();

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head, HttpMethod.Post })
        {
            var unknown = await client.SendAsync(new HttpRequestMessage(method, "/no-such-path"));
            var metrics = await client.SendAsync(new HttpRequestMessage(method, "/metrics"));

            Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
            Assert.Equal(Unnamed(await unknown.Content.ReadAsStringAsync(), "/no-such-path"), Unnamed(await metrics.Content.ReadAsStringAsync(), "/metrics"));
            Assert.Equal(unknown.Content.Headers.ContentType, metrics.Content.Headers.ContentType);
            Assert.Equal(unknown.Headers.CacheControl, metrics.Headers.CacheControl);
        }
    }

    /// <summary>Behind a listed proxy the visitor's own address is judged, not the proxy's private one.</summary>
    [Fact]
    public async Task Behind_a_listed_proxy_the_forwarded_visitor_is_judged()
    {
        using var factory = new PeerFactory("10.0.0.2", ("Proxies:Trusted:0", "10.0.0.0/8"));
        var client = factory.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await GetForwardedAsync(client, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetForwardedAsync(client, "192.168.5.6")).StatusCode);
    }

    [Fact]
    public async Task The_allowed_networks_setting_replaces_the_private_ones()
    {
        using var monitoring = new PeerFactory("203.0.113.7", ("Observability:MetricsAllowedNetworks:0", "203.0.113.0/24"));
        using var privateClient = new PeerFactory("10.1.2.3", ("Observability:MetricsAllowedNetworks:0", "203.0.113.0/24"));

        Assert.Equal(HttpStatusCode.OK, (await monitoring.Anonymous().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await privateClient.Anonymous().GetAsync("/metrics")).StatusCode);
    }

    /// <summary>
    /// An empty list (<c>"MetricsAllowedNetworks": []</c> in appsettings.json, which reaches the app as the key with no
    /// value, or the variable set to nothing) answers nobody: it bound as no list at all, the private default.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_empty_list_of_allowed_networks_answers_nobody(string? empty)
    {
        using var factory = new PeerFactory("10.1.2.3", ("Observability:MetricsAllowedNetworks", empty));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync("/metrics")).StatusCode);
    }

    /// <summary>A problem's text without what differs between any two requests: the path asked for and the trace id.</summary>
    private static string Unnamed(string problem, string path) =>
        Regex.Replace(problem.Replace(path, "(path)", StringComparison.Ordinal), "\"traceId\":\"[^\"]*\"", "(trace)");

    private static async Task<HttpResponseMessage> GetForwardedAsync(HttpClient client, string visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", visitor);
        return await client.SendAsync(request);
    }
}
