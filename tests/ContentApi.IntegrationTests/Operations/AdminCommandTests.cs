using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Operations;

public sealed class AdminCommandTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Keys_create_prints_the_key_last_list_never_shows_it_and_revoke_makes_it_401()
    {
        _ = factory.Services;
        var (created, output) = await CommandRunner.RunAsync(factory.DatabasePath, "keys", "create", "--name", "cli-editor", "--scope", "write");
        Assert.True(created == 0, output);
        var key = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("capi_", key, StringComparison.Ordinal);

        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await (await client.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "From a CLI key" }))).AssertJsonAsync(HttpStatusCode.Created);

        var (listed, list) = await CommandRunner.RunAsync(factory.DatabasePath, "keys", "list");
        Assert.Equal(0, listed);
        Assert.Contains("cli-editor", list, StringComparison.Ordinal);
        Assert.Contains(key[..11], list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "keys", "revoke", "cli-editor")).ExitCode);
        await (await client.GetAsync("/api/v1/tags")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Migrate_prints_the_schema_version_and_a_second_run_changes_nothing()
    {
        _ = factory.Services;
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "migrate");
        Assert.Equal(0, exitCode);
        Assert.Contains($"schema version {Data.Migrator.LatestVersion} (up to date)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_database_a_running_server_uses_unless_forced()
    {
        await new TestContent(factory.Writer()).TagAsync("Before the backup");
        var backup = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "backup", backup)).ExitCode);

        Assert.Equal(2, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", backup)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", backup, "--force")).ExitCode);
    }

    [Fact]
    public async Task Metrics_endpoint_reports_requests_per_route_and_database_timings()
    {
        await factory.Anonymous().GetAsync("/api/v1/tags");
        await new TestContent(factory.Writer()).TagAsync();
        var metrics = await factory.Anonymous().GetStringAsync("/metrics");
        Assert.Contains("http_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/api/v1/tags/\"", metrics, StringComparison.Ordinal);
        Assert.Contains("contentapi_db_write_transaction_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("contentapi_db_connection_open_seconds", metrics, StringComparison.Ordinal);
        var sqliteMemory = metrics.Split('\n').Single(line => line.StartsWith("contentapi_db_sqlite_memory_bytes ", StringComparison.Ordinal));
        Assert.True(double.Parse(sqliteMemory.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > 0, sqliteMemory);
    }
}
