using System.Net;
using System.Text.Json.Nodes;
using ContentApi.Articles;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A scheduled article's going live is recorded as Ghost's, Contentful's and Strapi's schedulers record it: its
/// updatedAt becomes its publishedAt, without a new version. Before, updatedAt stayed at its last edit, so a static-site
/// build syncing by <c>sort=-updatedAt</c> from the newest updatedAt it had seen never took an article that went live
/// after an edit of another one.
/// </summary>
public sealed class GoLiveUpdatedAtTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Writer => _factory.Writer();

    private TestContent Content => new(Writer);

    private DateTimeOffset Now => _factory.Clock.GetUtcNow();

    private async Task<JsonObject> ScheduledAsync(DateTimeOffset at) => await Content.ArticleAsync(new() { ["publishedAt"] = at });

    private async Task<JsonObject> ReadAsync(long id) => await Writer.GetJsonAsync($"/api/v1/articles/{id}");

    /// <summary>Waits (on the real clock, which nothing asserts on) until the article's updatedAt is its publishedAt.</summary>
    private async Task<JsonObject> WhenRecordedLiveAsync(long id)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var article = await ReadAsync(id);
            if (article.Text("updatedAt") == article.Text("publishedAt"))
            {
                return article;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Article {id} went live but its updatedAt stayed at {(await ReadAsync(id)).Text("updatedAt")}.");
        return null!;
    }

    private long ContentVersion()
    {
        using var connection = _factory.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT version FROM content_version");
    }

    [Fact]
    public async Task A_scheduled_article_that_went_live_is_above_an_article_edited_before_then_in_the_updatedAt_feed()
    {
        var liveAt = Now.AddHours(1);
        var scheduled = await ScheduledAsync(liveAt);
        var edited = await Content.ArticleAsync();
        using var before = await Writer.GetAsync($"/api/v1/articles/{scheduled.Id()}");
        var etag = before.Headers.ETag!;
        var lastModified = before.Content.Headers.LastModified;
        _factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var patched = await (await Writer.PatchMergeAsync($"/api/v1/articles/{edited.Id()}", new { title = "Edited before the go-live" }))
            .AssertJsonAsync();
        var highWaterMark = patched.Text("updatedAt");

        _factory.Clock.Advance(TimeSpan.FromHours(1));
        var live = await WhenRecordedLiveAsync(scheduled.Id());

        var feed = (await _factory.Anonymous().GetJsonAsync("/api/v1/articles?sort=-updatedAt")).ItemIds();
        Assert.True(feed.IndexOf(scheduled.Id()) < feed.IndexOf(edited.Id()), $"the feed lists {string.Join(", ", feed)}");
        Assert.True(string.CompareOrdinal(live.Text("updatedAt"), highWaterMark) > 0);
        Assert.Equal(scheduled["version"]!.GetValue<long>(), live["version"]!.GetValue<long>());
        using var after = await _factory.Anonymous().GetAsync($"/api/v1/articles/{scheduled.Id()}");
        Assert.True(after.Content.Headers.LastModified > lastModified, $"Last-Modified {after.Content.Headers.LastModified}, before {lastModified}");
        Assert.NotEqual(etag, after.Headers.ETag);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/articles/{scheduled.Id()}")
        {
            Content = HttpAssertions.RawJson("""{"title":"Edited by an editor holding the version before the go-live"}""", "application/merge-patch+json"),
        };
        patch.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await Writer.SendAsync(patch)).StatusCode);
    }

    [Fact]
    public async Task An_article_rescheduled_later_or_unpublished_is_not_touched_at_its_first_time()
    {
        var first = Now.AddHours(1);
        var rescheduled = await ScheduledAsync(first);
        var unpublished = await ScheduledAsync(first);
        var later = Now.AddHours(3);
        var moved = await (await Writer.PatchMergeAsync($"/api/v1/articles/{rescheduled.Id()}", new { publishedAt = later })).AssertJsonAsync();
        var drafted = await (await Writer.PatchMergeAsync($"/api/v1/articles/{unpublished.Id()}", new { status = "draft" })).AssertJsonAsync();
        var marker = await ScheduledAsync(first.AddMinutes(30));

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        await WhenRecordedLiveAsync(marker.Id());

        Assert.Equal(moved.Text("updatedAt"), (await ReadAsync(rescheduled.Id())).Text("updatedAt"));
        Assert.Equal(drafted.Text("updatedAt"), (await ReadAsync(unpublished.Id())).Text("updatedAt"));
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var live = await WhenRecordedLiveAsync(rescheduled.Id());
        Assert.Equal(moved["version"]!.GetValue<long>(), live["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Two_articles_due_at_once_are_recorded_in_one_write()
    {
        var one = await ScheduledAsync(Now.AddHours(1));
        var two = await ScheduledAsync(Now.AddHours(1).AddSeconds(1));
        var version = ContentVersion();

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        await WhenRecordedLiveAsync(one.Id());
        await WhenRecordedLiveAsync(two.Id());

        Assert.Equal(version + 1, ContentVersion());
    }

    [Fact]
    public async Task An_article_that_went_live_while_no_server_ran_is_recorded_at_start()
    {
        var article = await Content.ArticleAsync();
        // As a server that stopped before the article's time left it: published later than its last edit.
        var liveAt = Data.Timestamps.ToDb(Now.AddMinutes(-1));
        var editedAt = Data.Timestamps.ToDb(Now.AddHours(-1));
        using (var connection = _factory.OpenDatabase())
        {
            connection.Execute("UPDATE articles SET published_at = @LiveAt, updated_at = @EditedAt, created_at = @EditedAt WHERE id = @Id",
                new { LiveAt = liveAt, EditedAt = editedAt, Id = article.Id() });
        }

        using var second = new SecondInstanceOnClock(_factory);
        _ = second.Services;

        var live = await WhenRecordedLiveAsync(article.Id());
        Assert.Equal(article["version"]!.GetValue<long>(), live["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Nothing_is_written_when_nothing_is_due_at_start_or_at_a_wake()
    {
        var scheduled = await ScheduledAsync(Now.AddHours(1));
        var version = ContentVersion();
        var recorder = _factory.Services.GetServices<IHostedService>().OfType<ScheduledGoLiveRecorder>().Single();
        var looks = recorder.Looks;

        _factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await WhenAsync(() => recorder.Looks > looks);
        using var second = new SecondInstanceOnClock(_factory);
        var secondRecorder = second.Services.GetServices<IHostedService>().OfType<ScheduledGoLiveRecorder>().Single();
        await WhenAsync(() => secondRecorder.Looks > 0);

        Assert.Equal(version, ContentVersion());
        Assert.Equal(scheduled.Text("updatedAt"), (await ReadAsync(scheduled.Id())).Text("updatedAt"));
    }

    [Fact]
    public async Task Finding_what_is_due_reads_only_the_articles_still_to_record()
    {
        _ = _factory.Services;
        using var connection = _factory.OpenDatabase();
        var parameters = new { Now = Data.Timestamps.ToDb(Now) };

        foreach (var sql in new[] { ScheduledGoLive.AnyDueSql, ScheduledGoLive.RecordDueSql })
        {
            var plan = await connection.QueryPlanAsync(sql, parameters);
            Assert.Contains("USING INDEX ix_articles_going_live (published_at<?)", plan);
            Assert.DoesNotContain("SCAN articles", plan);
        }
    }

    [Fact]
    public async Task An_export_of_a_scheduled_article_imported_after_its_time_has_its_going_live_recorded()
    {
        var scheduled = await ScheduledAsync(Now.AddHours(1));
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(_factory.DatabasePath, "export", folder)).ExitCode);
        _factory.Clock.Advance(TimeSpan.FromHours(2));

        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(CommandRunner.OnClock(CommandRunner.UsingDatabase(imported), _factory.Clock), "import", folder)).ExitCode);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={imported};Pooling=False");
        var row = await connection.QuerySingleAsync<(string UpdatedAt, string PublishedAt, long Version)>(
            "SELECT updated_at, published_at, version FROM articles WHERE id = @Id", new { Id = scheduled.Id() });
        Assert.Equal(row.PublishedAt, row.UpdatedAt);
        Assert.Equal(scheduled["version"]!.GetValue<long>(), row.Version);
    }

    private static async Task WhenAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
