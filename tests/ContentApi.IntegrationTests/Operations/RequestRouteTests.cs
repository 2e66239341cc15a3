using System.Collections.Concurrent;
using System.Net;
using ContentApi.Auth;
using ContentApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Requests refused by the exception handler (a body that is not JSON, an unknown property) are logged and counted
/// under their route: the handler clears the matched endpoint before it answers, and they were "(unmatched)". A list's
/// route is its URL in logs and metrics alike (metrics labelled it "/api/v1/tags/", a URL that is a 404).
/// </summary>
public sealed class RequestRouteTests
{
    private sealed class LoggedFactory : ApiFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Logging:LogLevel:ContentApi.Observability"] = "Information",
            ["Logging:LogLevel:ContentApi.Auth"] = "Information",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Lines)));
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }

    [Theory]
    [InlineData("""{"name":""")]
    [InlineData("""{"nme":"x"}""")]
    public async Task A_body_refused_by_the_exception_handler_is_logged_and_counted_under_its_route(string body)
    {
        using var factory = new LoggedFactory();
        var response = await factory.Writer().PostAsync("/api/v1/tags", HttpAssertions.RawJson(body, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Contains(factory.Lines, line => line.StartsWith("HTTP POST /api/v1/tags responded 400", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Lines, line => line.Contains("(unmatched)", StringComparison.Ordinal));
        var metrics = await factory.Anonymous().GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("http_request_duration_seconds_count{", StringComparison.Ordinal) &&
            line.Contains("code=\"400\"", StringComparison.Ordinal) && line.Contains("method=\"POST\"", StringComparison.Ordinal) &&
            line.Contains("endpoint=\"/api/v1/tags\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every probe and scrape was an Information line, burying the API's own; and a list's route was logged as
    /// "/api/v1/tags/", a URL that is a 404 (operator).
    /// </summary>
    [Fact]
    public async Task Probes_and_scrapes_that_succeed_are_not_logged_at_information_and_lists_are_logged_as_their_url()
    {
        using var factory = new LoggedFactory();
        await factory.Anonymous().GetAsync("/health/ready");
        await factory.Anonymous().GetAsync("/health/live");
        await factory.Anonymous().GetAsync("/metrics");
        await factory.Anonymous().GetAsync("/api/v1/tags");

        Assert.DoesNotContain(factory.Lines, line => line.Contains("/health", StringComparison.Ordinal) || line.Contains("/metrics", StringComparison.Ordinal));
        Assert.Contains(factory.Lines, line => line.StartsWith("HTTP GET /api/v1/tags responded 200", StringComparison.Ordinal));
    }

    /// <summary>
    /// A scraper or probe sending a token meant for a proxy is answered as documented, but the token was judged as an
    /// API key first: an Information line ("Bearer was not authenticated") on every probe and scrape.
    /// </summary>
    [Fact]
    public async Task Probes_and_scrapes_that_carry_a_token_are_not_logged_at_information_either()
    {
        using var factory = new LoggedFactory();
        foreach (var path in new[] { "/health/ready", "/health/live", "/metrics" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApiKeyHasher.NewKey());
            Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().SendAsync(request)).StatusCode);
        }

        Assert.DoesNotContain(factory.Lines, line => line.Contains("Bearer", StringComparison.Ordinal) || line.Contains("/health", StringComparison.Ordinal) || line.Contains("/metrics", StringComparison.Ordinal));
    }
}
