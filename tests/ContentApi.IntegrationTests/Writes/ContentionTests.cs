using System.Net;
using ContentApi.Auth;
using ContentApi.Data;
using ContentApi.IntegrationTests.Search;
using ContentApi.Search;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Another process holding SQLite's write lock (a CLI command, a backup, a migration): writes get a quick
/// 503 with Retry-After instead of a 500 or an endless wait, reads carry on, and writes resume once it is gone.
/// </summary>
public sealed class ContentionTests(ContentionTests.Factory factory) : IClassFixture<ContentionTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        // The shortest waits the options allow, so each refused write costs about a second.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:BusyTimeoutSeconds"] = "1",
            ["Database:WriteQueueTimeoutSeconds"] = "0.5",
        };
    }

    [Fact]
    public async Task Writes_while_another_connection_holds_the_write_lock_are_503_with_retry_after_and_reads_keep_working()
    {
        var writer = factory.Writer();
        var reader = factory.Reader();
        var content = new TestContent(writer);
        var authorId = await content.AuthorAsync();
        var article = await content.ArticleAsync(new() { ["authorIds"] = new[] { authorId } });
        var articleUrl = $"/api/v1/articles/{article["id"]}";
        var before = DatabaseSnapshot.Take(factory);

        using (var holder = HoldWriteLock())
        {
            var create = await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "Blocked tag" }));
            await AssertBusyAsync(create);
            var patch = await writer.PatchMergeAsync(articleUrl, new { subtitle = "blocked" });
            await AssertBusyAsync(patch);
            var delete = await writer.DeleteAsync(articleUrl);
            await AssertBusyAsync(delete);

            // WAL readers never wait for the writer.
            await (await factory.Anonymous().GetAsync("/api/v1/articles")).AssertJsonAsync();
            await (await factory.Anonymous().GetAsync(articleUrl)).AssertJsonAsync();
            await (await reader.GetAsync("/api/v1/articles?status=published")).AssertJsonAsync();
            await (await factory.Anonymous().GetAsync($"/api/v1/authors/{authorId}")).AssertJsonAsync();
            Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/ready")).StatusCode);
        }

        Assert.Equal(before, DatabaseSnapshot.Take(factory));
        await (await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = "Blocked tag" }))).AssertJsonAsync(HttpStatusCode.Created);
        var patched = await (await writer.PatchMergeAsync(articleUrl, new { subtitle = "after the lock" })).AssertJsonAsync();
        Assert.Equal(2, patched["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_create_refused_while_locked_is_not_remembered_under_its_idempotency_key()
    {
        var writer = factory.Writer();
        await writer.GetAsync("/api/v1/tags"); // the key's last-use stamp is written now, not while locked
        var key = Guid.NewGuid().ToString("N");

        using (var holder = HoldWriteLock())
        {
            await AssertBusyAsync(await writer.SendAsync(IdempotentTagPost(key)));
        }

        var created = await writer.SendAsync(IdempotentTagPost(key));
        await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.False(created.Headers.Contains("Idempotent-Replayed"));
        var replayed = await writer.SendAsync(IdempotentTagPost(key));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(created.Headers.Location, replayed.Headers.Location);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_write_still_waiting_for_the_writer_after_the_queue_timeout_is_503_and_never_runs()
    {
        var writer = factory.Writer();
        var name = $"Queued too long {Guid.NewGuid():N}";

        await using (await WriterHeld.StartAsync(factory.Services.GetRequiredService<Db>()))
        {
            await AssertBusyAsync(await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name })));
        }

        // A later write has gone through the queue, so the writer has passed the abandoned one by now.
        await (await writer.PostAsync("/api/v1/tags", HttpAssertions.JsonBody(new { name = $"After {name}" }))).AssertJsonAsync(HttpStatusCode.Created);
        using var connection = factory.OpenDatabase();
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM tags WHERE name = @Name", new { Name = name }));
    }

    /// <summary>
    /// An author, tag or image update that committed, whose articles' reindexing then stayed busy, was answered 503: its
    /// caller was told to retry what was done, and a retry, changing nothing, reindexed nothing. Now it is answered as
    /// done and the articles are reindexed once the lock is free.
    /// </summary>
    [Fact]
    public async Task A_committed_update_whose_reindexing_stays_busy_is_answered_and_reindexed_once_the_lock_is_free()
    {
        var (old, renamed) = ($"w{Guid.NewGuid():N}"[..13], $"w{Guid.NewGuid():N}"[..13]);
        var content = new TestContent(factory.Writer());
        var author = await content.AuthorAsync($"{old} name");
        var article = (await content.ArticleAsync(new() { ["authorIds"] = new[] { author } }))["id"]!.GetValue<long>();
        using (var connection = factory.OpenDatabase())
        {
            // What a rename past one batch leaves: the name changed, its articles in the backlog.
            connection.Execute("UPDATE authors SET name = @Name WHERE id = @Id", new { Name = $"{renamed} name", Id = author });
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", new { Id = article });
        }

        using (var holder = HoldWriteLock())
        {
            var outcome = await Task.FromResult(new Committed()).ThenDrainAsync(factory.Services.GetRequiredService<Db>(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            Assert.True(outcome.Changed);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await factory.Reader().SearchAsync(renamed)).Total() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(1, (await factory.Reader().SearchAsync(renamed)).Total());
        Assert.Equal(0, (await factory.Reader().SearchAsync(old)).Total());
        using var after = factory.OpenDatabase();
        Assert.Equal(0L, after.ExecuteScalar<long>("SELECT count(*) FROM search_backlog"));
    }

    private sealed record Committed : Http.Writes.IWriteResult
    {
        public bool Changed => true;
    }

    [Fact]
    public async Task Key_holders_can_still_read_while_the_write_lock_is_held()
    {
        // A fresh key has never been used, so its first request wants to record last use (a write).
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var key = await store.CreateAsync($"contention-{Guid.NewGuid():N}", ApiKeyScope.Read, CancellationToken.None);
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        using (var holder = HoldWriteLock())
        {
            await (await client.GetAsync("/api/v1/articles?status=draft")).AssertJsonAsync();
        }
    }

    [Fact]
    public async Task The_busy_wait_sqlite_is_given_is_the_whole_wait_the_driver_allows()
    {
        // Microsoft.Data.Sqlite retries SQLITE_BUSY by itself until the command timeout, which is whole seconds;
        // a shorter PRAGMA busy_timeout would only make it sleep and retry until that second is over.
        var db = factory.Services.GetRequiredService<Db>();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(connection.DefaultTimeout * 1000L, (long)command.ExecuteScalar()!);
        Assert.Equal(1, connection.DefaultTimeout);
    }

    private static HttpRequestMessage IdempotentTagPost(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.JsonBody(new { name = "Idempotent while locked" }) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        // Another process's lock clears by itself: a retry soon is right.
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("locked", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A second connection, as another process would open, holding SQLite's write lock until disposed.</summary>
    private LockHolder HoldWriteLock() => new(factory.DatabasePath);

    private sealed class LockHolder : IDisposable
    {
        private readonly SqliteConnection _connection;

        public LockHolder(string path)
        {
            _connection = new SqliteConnection($"Data Source={path};Pooling=False");
            _connection.Open();
            using var begin = _connection.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        public void Dispose()
        {
            using (var rollback = _connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
            _connection.Dispose();
        }
    }
}
