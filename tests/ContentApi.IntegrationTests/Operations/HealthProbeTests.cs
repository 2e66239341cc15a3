using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

public sealed class HealthProbeTests
{
    private sealed class TightRateLimitFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousBurst"] = "2",
            ["RateLimiting:AnonymousPerSecond"] = "1",
        };
    }

    /// <summary>Behind a proxy every caller has one address: the API's traffic used up the probes' bucket too (429).</summary>
    [Fact]
    public async Task Probes_and_metrics_answer_when_the_API_s_rate_limit_is_spent()
    {
        using var factory = new TightRateLimitFactory();
        var client = factory.Anonymous();
        foreach (var probe in new[] { "/health/live", "/health/ready", "/metrics", "/health/live", "/health/ready", "/metrics" })
        {
            await SpendTheBucketAsync(client);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(probe)).StatusCode);
        }
    }

    /// <summary>
    /// Reads until one is refused (429), however slowly the machine sends them: five reads in a row spent the bucket
    /// (two, refilled by one a second) only if they took less than about two seconds, which a loaded machine need not do.
    /// </summary>
    private static async Task SpendTheBucketAsync(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetAsync("/api/v1/tags")).StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }
        }
        Assert.Fail("100 reads in a row never spent a bucket of two refilled by one a second");
    }

    /// <summary>A scraper or load balancer may send a token meant for a proxy: probes got 401, then the failed-key limit's 429.</summary>
    [Fact]
    public async Task Probes_and_metrics_answer_whatever_key_is_sent()
    {
        using var factory = new TightRateLimitFactory();
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "capi_not_a_key");
        for (var i = 0; i < 25; i++)
        {
            foreach (var probe in new[] { "/health/live", "/health/ready", "/metrics" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(probe)).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tags")).StatusCode);
    }

    /// <summary>A database file deleted under the running app still answered through the app's handle, and writes were acknowledged and lost with it.</summary>
    [Fact]
    public async Task Ready_is_unhealthy_and_writes_are_refused_once_the_database_file_is_gone()
    {
        using var factory = new ApiFactory();
        await new TestContent(factory.Writer()).TagAsync();
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);

        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal", factory.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        var ready = await factory.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("database file is gone", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/live")).StatusCode);

        // Writes would go to the deleted file and be lost with it: refused, not acknowledged.
        var write = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "after the file went" });
        var problem = await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database file is gone", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(write.Headers.Contains("Retry-After"), "waiting does not bring the file back");
    }

    /// <summary>
    /// A database moved away under the server (as an operator does by mistake, or to copy it): a read on a connection
    /// opened meanwhile made a new, empty database at its path (mode 0644, not the owner's only) and a new -wal over the
    /// moved one's name, answered 500 ("no such table"), and the server then took the file put back for a replaced one.
    /// </summary>
    [Fact]
    public async Task A_read_while_the_database_file_is_moved_away_makes_no_new_file_and_the_file_put_back_serves_on()
    {
        using var factory = new ApiFactory();
        await new TestContent(factory.Writer()).TagAsync();
        var files = new[] { factory.DatabasePath, factory.DatabasePath + "-wal", factory.DatabasePath + "-shm" }.Where(File.Exists).ToList();
        foreach (var file in files)
        {
            File.Move(file, file + ".away");
        }
        // The connections a busy server opens meanwhile.
        using (var connection = new SqliteConnection(factory.Services.GetRequiredService<ContentApi.Data.Db>().ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        var read = await factory.Anonymous().GetAsync("/api/v1/search?q=moved");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.False(File.Exists(factory.DatabasePath), "the server made a new database file at the path");
        foreach (var file in files)
        {
            File.Move(file + ".away", file);
        }
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);
        await (await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "after the file came back" })).AssertJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// The server judged the file by its path alone: a new file made there (by a second server, `keys create`) made it
    /// ready again, and its writes were acknowledged into the deleted file.
    /// </summary>
    [Fact]
    public async Task Ready_and_writes_stay_refused_when_a_new_database_file_is_made_where_the_old_one_was()
    {
        using var factory = new OnDatabaseFile(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        await new TestContent(factory.Writer()).TagAsync();
        foreach (var file in new[] { factory.DatabasePath, factory.DatabasePath + "-wal", factory.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
        // Another process: in this one, SQLite's connection pool would hand the command the server's connections.
        Assert.Equal(0, (await AppProcess.RunAsync(factory.DatabasePath, ["migrate"])).ExitCode);

        await AssertGoneAsync(factory);
        await AssertUntouchedAfterStopAsync(factory);
    }

    /// <summary>`mv other.db content.db` under the server: it stayed ready and wrote its WAL into the other file.</summary>
    [Fact]
    public async Task Ready_and_writes_are_refused_once_another_file_is_moved_over_the_database()
    {
        using var factory = new OnDatabaseFile(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        await new TestContent(factory.Writer()).TagAsync();
        var other = Path.Combine(CommandRunner.TempDirectory(), "other.db");
        Assert.Equal(0, (await AppProcess.RunAsync(other, ["migrate"])).ExitCode);
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        File.Move(other, factory.DatabasePath, overwrite: true);

        await AssertGoneAsync(factory);
        await AssertUntouchedAfterStopAsync(factory);
    }

    /// <summary>Once the server has stopped (and its connections closed), the file at its path is whole and holds none of its writes.</summary>
    private static async Task AssertUntouchedAfterStopAsync(ApiFactory factory)
    {
        await factory.DisposeAsync();
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        connection.Open();
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM tags"));
    }

    private static async Task AssertGoneAsync(ApiFactory factory)
    {
        // With no pooled connection left, the key is looked up in the file now at the path, which does not hold it: that
        // was a 401 for a valid key (seen as a flaky test when the pool happened to be empty).
        SqliteConnection.ClearAllPools();
        for (var i = 0; i < 2; i++)
        {
            var ready = await factory.Anonymous().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("database file is gone", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var write = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = $"into a file not ours {i}" });
            var problem = await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("database file is gone", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_descriptions_are_readable_JSON_text()
    {
        using var factory = new ApiFactory();
        await new TestContent(factory.Writer()).ArticleAsync();
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("UPDATE search_analysis SET version = NULL");
        }

        var body = await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync();
        Assert.Contains("reindex", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", body, StringComparison.Ordinal);
    }
}
