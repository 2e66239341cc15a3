using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.IntegrationTests.Operations;
using ContentApi.IntegrationTests.Reading;
using ContentApi.IntegrationTests.Writes;
using ContentApi.Search;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// An update of an author, tag or image carried by more than one batch of articles reindexes them in batches of their
/// own transactions (other writes go on between them), and before its response unless that would wait too long.
/// </summary>
public sealed class SearchBacklogTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int MoreThanABatch = SearchIndex.ReindexBatch + 50;

    private static string Nonce() => "w" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates <paramref name="count"/> articles with these fields, a few at a time (group commit takes them together).</summary>
    private static async Task<List<long>> ArticlesAsync(ApiFactory app, int count, Dictionary<string, object?> fields)
    {
        var content = new TestContent(app.Writer());
        var ids = new List<long>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(16))
        {
            var created = await Task.WhenAll(chunk.Select(_ => content.ArticleAsync(new Dictionary<string, object?>(fields))));
            ids.AddRange(created.Select(a => a["id"]!.GetValue<long>()));
        }
        return ids;
    }

    private static long Scalar(ApiFactory app, string sql)
    {
        using var connection = app.OpenDatabase();
        return connection.ExecuteScalar<long>(sql);
    }

    private static Task<long> FoundAsync(ApiFactory app, string q) => FoundAsync(app.Reader(), q);

    private static async Task<long> FoundAsync(HttpClient client, string q) => (await client.SearchAsync(q)).Total();

    /// <summary>Ready says so while a rename's articles wait to be reindexed (a drain that another process kept waiting), and stops once one drains them.</summary>
    [Fact]
    public async Task Ready_is_degraded_while_articles_wait_in_the_backlog_until_an_update_drains_it()
    {
        var content = new TestContent(factory.Writer());
        var tag = await content.TagAsync($"{Nonce()} name");
        var articles = await ArticlesAsync(factory, 2, new() { ["tagIds"] = new[] { tag } });
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", articles.Select(id => new { Id = id }));
        }

        var waiting = await SearchIndexCheckAsync();
        Assert.Equal("Degraded", waiting.Text("status"));
        Assert.StartsWith("2 articles wait to be reindexed after an author, tag or image changed", waiting.Text("description"), StringComparison.Ordinal);

        var renamed = Nonce();
        (await factory.Writer().PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"{renamed} name" })).EnsureSuccessStatusCode();
        Assert.Equal("Healthy", (await SearchIndexCheckAsync()).Text("status"));
        Assert.Equal(2, await FoundAsync(factory, renamed));
    }

    private Task<JsonNode> SearchIndexCheckAsync() => SearchIndexCheckAsync(factory);

    private static async Task<JsonNode> SearchIndexCheckAsync(ApiFactory app)
    {
        var ready = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode); // degraded search keeps the instance in service
        return (await ready.AssertJsonAsync())["checks"]!["searchIndex"]!;
    }

    /// <summary>An author's or tag's name, or an image's caption, each indexed with the articles that carry it.</summary>
    [Theory]
    [InlineData("authors", "name", "authorIds")]
    [InlineData("tags", "name", "tagIds")]
    [InlineData("images", "caption", "coverImageId")]
    public async Task Renaming_what_more_than_a_batch_of_articles_carry_reindexes_them_all_in_batches_before_answering(string collection, string field, string articleField)
    {
        var (old, @new) = (Nonce(), Nonce());
        var content = new TestContent(factory.Writer());
        var id = collection switch
        {
            "authors" => await content.AuthorAsync($"{old} name"),
            "tags" => await content.TagAsync($"{old} name"),
            _ => await content.ImageAsync(caption: $"{old} name"),
        };
        await ArticlesAsync(factory, MoreThanABatch, new() { [articleField] = collection == "images" ? id : new[] { id } });
        Assert.Equal(MoreThanABatch, await FoundAsync(factory, old));
        var versionBefore = Scalar(factory, "SELECT version FROM content_version");

        await (await factory.Writer().PatchMergeAsync($"/api/v1/{collection}/{id}", new Dictionary<string, string> { [field] = $"{@new} name" })).AssertJsonAsync();

        Assert.Equal(MoreThanABatch, await FoundAsync(factory, @new));
        Assert.Equal(0, await FoundAsync(factory, old));
        Assert.Equal(MoreThanABatch, await FoundAsync(factory.Anonymous(), @new));
        Assert.Equal(0, await FoundAsync(factory.Anonymous(), old));
        Assert.Equal(0, Scalar(factory, "SELECT count(*) FROM search_backlog"));
        // The rename, then each batch of its articles, in a transaction of its own: each advanced the content version.
        Assert.True(Scalar(factory, "SELECT version FROM content_version") - versionBefore >= 3);
    }

    private sealed class AnswerAtOnceFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:RenameReindexWaitSeconds"] = "0",
            // The reindexing's batches wait behind the writer the test holds: a rename that waited for them would not
            // answer for minutes, rather than answering once they had given up.
            ["Database:WriteQueueTimeoutSeconds"] = "60",
        };
    }

    /// <summary>
    /// Past its wait (none here), a rename answers and its articles are reindexed in the background: a popular author's
    /// thousands of articles would hold the request past the timeouts of the proxies in front of the API. The writer is
    /// held from the rename's commit until the test has looked: looked at once the response had arrived, a drain done
    /// before the test's next step (the backlog was empty 60-220 ms after the response here) was taken for none.
    /// </summary>
    [Fact]
    public async Task A_rename_answers_once_its_wait_is_over_and_its_articles_are_reindexed_in_the_background()
    {
        using var app = new AnswerAtOnceFactory();
        var db = app.Services.GetRequiredService<Db>();
        var (old, @new) = (Nonce(), Nonce());
        var writer = app.Writer();
        var tag = await new TestContent(writer).TagAsync($"{old} name");
        await ArticlesAsync(app, MoreThanABatch, new() { ["tagIds"] = new[] { tag } });
        await writer.GetAsync("/api/v1/tags"); // the key's last use is recorded now, not queued beside the rename

        Task<HttpResponseMessage> renaming;
        WriterHeld afterTheRename;
        await using (await WriterHeld.StartAsync(db))
        {
            renaming = writer.PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"{@new} name" });
            await WriterHeld.UntilQueuedAsync(db, 1);
            afterTheRename = WriterHeld.AfterTheQueuedWrites(db);
        }
        await using (afterTheRename)
        {
            await afterTheRename.RunningAsync();
            await (await renaming.WaitAsync(TimeSpan.FromSeconds(30))).AssertJsonAsync();

            Assert.True(Scalar(app, "SELECT count(*) FROM search_backlog") > 0, "the rename should answer before its articles are reindexed");
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Scalar(app, "SELECT count(*) FROM search_backlog") != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(MoreThanABatch, await FoundAsync(app, @new));
        Assert.Equal(0, await FoundAsync(app, old));
    }

    /// <summary>
    /// The rename has committed whatever its reindexing then meets: a failure of the drain answered it with an error
    /// (a retry, changing nothing, drained nothing), and now leaves the rest for a later drain, as ready says, and the
    /// log (past the wait, a failure went unseen).
    /// </summary>
    [Fact]
    public async Task A_rename_whose_reindexing_fails_answers_as_done_and_leaves_its_articles_waiting()
    {
        using var app = new LoggedApiFactory();
        var tag = await new TestContent(app.Writer()).TagAsync($"{Nonce()} name");
        await ArticlesAsync(app, MoreThanABatch, new() { ["tagIds"] = new[] { tag } });
        using (var connection = app.OpenDatabase())
        {
            connection.Execute("CREATE TRIGGER drain_fails BEFORE DELETE ON search_backlog BEGIN SELECT RAISE(FAIL, 'drain fails'); END");
        }

        var renamed = await (await app.Writer().PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"{Nonce()} name" })).AssertJsonAsync();

        Assert.Equal(2, renamed["version"]!.GetValue<long>());
        Assert.Equal(MoreThanABatch, Scalar(app, "SELECT count(*) FROM search_backlog"));
        // Tried again a second later, and given up on: it waits for the next start or update.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!app.Logs.Any(e => e.Level == LogLevel.Error) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(app.Logs, e => e.Level == LogLevel.Warning && e.Message.Contains("failed; it is tried again shortly", StringComparison.Ordinal) && e.Exception is not null);
        Assert.Contains(app.Logs, e => e.Level == LogLevel.Error && e.Message.Contains("wait for the next start", StringComparison.Ordinal));
    }

    /// <summary>How many failed drains in a row a readiness description tells of; 0 when it tells of none.</summary>
    private static int FailuresTold(string description)
    {
        var told = Regex.Match(description, @"has failed (\d+) times? in a row");
        return told.Success ? int.Parse(told.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private sealed class WatchLoggedFactory : LoggedApiFactory
    {
        protected override LogLevel KeptFrom => LogLevel.Information;

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { [$"Logging:LogLevel:{typeof(SearchBacklogWatch).FullName}"] = "Information" };
    }

    /// <summary>
    /// While the backlog's drain keeps failing (a read-only or locked database; here a trigger), every readiness probe
    /// retried it and logged a warning with its stack: a load balancer probing every second filled the log. The first
    /// failure is a warning, /health/ready counts the failures that follow, and the recovery is logged once.
    /// </summary>
    [Fact]
    public async Task A_backlog_drain_that_keeps_failing_is_logged_once_counted_by_ready_and_its_recovery_logged()
    {
        using var app = new WatchLoggedFactory();
        var tag = await new TestContent(app.Writer()).TagAsync($"{Nonce()} name");
        var articles = await ArticlesAsync(app, 2, new() { ["tagIds"] = new[] { tag } });
        using (var connection = app.OpenDatabase())
        {
            connection.Execute("CREATE TRIGGER drain_fails BEFORE DELETE ON search_backlog BEGIN SELECT RAISE(FAIL, 'drain fails'); END");
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", articles.Select(id => new { Id = id }));
        }
        int Warnings() => app.Logs.Count(e => e.Category == typeof(SearchBacklogWatch).FullName && e.Level >= LogLevel.Warning);

        // Each probe asks for a drain; until three have failed (told by ready, or, unthrottled, by three warnings).
        // Drains queued by earlier probes can fail between two probes, so a probe may never see exactly 3.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string description;
        do
        {
            description = (await SearchIndexCheckAsync(app)).Text("description");
        }
        while (FailuresTold(description) < 3 && Warnings() < 3 && DateTime.UtcNow < deadline);

        Assert.Equal(1, Warnings());
        Assert.Contains(app.Logs, e => e.Level == LogLevel.Warning && e.Exception is not null && e.Message.Contains("further failures are logged at debug level", StringComparison.Ordinal));
        Assert.StartsWith("2 articles wait to be reindexed", description, StringComparison.Ordinal);
        Assert.InRange(FailuresTold(description), 3, int.MaxValue);
        Assert.EndsWith(" times in a row (the log has the first failure)", description, StringComparison.Ordinal);

        // Drained elsewhere (another server, `reindex`): the watch finds an empty backlog and says it has recovered.
        using (var connection = app.OpenDatabase())
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("DROP TRIGGER drain_fails", transaction: transaction);
            connection.Execute("DELETE FROM search_backlog", transaction: transaction);
            transaction.Commit();
        }
        bool Recovered() => app.Logs.Any(e => e.Level == LogLevel.Information && e.Message.StartsWith("The search backlog is reindexed again, after ", StringComparison.Ordinal));
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Recovered() && DateTime.UtcNow < deadline)
        {
            Assert.Equal("Healthy", (await SearchIndexCheckAsync(app)).Text("status"));
        }
        Assert.True(Recovered(), "the recovery is logged once the backlog is empty");
        Assert.Equal(1, Warnings());

        // A later failure is a new episode: warned again, once.
        using (var connection = app.OpenDatabase())
        {
            connection.Execute("CREATE TRIGGER drain_fails BEFORE DELETE ON search_backlog BEGIN SELECT RAISE(FAIL, 'drain fails'); END");
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", articles.Select(id => new { Id = id }));
        }
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (Warnings() < 2 && DateTime.UtcNow < deadline)
        {
            await SearchIndexCheckAsync(app);
        }
        Assert.Equal(2, Warnings());
        using (var connection = app.OpenDatabase())
        {
            connection.Execute("DROP TRIGGER drain_fails");
        }
        deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await SearchIndexCheckAsync(app)).Text("status") != "Healthy" && DateTime.UtcNow < deadline)
        {
        }
        Assert.Equal("Healthy", (await SearchIndexCheckAsync(app)).Text("status"));
        Assert.Equal(0, Scalar(app, "SELECT count(*) FROM search_backlog"));
    }

    /// <summary>
    /// Two instances on one database: one renamed an author and stopped (killed, crashed) before reindexing the
    /// articles its rename left in the backlog, which committed with the rename. The other, still serving, drained a
    /// backlog only after its own renames and at its start, so until a restart its searches missed the new name while
    /// /health/ready counted the articles waiting. It now drains what it finds once it sees another process's write.
    /// </summary>
    [Fact]
    public async Task A_backlog_another_instance_left_is_reindexed_by_a_running_one_without_a_restart()
    {
        var (old, @new) = (Nonce(), Nonce());
        var author = await new TestContent(factory.Writer()).AuthorAsync($"{old} name");
        var articles = await ArticlesAsync(factory, 3, new() { ["authorIds"] = new[] { author } });
        Assert.Equal(3, await FoundAsync(factory.Anonymous(), old));

        // The other instance's rename, as it commits: the name, its articles in the backlog, a new content version.
        using (var connection = factory.OpenDatabase())
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("UPDATE authors SET name = @Name, version = version + 1 WHERE id = @Id", new { Name = $"{@new} name", Id = author }, transaction);
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", articles.Select(id => new { Id = id }), transaction);
            connection.Execute("UPDATE content_version SET version = version + 1 WHERE id = 1", transaction: transaction);
            transaction.Commit();
        }

        // Readers learn of the other's write within Database:ContentStateRecheckMilliseconds; the reindexing follows.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await FoundAsync(factory.Anonymous(), @new) != articles.Count || Scalar(factory, "SELECT count(*) FROM search_backlog") != 0)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(0, Scalar(factory, "SELECT count(*) FROM search_backlog"));
        Assert.Equal(articles.Count, await FoundAsync(factory.Anonymous(), @new));
        Assert.Equal(articles.Count, await FoundAsync(factory, @new));
        Assert.Equal(0, await FoundAsync(factory, old));
    }

    /// <summary>
    /// The same, on a server that no read has told of the other's write (its clients all hold keys and read single
    /// resources, or it has no traffic yet): the readiness probes that count the articles waiting set off their drain.
    /// </summary>
    [Fact]
    public async Task A_backlog_another_instance_left_is_reindexed_once_readiness_finds_it()
    {
        var (old, @new) = (Nonce(), Nonce());
        var tag = await new TestContent(factory.Writer()).TagAsync($"{old} name");
        var articles = await ArticlesAsync(factory, 2, new() { ["tagIds"] = new[] { tag } });
        using (var connection = factory.OpenDatabase())
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("UPDATE tags SET name = @Name, version = version + 1 WHERE id = @Id", new { Name = $"{@new} name", Id = tag }, transaction);
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", articles.Select(id => new { Id = id }), transaction);
            connection.Execute("UPDATE content_version SET version = version + 1 WHERE id = 1", transaction: transaction);
            transaction.Commit();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await SearchIndexCheckAsync()).Text("status") != "Healthy" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(0, Scalar(factory, "SELECT count(*) FROM search_backlog"));
        Assert.Equal(articles.Count, await FoundAsync(factory, @new));
    }

    /// <summary>
    /// A stop halfway through a drain leaves the rename committed and its articles in the backlog: the next start
    /// reindexes them, and ids of articles deleted meanwhile (or never there) are dropped without stopping it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_backlog_left_by_a_stop_is_reindexed_once_the_server_has_started(bool withDeletedArticles)
    {
        var path = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        var (old, @new) = (Nonce(), Nonce());
        long author;
        List<long> kept, deleted = [];
        using (var first = new OnDatabaseFile(path))
        {
            author = await new TestContent(first.Writer()).AuthorAsync($"{old} name");
            kept = await ArticlesAsync(first, 5, new() { ["authorIds"] = new[] { author } });
            if (withDeletedArticles)
            {
                deleted = await ArticlesAsync(first, 3, new() { ["authorIds"] = new[] { author } });
                foreach (var id in deleted)
                {
                    (await first.Writer().DeleteAsync($"/api/v1/articles/{id}")).EnsureSuccessStatusCode();
                }
            }
            Assert.Equal(kept.Count, await FoundAsync(first, old));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute("UPDATE authors SET name = @Name WHERE id = @Id", new { Name = $"{@new} name", Id = author });
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", kept.Concat(deleted).Select(id => new { Id = id }));
            if (withDeletedArticles)
            {
                connection.Execute("INSERT INTO search_backlog (article_id) VALUES (@Id)", new { Id = long.MaxValue });
            }
        }

        using var second = new OnDatabaseFile(path);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await FoundAsync(second, @new) != kept.Count || Scalar(second, "SELECT count(*) FROM search_backlog") != 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, Scalar(second, "SELECT count(*) FROM search_backlog"));
        Assert.Equal(kept.Count, await FoundAsync(second, @new));
        Assert.Equal(0, await FoundAsync(second, old));
    }

    private sealed record Renamed(bool Changed) : IWriteResult;

    /// <summary>Keeps what is logged at warning level and above.</summary>
    private sealed class KeptWarnings : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Enqueue((logLevel, formatter(state, exception), exception));
            }
        }
    }

    /// <summary>
    /// A stop while a rename's drain waits for the writer (busy with a long write; another process's lock does the
    /// same) is no failure: the batch, tried again once its wait is over, finds the Db closed (DatabaseClosedException,
    /// an ObjectDisposedException, not a cancellation), which was logged as a warning that it "failed; it is tried
    /// again shortly". The backlog simply waits for the next start.
    /// </summary>
    [Fact]
    public async Task A_stop_while_a_renames_drain_waits_for_the_writer_logs_no_failure_and_leaves_the_backlog_for_the_next_start()
    {
        var path = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        using (var migrated = new OnDatabaseFile(path))
        {
            _ = migrated.Services; // makes and migrates the file
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute("INSERT INTO search_backlog (article_id) VALUES (1), (2)");
        }
        // The stop below comes well within the batch's wait for the writer (WriteQueueTimeoutSeconds); the rename waits
        // for its drain to end, however it ends.
        var options = new DatabaseOptions { WriteQueueTimeoutSeconds = 5, RenameReindexWaitSeconds = 600 };
        var db = new Db(SqliteDialect.BuildConnectionString($"Data Source={path}", Path.GetDirectoryName(path)!, options), Options.Create(options), TimeProvider.System);
        var log = new KeptWarnings();

        var holder = await WriterHeld.StartAsync(db);
        // The rename has committed; its drain's first batch queues behind the held write.
        var rename = Task.FromResult(new Renamed(true)).ThenDrainAsync(db, log);
        await WriterHeld.UntilQueuedAsync(db, 1);
        // The server stops: the Db closes (it waits for the writer, so on another thread) while the batch waits.
        var stopping = Task.Run(db.Dispose);
        await rename; // the batch's wait ends, and it is tried again on the closed Db
        await holder.DisposeAsync();
        await stopping;

        Assert.Empty(log.Entries);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM search_backlog"));
        }
    }

    /// <summary>
    /// Two articles in the backlog with the writer held, so that no drain takes them until it is released. The watch's
    /// first drain runs once the host has started, which may be after the rows are written and before the writer is
    /// held: it then took them, and they are written again (the held writer lets nothing else drain meanwhile).
    /// </summary>
    private static async Task<WriterHeld> BacklogWaitingBehindTheHeldWriterAsync(ApiFactory app, Db db)
    {
        for (var attempt = 1; ; attempt++)
        {
            using (var connection = app.OpenDatabase())
            {
                connection.Execute("INSERT OR IGNORE INTO search_backlog (article_id) VALUES (1), (2)");
            }
            // Counted in the hold's own transaction: a drain batch queued just before the hold shares it and has
            // already taken the backlog there, uncommitted, where another connection still counts 2; the drain then
            // never queued again, and the test waited in vain for its write.
            var backlogSeenByTheHold = 0L;
            var holder = await WriterHeld.StartAsync(db, async (connection, transaction) =>
                backlogSeenByTheHold = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM search_backlog", transaction: transaction)));
            if (backlogSeenByTheHold == 2)
            {
                return holder;
            }
            await holder.DisposeAsync();
            Assert.True(attempt < 5, "a drain took the backlog each time before the writer was held");
        }
    }

    /// <summary>The app on a database file of the test's (which outlives it), keeping its log.</summary>
    private sealed class LoggedOnDatabaseFile(string databasePath) : LoggedApiFactory
    {
        public override string DatabasePath => databasePath;
    }

    /// <summary>
    /// A stop while the backlog's watch waits for a busy writer (a long write; another process's lock does the same)
    /// ends the wait: the batch is not written yet, and the backlog waits for the next start. The watch went on trying
    /// it (five times, each as long as the writer's queue or the database's lock allows) with the stop waiting, and once
    /// they had all failed, the DatabaseBusyException ended the background service as a failure.
    /// </summary>
    [Fact]
    public async Task A_stop_while_the_backlog_watch_waits_for_a_busy_writer_ends_its_wait_and_logs_no_failure()
    {
        var path = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        var app = new LoggedOnDatabaseFile(path);
        var db = app.Services.GetRequiredService<Db>();
        var holder = await BacklogWaitingBehindTheHeldWriterAsync(app, db);
        app.Services.GetRequiredService<SearchBacklogWatch>().Nudge();
        await WriterHeld.UntilQueuedAsync(db, 1);

        // The writer stays held until the host has stopped (its Db waits for the writer as long as a queued write may).
        await Task.Run(app.Dispose);
        await holder.DisposeAsync();

        // The database's creation at start is told as a warning (a mistyped path); the stop's failures would be others.
        Assert.DoesNotContain(app.Logs, e => e.Level >= LogLevel.Warning && !e.Message.StartsWith("There was no database at", StringComparison.Ordinal));
        using var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        database.Open();
        Assert.Equal(2, database.ExecuteScalar<long>("SELECT count(*) FROM search_backlog"));
    }
}
