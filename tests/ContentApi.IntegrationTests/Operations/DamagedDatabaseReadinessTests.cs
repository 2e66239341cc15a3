using System.Net;
using ContentApi.Data;
using Dapper;
using ContentApi.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Readiness stayed Healthy after the server had answered 503 database_damaged (operations review): damage, which only
/// the operator can repair, is now Degraded with what to do, as a full disk or a read-only database is, until the file
/// is whole again. Whether it is whole is checked at most once per <see cref="DamageWatch.Recheck"/>, one check at a time
/// (a review found each probe scanning the whole file, and quick_check calling an index that no longer matches its
/// table whole while requests still failed on it), so these tests move the app's clock past it.
/// </summary>
public sealed class DamagedDatabaseReadinessTests
{
    [Fact]
    public async Task Ready_is_degraded_once_a_read_finds_the_database_damaged_and_recovers_when_it_is_whole()
    {
        using var factory = new FakeClockApiFactory();
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync("articles");
        var (offset, page) = await DamagedFiles.ZeroRootPageAsync(factory.DatabasePath, "articles");
        SqliteConnection.ClearAllPools(); // no pooled connection keeps the page as it was

        var damaged = await writer.GetAsync($"/api/v1/articles/{id}");

        var problem = await damaged.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database_damaged", problem["code"]!.GetValue<string>());
        var ready = await factory.Anonymous().GetAsync("/health/ready");
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Degraded", readiness, StringComparison.Ordinal);
        Assert.Contains("damaged", readiness, StringComparison.Ordinal);

        await DamagedFiles.WriteAtAsync(factory.DatabasePath, offset, page);
        SqliteConnection.ClearAllPools();
        factory.Clock.Advance(DamageWatch.Recheck);

        Assert.DoesNotContain("Degraded", await ReadinessAsync(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_stays_degraded_while_reads_find_an_index_that_does_not_match_its_table_until_it_is_rebuilt()
    {
        using var factory = new FakeClockApiFactory();
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync("images");
        string url;
        await using (var connection = factory.OpenDatabase())
        {
            url = await connection.QuerySingleAsync<string>("SELECT url FROM images WHERE id = @Id", new { Id = id });
        }
        await DamagedFiles.ChangeBehindIndexAsync(factory.DatabasePath, "ix_images_url", "UPDATE images SET id = id + 1000000 WHERE id = @Id", new { Id = id });
        SqliteConnection.ClearAllPools();
        var byUrl = $"/api/v1/images?url={Uri.EscapeDataString(url)}";

        for (var probe = 0; probe < 3; probe++)
        {
            var problem = await (await writer.GetAsync(byUrl)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("database_damaged", problem["code"]!.GetValue<string>());
            Assert.Contains("Degraded", await ReadinessAsync(factory), StringComparison.Ordinal);
            factory.Clock.Advance(DamageWatch.Recheck);
            Assert.Contains("Degraded", await ReadinessAsync(factory), StringComparison.Ordinal);
        }

        await using (var connection = factory.OpenDatabase())
        {
            await connection.ExecuteAsync("REINDEX ix_images_url");
        }
        SqliteConnection.ClearAllPools();
        factory.Clock.Advance(DamageWatch.Recheck);

        Assert.DoesNotContain("Degraded", await ReadinessAsync(factory), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(byUrl)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_probes_of_a_damaged_database_share_one_check()
    {
        using var factory = new FakeClockApiFactory();
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync("articles");
        await DamagedFiles.ZeroRootPageAsync(factory.DatabasePath, "articles");
        SqliteConnection.ClearAllPools();
        await (await writer.GetAsync($"/api/v1/articles/{id}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var db = factory.Services.GetRequiredService<Db>();
        var before = db.DamageChecksRun;

        var readiness = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReadinessAsync(factory)));

        Assert.All(readiness, r => Assert.Contains("Degraded", r, StringComparison.Ordinal));
        Assert.Equal(1, db.DamageChecksRun - before);
    }

    private static async Task<string> ReadinessAsync(ApiFactory factory)
    {
        var ready = await factory.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return await ready.Content.ReadAsStringAsync();
    }
}
