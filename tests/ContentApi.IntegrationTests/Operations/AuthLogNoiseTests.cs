using System.Net;
using System.Net.Http.Json;
using ContentApi.Auth;
using ContentApi.Observability;
using ContentApi.TestSupport;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A refused key is logged once, by the request log line with its 401 or 403, not again by the authentication handler
/// ("Bearer was not authenticated", "was forbidden"), whose category the "Microsoft.AspNetCore": "Warning" setting
/// does not reach: a flood of bad keys wrote two or three lines a request.
/// </summary>
public sealed class AuthLogNoiseTests : IDisposable
{
    private sealed class InformationLoggedFactory : LoggedApiFactory
    {
        protected override LogLevel KeptFrom => LogLevel.Information;

        /// <summary>As served: appsettings.json's levels under an Information default (tests lower it to Warning).</summary>
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" };
    }

    private readonly InformationLoggedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_refused_key_is_logged_by_the_request_line_alone()
    {
        var stranger = _factory.Anonymous();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", "ca_live_not-a-key-at-all-000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/tags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.Reader().PostAsJsonAsync("/api/v1/tags", new { name = "無權" })).StatusCode);

        Assert.DoesNotContain(_factory.Logs, log => log.Category == typeof(ApiKeyAuthenticationHandler).FullName);
        Assert.Contains(_factory.Logs, log => log.Category == typeof(RequestLoggingMiddleware).FullName && log.Message.Contains("401", StringComparison.Ordinal));
        Assert.Contains(_factory.Logs, log => log.Category == typeof(RequestLoggingMiddleware).FullName && log.Message.Contains("403", StringComparison.Ordinal));
    }
}
