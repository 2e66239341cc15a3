using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Disposing the app's Db stops its writer. It once ran for the life of the process: a write made after the host had
/// stopped (and released the server lock restore looks for) was still committed, and every host left a thread behind.
/// </summary>
public sealed class WriterStopTests
{
    /// <summary>The app on a file that outlives it, whose queued writes wait long enough for the test to stop it.</summary>
    private sealed class KeptFileFactory(string databasePath) : ApiFactory
    {
        public override string DatabasePath => databasePath;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:WriteQueueTimeoutSeconds"] = "30" };
    }

    private const string InsertTag = """
        INSERT INTO tags (id, slug, name, created_at, updated_at, version)
        VALUES ((SELECT last_id + 1 FROM id_high_water WHERE name = 'tags'), @Slug, @Slug, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1)
        """;

    private static Task<int> CreateTagAsync(Db db, string slug) =>
        db.WriteAsync((connection, transaction) => connection.ExecuteAsync(InsertTag, new { Slug = slug }, transaction), CancellationToken.None);

    [Fact]
    public async Task Disposing_the_app_ends_its_writer_thread_and_refuses_later_writes()
    {
        var path = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        var factory = new KeptFileFactory(path);
        var db = factory.Services.GetRequiredService<Db>();
        Thread? writer = null;
        await db.WriteAsync((_, _) => Task.FromResult(writer = Thread.CurrentThread), CancellationToken.None, changesContent: false);

        factory.Dispose();

        // The host may be disposed on the app's own thread (its RunAsync ending), a moment after the factory returns.
        Assert.True(writer!.Join(TimeSpan.FromSeconds(20)), "the writer thread outlived its app");
        await Assert.ThrowsAsync<DatabaseClosedException>(() => CreateTagAsync(db, "after-the-stop"));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tags"));
    }

    [Fact]
    public async Task Disposing_the_database_commits_the_writes_already_queued_before_it_returns()
    {
        using var factory = new KeptFileFactory(Path.Combine(CommandRunner.TempDirectory(), "content.db"));
        var db = factory.Services.GetRequiredService<Db>();
        var held = await WriterHeld.StartAsync(db);
        var queued = CreateTagAsync(db, "queued-before-the-stop");

        var disposing = Task.Run(db.Dispose);
        await UntilWritesAreRefusedAsync(db);

        Assert.False(disposing.IsCompleted, "disposing waits for the writes already queued");
        await held.DisposeAsync();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await queued);
        using var connection = factory.OpenDatabase();
        Assert.Equal(["queued-before-the-stop"], await connection.QueryAsync<string>("SELECT slug FROM tags"));
    }

    /// <summary>Until disposing has closed the queue: a write then fails at once (one queued before that changes nothing).</summary>
    private static async Task UntilWritesAreRefusedAsync(Db db)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!db.WriteAsync((_, _) => Task.FromResult(0), CancellationToken.None, changesContent: false).IsFaulted)
        {
            Assert.True(DateTime.UtcNow < deadline, "disposing never closed the writer's queue");
            await Task.Delay(10);
        }
    }
}
