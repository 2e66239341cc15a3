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
    // Empty (a variable set blank): metrics were served at / and every request the logs take for a scrape (all of them)
    // was logged at Debug, so successful requests left the request log.
    [InlineData("Observability:MetricsPath", "")]
    [InlineData("Observability:MetricsPath", "/api/v1/articles")]
    [InlineData("Observability:MetricsPath", "/health/ready")]
    [InlineData("Observability:MetricsPath", "/metrics?x=1")]
    [InlineData("Caching:PublicCacheControl", "público, max-age=60")]
    [InlineData("Caching:PrivateCacheControl", "private\r\nX-Injected: 1")]
    [InlineData("Cors:WriteOrigins:0", "https://cms.example.com:443")]
    [InlineData("Swagger:UiEnabled", "sometimes")]
    [InlineData("Proxies:Trusted:0", "cdn.example.com")]
    [InlineData("Proxies:Trusted:0", "10.0.0.0/33")]
    [InlineData("Proxies:Trusted:0", "10")]
    [InlineData("Proxies:Trusted:0", "fe80::1%eth0")]
    // Any client could choose its own address with X-Forwarded-For, escaping the rate limits and the failed-key lockout.
    [InlineData("Proxies:Trusted:0", "0.0.0.0/0")]
    [InlineData("Proxies:Trusted:0", "128.0.0.0/1")]
    [InlineData("Proxies:Trusted:0", "::/0")]
    [InlineData("Proxies:Trusted:0", "2000::/3")]
    [InlineData("Proxies:Trusted:0", "::ffff:0:0/96")]
    [InlineData("Observability:MetricsAllowedNetworks:0", "prometheus.internal")]
    [InlineData("Observability:MetricsAllowedNetworks:0", "10.0.0.0/33")]
    // Misnamed settings were ignored without a word: the first served the default database.
    [InlineData("Database:ConnectionString", "Data Source=/srv/content.db")]
    [InlineData("Caching:ResponseCacheMegabytes", "64")]
    [InlineData("RateLimiting:FailedKeyAttemptsPerHour", "5")]
    [InlineData("Cors:WriteOrigin:0", "https://cms.example.com")]
    public void A_setting_that_cannot_be_used_stops_the_app_at_start_naming_it(string key, string value)
    {
        using var factory = new SettingsFactory(key, value);
        // Hosted by the test factory, the app's entry point stops at the check (see the process test below), and the
        // factory's host would refuse to start too; either way the check names the setting.
        var exception = Record.Exception(() => SettingsCheck.Validate(factory.Services));
        Assert.NotNull(exception);
        var name = key.Split(':')[1];
        Assert.Contains(name, SettingsCheck.Describe(exception) ?? exception.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Said as the operator wrote it: "DataAnnotation validation failed for 'DatabaseOptions' members: 'BusyTimeoutSeconds'
    /// with the error: 'The field BusyTimeoutSeconds must be between 1 and 60.'" named a class, not the setting, and
    /// gave a bound of "9.223372036854776E+18" (operations review).
    /// </summary>
    [Theory]
    [InlineData("Database:BusyTimeoutSeconds", "-1", "Database:BusyTimeoutSeconds is -1; it must be from 1 to 60.")]
    [InlineData("Database:JournalSizeLimitBytes", "-5", "Database:JournalSizeLimitBytes is -5; it must be -1 or more.")]
    [InlineData("Database:WriteQueueTimeoutSeconds", "0.01", "Database:WriteQueueTimeoutSeconds is 0.01; it must be from 0.05 to 60.")]
    [InlineData("RateLimiting:AnonymousBurst", "-5", "RateLimiting:AnonymousBurst is -5; it must be 1 or more.")]
    [InlineData("Database:Synchronous", "OFF", "Database:Synchronous is 'OFF'; it must be NORMAL or FULL.")]
    [InlineData("Observability:MetricsPath", "/api/v1/articles", "Observability:MetricsPath /api/v1/articles is under /api, which the API serves itself: choose another, such as /metrics.")]
    public void An_out_of_range_setting_is_named_as_written_with_its_bounds(string key, string value, string message)
    {
        using var factory = new SettingsFactory(key, value);
        var exception = Record.Exception(() => SettingsCheck.Validate(factory.Services));
        Assert.NotNull(exception);
        Assert.Equal(message, SettingsCheck.Describe(exception));
    }

    [Theory]
    [InlineData("Cors:WriteOrigins:0", "https://cms.example.com")]
    [InlineData("Cors:WriteOrigins:0", "http://localhost:5173")]
    [InlineData("RateLimiting:AnonymousPerSecond", "1")]
    [InlineData("Observability:MetricsPath", "/internal/metrics")]
    [InlineData("Proxies:Trusted:0", "10.0.0.0/8")]
    [InlineData("Proxies:Trusted:0", "2001:db8::7")]
    [InlineData("Proxies:Trusted:0", "fc00::/7")]
    [InlineData("Proxies:Trusted:0", "173.245.48.0/20")]
    [InlineData("Observability:MetricsAllowedNetworks:0", "10.0.0.0/8")]
    public async Task Settings_in_range_start(string key, string value)
    {
        using var factory = new SettingsFactory(key, value);
        SettingsCheck.Validate(factory.Services);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>As the operator starts it: one line, exit 1, and the database neither created nor migrated.</summary>
    [Theory]
    [InlineData("Writes__RequireIfMatch", "abc", "Writes:RequireIfMatch")]
    [InlineData("RateLimiting__KeyPerSecond", "0", "KeyPerSecond")]
    [InlineData("Observability__MetricsPath", "/api/v1/articles", "MetricsPath")]
    [InlineData("Logging__LogLevel__Default", "Verbose", "Logging:LogLevel: 'Verbose'")] // crashed with a stack trace, exit 134 (operator)
    [InlineData("Database__ConnectionString", "Data Source=other.db", "Database:ConnectionString is not a setting; Database has BusyTimeoutSeconds, ")]
    // Misspelt, it was ignored: the default database was created, migrated and served (operations review).
    [InlineData("ConnectionStrings__Contents", "Data Source=other.db", "ConnectionStrings:Contents is not a setting; the database's connection string is ConnectionStrings:Content.")]
    public async Task The_server_refuses_a_bad_setting_in_one_line_before_it_touches_the_database(string variable, string value, string named)
    {
        var folder = Path.Combine(Path.GetTempPath(), "contentapi-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "content.db");

        var outcome = await AppProcess.ServeAsync(database, environment: new Dictionary<string, string> { [variable] = value });

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("error: invalid settings:", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.False(File.Exists(database), outcome.ToString());
    }

    /// <summary>
    /// A settings file that is not JSON (a stray comma in appsettings.json, which the README has operators edit) crashed
    /// the server and every command with a stack trace, the server with exit code 134 (operations review).
    /// </summary>
    [Theory]
    [InlineData("serve")]
    [InlineData("migrate")]
    public async Task A_settings_file_that_is_not_json_stops_the_app_in_one_line_naming_it(string command)
    {
        var environmentName = "Broken" + Guid.NewGuid().ToString("N");
        var settingsFile = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environmentName}.json");
        await File.WriteAllTextAsync(settingsFile, "{\n  \"Writes\": { \"RequireIfMatch\": true } \"Caching\": {}\n}\n");
        try
        {
            var database = Path.Combine(Path.GetTempPath(), "contentapi-tests", Guid.NewGuid().ToString("N"), "content.db");
            var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environmentName, ["DOTNET_ENVIRONMENT"] = environmentName };

            var outcome = command == "serve"
                ? await AppProcess.ServeAsync(database, environment: environment)
                : await AppProcess.RunAsync(database, [command], environment: environment);

            Assert.Equal(1, outcome.ExitCode);
            var line = Assert.Single(outcome.ErrorLines);
            Assert.StartsWith("error: invalid settings: Failed to load configuration from file", line, StringComparison.Ordinal);
            Assert.Contains(settingsFile, line, StringComparison.Ordinal);
            Assert.Contains("LineNumber: 1 ", line, StringComparison.Ordinal);
            Assert.False(File.Exists(database), outcome.ToString());
        }
        finally
        {
            File.Delete(settingsFile);
        }
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed")]
    [InlineData("keys")]
    public async Task Commands_refuse_a_bad_setting_in_one_line_before_they_touch_the_database(string command)
    {
        // migrate with Writes__RequireIfMatch=abc created and migrated the database and exited 0 (docs probe).
        var database = Path.Combine(Path.GetTempPath(), "contentapi-tests", Guid.NewGuid().ToString("N"), "content.db");
        string[] arguments = command switch
        {
            "keys" => ["keys", "create", "--name", "ops", "--scope", "read"],
            "seed" => ["seed", "--articles", "10"],
            _ => [command],
        };

        var outcome = await AppProcess.RunAsync(database, arguments, environment: new Dictionary<string, string> { ["Writes__RequireIfMatch"] = "abc" });

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("error: invalid settings:", line, StringComparison.Ordinal);
        Assert.Contains("Writes:RequireIfMatch", line, StringComparison.Ordinal);
        Assert.False(File.Exists(database), outcome.ToString());
    }
}
