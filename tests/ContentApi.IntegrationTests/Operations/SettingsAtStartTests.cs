using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A setting that cannot bind or is out of range stops the app as it starts, naming the setting. Before, the server
/// started, reported itself healthy, and answered 500 to the requests that read the setting (every PATCH for
/// Writes:RequireIfMatch=abc; every request, health checks too, for a rate of 0).
/// </summary>
public sealed class SettingsAtStartTests
{
    private sealed class SettingsFactory(string key, string value) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            [key] = value,
        };
    }

    [Theory]
    [InlineData("Writes:RequireIfMatch", "abc")]
    [InlineData("Cors:ReadsFromAnyOrigin", "abc")]
    [InlineData("Cors:WriteOrigins:0", "https://cms.example.com/")]
    [InlineData("Cors:WriteOrigins:0", "cms.example.com")]
    [InlineData("RateLimiting:Enabled", "maybe")]
    [InlineData("RateLimiting:AnonymousPerSecond", "0")]
    [InlineData("RateLimiting:AnonymousBurst", "-5")]
    [InlineData("RateLimiting:KeyPerSecond", "abc")]
    [InlineData("Limits:MaxBodyBytes", "-1")]
    [InlineData("Caching:PublicCacheControl", "")]
    [InlineData("Caching:ResponseCacheBytes", "0")]
    [InlineData("Observability:MetricsPath", "metrics")]
    [InlineData("Swagger:UiEnabled", "sometimes")]
    public void A_setting_that_cannot_be_used_stops_the_app_at_start_naming_it(string key, string value)
    {
        using var factory = new SettingsFactory(key, value);
        var exception = Assert.ThrowsAny<Exception>(() => factory.Services);
        var name = key.Split(':')[1];
        Assert.Contains(name, exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cors:WriteOrigins:0", "https://cms.example.com")]
    [InlineData("Cors:WriteOrigins:0", "http://localhost:5173")]
    [InlineData("RateLimiting:AnonymousPerSecond", "1")]
    public void Settings_in_range_start(string key, string value)
    {
        using var factory = new SettingsFactory(key, value);
        Assert.NotNull(factory.Services);
    }
}
