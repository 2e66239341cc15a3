using System.Net;
using System.Net.Http.Json;
using ContentApi.Auth;
using ContentApi.Observability;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A request's log line names the client's address and the key it was made with (its name, never the key): after a key
/// leaked, an operator could not tell which writes it made, nor where a burst of refused keys came from.
/// </summary>
public sealed class RequestLogAttributionTests : IDisposable
{
    private const string Peer = "198.51.100.7";

    private sealed class FromPeerLoggedFactory : LoggedApiFactory
    {
        protected override LogLevel KeptFrom => LogLevel.Information;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromPeer(IPAddress.Parse(Peer))));
        }
    }

    private readonly FromPeerLoggedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private string[] RequestLines() =>
        [.. _factory.Logs.Where(log => log.Category == typeof(RequestLoggingMiddleware).FullName).Select(log => log.Message)];

    [Fact]
    public async Task A_line_names_the_client_and_the_key_used()
    {
        var key = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("cms-editor", ApiKeyScope.Write, CancellationToken.None);
        var editor = _factory.Anonymous();
        editor.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var stranger = _factory.Anonymous();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", ApiKeyHasher.NewKey());

        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/v1/tags", new { name = "署名" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/tags")).StatusCode);

        var lines = RequestLines();
        Assert.Contains(lines, line => line.StartsWith("HTTP POST /api/v1/tags responded 201", StringComparison.Ordinal)
            && line.EndsWith($", client {Peer}, key cms-editor)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("HTTP GET /api/v1/tags responded 401", StringComparison.Ordinal)
            && line.EndsWith($", client {Peer}, key -)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>"Who changed article 301 at 10:02?": the line names the route's values too (never the body), not only its template.</summary>
    [Fact]
    public async Task A_line_names_the_route_values()
    {
        var key = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("desk-alice", ApiKeyScope.Write, CancellationToken.None);
        var editor = _factory.Anonymous();
        editor.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var created = await editor.PostAsJsonAsync("/api/v1/tags", new { name = "路由" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<long>();

        var patch = new StringContent("""{"description":"秘密的說明"}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchAsync($"/api/v1/tags/{id}", patch)).StatusCode);

        var lines = RequestLines();
        Assert.Contains(lines, line => line.StartsWith("HTTP PATCH /api/v1/tags/{id} responded 200", StringComparison.Ordinal)
            && line.Contains($"(route id={id}, trace ", StringComparison.Ordinal) && line.EndsWith(", key desk-alice)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("HTTP POST /api/v1/tags responded 201", StringComparison.Ordinal)
            && line.Contains("(route -, trace ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("秘密", StringComparison.Ordinal));
    }

    /// <summary>A right-to-left override in a slug reached the line as it was, and a viewer showed the rest of the line reversed (session review).</summary>
    [Fact]
    public async Task A_route_value_holding_a_bidi_control_is_escaped()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync("/api/v1/articles/slug/ab%E2%80%AEcd")).StatusCode);

        Assert.Contains(RequestLines(), line => line.Contains("(route slug=ab\\u202Ecd, trace ", StringComparison.Ordinal));
    }

    /// <summary>A line separator in a slug reached the line as it was, where log viewers and JavaScript break the line.</summary>
    [Fact]
    public async Task A_route_value_holding_a_line_separator_is_escaped()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync("/api/v1/articles/slug/ab%E2%80%A8cd")).StatusCode);

        Assert.Contains(RequestLines(), line => line.Contains("(route slug=ab\\u2028cd, trace ", StringComparison.Ordinal));
    }

    /// <summary>An emoji joined by a zero-width joiner (👩‍💻) is text: its joiner was logged escaped, "👩\u200d💻".</summary>
    [Fact]
    public async Task A_route_value_holding_an_emoji_sequence_is_logged_as_it_is()
    {
        await _factory.Anonymous().GetAsync("/api/v1/articles/slug/%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB");

        Assert.Contains(RequestLines(), line => line.Contains("(route slug=\U0001F469\u200D\U0001F4BB, trace ", StringComparison.Ordinal));
    }
}
