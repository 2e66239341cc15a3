using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A newer build migrating the database under a running older server (a rolling upgrade): readiness said so, but the
/// older server went on writing into a schema it does not know.
/// </summary>
public sealed class NewerSchemaWhileServingTests
{
    [Fact]
    public async Task Writes_are_refused_with_503_once_a_newer_build_has_migrated_the_database()
    {
        using var factory = new ApiFactory();
        var content = new TestContent(factory.Writer());
        var tag = await content.TagAsync("Before the upgrade");
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'future_thing', '2027-01-01T00:00:00Z')",
                new { Version = Migrator.LatestVersion + 1 });
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);
        var create = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "After the upgrade" });
        var problem = await create.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("newer version of ContentApi", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(create.Headers.RetryAfter is not null, "a retry may reach a server of the newer build");
        await (await factory.Writer().DeleteAsync($"/api/v1/tags/{tag}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        using var after = factory.OpenDatabase();
        Assert.Equal(["Before the upgrade"], after.Query<string>("SELECT name FROM tags"));
    }

    [Fact]
    public async Task A_write_the_newer_schema_breaks_is_refused_with_503_too_not_a_500()
    {
        // The check ran after the write's own SQL: a newer build that renamed a column failed the write first (review).
        using var factory = new ApiFactory();
        await new TestContent(factory.Writer()).TagAsync("Before the upgrade");
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("ALTER TABLE tags RENAME COLUMN description TO summary");
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'future_thing', '2027-01-01T00:00:00Z')",
                new { Version = Migrator.LatestVersion + 1 });
        }

        var create = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "After the upgrade", description = "x" });

        var problem = await create.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("newer version of ContentApi", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
