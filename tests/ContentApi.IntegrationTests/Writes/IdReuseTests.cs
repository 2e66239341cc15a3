using System.Net;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// SQLite gives a new row the largest id + 1: deleting the newest resource made its id the next one's, so its old
/// URL, cached copies and an If-Match holding one of its versions then named a different resource.
/// </summary>
public sealed class IdReuseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task The_id_of_a_deleted_resource_is_never_given_again(string collection)
    {
        var content = new TestContent(factory.Writer());
        var deleted = await CreateAsync(content, collection);
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Writer().DeleteAsync($"/api/v1/{collection}/{deleted}")).StatusCode);

        var next = await CreateAsync(content, collection);

        Assert.True(next > deleted, $"{collection}: {next} after deleting {deleted}");
        await (await factory.Reader().GetAsync($"/api/v1/{collection}/{deleted}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("tags")]
    public async Task Restoring_a_snapshot_gives_no_id_that_the_database_had_given_since(string collection)
    {
        var content = new TestContent(factory.Writer());
        await CreateAsync(content, collection);
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "backup", snapshot)).ExitCode);
        var sinceTheSnapshot = await CreateAsync(content, collection);

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", snapshot, "--force")).ExitCode);
        await (await factory.Reader().GetAsync($"/api/v1/{collection}/{sinceTheSnapshot}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var next = await CreateAsync(content, collection);

        Assert.True(next > sinceTheSnapshot, $"{collection}: {next} after restoring a snapshot older than {sinceTheSnapshot}");
    }

    [Fact]
    public async Task Restoring_a_snapshot_from_before_the_ids_were_recorded_gives_no_id_given_since()
    {
        var content = new TestContent(factory.Writer());
        await content.TagAsync();
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "schema-8.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "backup", snapshot)).ExitCode);
        // As a build before migration 0009 would have written it.
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            old.Open();
            using var downgrade = old.CreateCommand();
            downgrade.CommandText = """
                DROP TRIGGER articles_id_high_water; DROP TRIGGER authors_id_high_water; DROP TRIGGER tags_id_high_water;
                DROP TRIGGER images_id_high_water; DROP TABLE id_high_water; DROP TABLE search_analysis;
                DELETE FROM schema_migrations WHERE version >= 9;
                """;
            downgrade.ExecuteNonQuery();
        }
        var sinceTheSnapshot = await content.TagAsync();

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "restore", snapshot, "--force")).ExitCode);
        var next = await content.TagAsync();

        Assert.True(next > sinceTheSnapshot, $"{next} after restoring a schema-8 snapshot older than {sinceTheSnapshot}");
    }

    private static async Task<long> CreateAsync(TestContent content, string collection) => collection switch
    {
        "articles" => (await content.ArticleAsync())["id"]!.GetValue<long>(),
        "authors" => await content.AuthorAsync(),
        "tags" => await content.TagAsync(),
        _ => await content.ImageAsync(),
    };
}
