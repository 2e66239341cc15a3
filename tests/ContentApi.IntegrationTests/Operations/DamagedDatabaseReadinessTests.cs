using System.Net;
using ContentApi.TestSupport;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Readiness stayed Healthy after the server had answered 503 database_damaged (operations review): damage, which only
/// the operator can repair, is now Degraded with what to do, as a full disk or a read-only database is, until the file
/// is whole again.
/// </summary>
public sealed class DamagedDatabaseReadinessTests
{
    [Fact]
    public async Task Ready_is_degraded_once_a_read_finds_the_database_damaged_and_recovers_when_it_is_whole()
    {
        using var factory = new ApiFactory();
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

        Assert.DoesNotContain("Degraded", await (await factory.Anonymous().GetAsync("/health/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
