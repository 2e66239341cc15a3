using System.Net;
using System.Net.Http.Headers;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A restore brought back the snapshot's versions and modification dates, so validators issued before it named
/// different content after it (found by an operations probe): an If-Match holding a version made after the snapshot
/// matched whoever edited the restored resource next (that edit was lost), and an If-Modified-Since at a discarded
/// edit's Last-Modified got 304 (the client kept the discarded content).
/// </summary>
public sealed class RestorePreconditionsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Tables = ["articles", "authors", "tags", "images"];

    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task If_Match_from_before_a_restore_never_matches_after_it(string collection)
    {
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync(collection);
        var url = $"/api/v1/{collection}/{id}";
        var snapshot = await BackupAsync(factory);
        var discarded = (await writer.PatchMergeAsync(url, Edit(collection, "X, discarded by the restore"))).Headers.ETag!;

        await RestoreAsync(factory, snapshot);
        await (await writer.PatchMergeAsync(url, Edit(collection, "Y, after the restore"))).AssertJsonAsync();
        var stale = await PatchAsync(writer, url, Edit(collection, "X again"), headers => headers.IfMatch.Add(discarded));

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("Y, after the restore", await (await writer.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Its versions are gone with it from the replaced database, but not from the callers that hold them.</summary>
    [Fact]
    public async Task If_Match_for_a_resource_deleted_since_the_snapshot_never_matches_after_the_restore_brings_it_back()
    {
        using var own = new ApiFactory(); // no other tag's version to hide the deleted one's
        var writer = own.Writer();
        var id = await new TestContent(writer).TagAsync();
        var url = $"/api/v1/tags/{id}";
        var snapshot = await BackupAsync(own);
        await (await writer.PatchMergeAsync(url, Edit("tags", "second"))).AssertJsonAsync();
        var discarded = (await writer.PatchMergeAsync(url, Edit("tags", "third"))).Headers.ETag!;
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(url)).StatusCode);

        await RestoreAsync(own, snapshot);
        await (await writer.PatchMergeAsync(url, Edit("tags", "after the restore"))).AssertJsonAsync();
        await (await writer.PatchMergeAsync(url, Edit("tags", "after the restore, again"))).AssertJsonAsync();
        var stale = await PatchAsync(writer, url, Edit("tags", "X again"), headers => headers.IfMatch.Add(discarded));

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_snapshot_from_before_versions_were_recorded_is_moved_past_them_too()
    {
        var writer = factory.Writer();
        var id = await new TestContent(writer).TagAsync();
        var url = $"/api/v1/tags/{id}";
        var snapshot = await BackupAsync(factory);
        // As a build before migration 0012 would have written it: the restore migrates it first.
        await using (var old = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            await old.ExecuteAsync($"""
                {string.Join(" ", Tables.Select(t => $"DROP TRIGGER {t}_version_high_water_insert; DROP TRIGGER {t}_version_high_water_update;"))}
                DROP TABLE version_high_water; DELETE FROM schema_migrations WHERE version >= 12;
                """);
        }
        var discarded = (await writer.PatchMergeAsync(url, Edit("tags", "X, discarded by the restore"))).Headers.ETag!;

        await RestoreAsync(factory, snapshot);
        await (await writer.PatchMergeAsync(url, Edit("tags", "Y, after the restore"))).AssertJsonAsync();
        var stale = await PatchAsync(writer, url, Edit("tags", "X again"), headers => headers.IfMatch.Add(discarded));

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    /// <summary>A database that gave no versions has none to move past: callers of the snapshot's source keep theirs.</summary>
    [Fact]
    public async Task Into_a_new_database_the_snapshot_s_versions_stay_as_they_were()
    {
        var writer = factory.Writer();
        var id = await new TestContent(writer).TagAsync();
        await (await writer.PatchMergeAsync($"/api/v1/tags/{id}", Edit("tags", "second"))).AssertJsonAsync();
        var snapshot = await BackupAsync(factory);
        var database = Path.Combine(CommandRunner.TempDirectory(), "new.db");

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "restore", snapshot)).ExitCode);

        await using var restored = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(2L, await restored.ExecuteScalarAsync<long>("SELECT version FROM tags WHERE id = @Id", new { Id = id }));
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("images")]
    public async Task If_Modified_Since_a_discarded_edit_gets_the_restored_content(string collection)
    {
        using var own = new ApiFactory(); // after another test's restore, Last-Modified is that restore's second, which this one may share
        var (url, discarded) = await RestoreOverADiscardedEditAsync(own, collection);

        var read = await GetAsync(own.Reader(), url, headers => headers.IfModifiedSince = discarded);

        var body = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("X, discarded by the restore", body, StringComparison.Ordinal);
        Assert.True(read.Content.Headers.LastModified > discarded, $"Last-Modified {read.Content.Headers.LastModified} after the restore");
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("images")]
    public async Task If_Unmodified_Since_a_discarded_edit_refuses_a_write_after_the_restore(string collection)
    {
        using var own = new ApiFactory(); // after another test's restore, Last-Modified is that restore's second, which this one may share
        var (url, discarded) = await RestoreOverADiscardedEditAsync(own, collection);

        var stale = await PatchAsync(own.Writer(), url, Edit(collection, "X again"), headers => headers.IfUnmodifiedSince = discarded);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    /// <summary>
    /// A resource edited after a snapshot (the edit dated an hour before, so that it and the restore fall in different
    /// seconds), then the snapshot restored: the resource's URL and the discarded edit's Last-Modified.
    /// </summary>
    private static async Task<(string Url, DateTimeOffset Discarded)> RestoreOverADiscardedEditAsync(ApiFactory own, string collection)
    {
        var writer = own.Writer();
        var id = await new TestContent(writer).ResourceAsync(collection);
        var url = $"/api/v1/{collection}/{id}";
        await DateAsync(own, collection, id, DateTimeOffset.UtcNow.AddHours(-2));
        var snapshot = await BackupAsync(own);
        await (await writer.PatchMergeAsync(url, Edit(collection, "X, discarded by the restore"))).AssertJsonAsync();
        await DateAsync(own, collection, id, DateTimeOffset.UtcNow.AddHours(-1));
        var discarded = (await own.Reader().GetAsync(url)).Content.Headers.LastModified!.Value;
        await RestoreAsync(own, snapshot);
        return (url, discarded);
    }

    /// <summary>A change to one field each resource has.</summary>
    /// <summary>A change of the resource's text; a tag's name made unique, as the class's tests share one database and tag names are unique.</summary>
    private static object Edit(string collection, string text) => collection switch
    {
        "articles" => new { title = text },
        "authors" => new { name = text },
        "tags" => new { name = $"{text} {Guid.NewGuid():N}" },
        _ => (object)new { altText = text },
    };

    /// <summary>
    /// Dates the resource (and an article's authors, whose dates its Last-Modified includes) as last changed at
    /// <paramref name="at"/>, so that its edits and the restore fall in different seconds, as they do in use.
    /// </summary>
    private static async Task DateAsync(ApiFactory app, string collection, long id, DateTimeOffset at)
    {
        await using var connection = app.OpenDatabase();
        var parameters = new { Id = id, At = Data.Timestamps.ToDb(at) };
        await connection.ExecuteAsync($"UPDATE {collection} SET updated_at = @At WHERE id = @Id", parameters);
        if (collection == "articles")
        {
            await connection.ExecuteAsync("UPDATE authors SET updated_at = @At WHERE id IN (SELECT author_id FROM article_authors WHERE article_id = @Id)", parameters);
        }
    }

    private static async Task<string> BackupAsync(ApiFactory app)
    {
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        var (exitCode, output) = await CommandRunner.RunAsync(app.DatabasePath, "backup", snapshot);
        Assert.True(exitCode == 0, output);
        return snapshot;
    }

    private static async Task RestoreAsync(ApiFactory app, string snapshot)
    {
        var (exitCode, output) = await CommandRunner.RunAsync(app.DatabasePath, "restore", snapshot, "--force");
        Assert.True(exitCode == 0, output);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object patch, Action<HttpRequestHeaders> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = HttpAssertions.RawJson(System.Text.Json.JsonSerializer.Serialize(patch, HttpAssertions.Json), "application/merge-patch+json"),
        };
        headers(request.Headers);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers(request.Headers);
        return await client.SendAsync(request);
    }
}
