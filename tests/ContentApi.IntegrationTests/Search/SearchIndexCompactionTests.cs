using ContentApi.Data;
using ContentApi.Search;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Search;

/// <summary>Reindexing and the compaction after a bulk load (seed, reindex) run in steps while a server keeps writing.</summary>
public sealed class SearchIndexCompactionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Compaction_finishes_while_writes_keep_changing_the_index()
    {
        var db = factory.Services.GetRequiredService<Db>();
        var random = new Random(3);
        var words = Enumerable.Range(0, 5_000).Select(i => $"w{i}x").ToArray();
        await using (var load = factory.OpenDatabase())
        {
            // 20,000 documents in 1,000 transactions: many segments and several merge steps' worth of index.
            await load.OpenAsync();
            for (var batch = 0; batch < 1_000; batch++)
            {
                await using var transaction = load.BeginTransaction();
                for (var i = 0; i < 20; i++)
                {
                    await using var insert = load.CreateCommand();
                    insert.CommandText = "INSERT INTO articles_fts (rowid, body) VALUES ($id, $body)";
                    insert.Parameters.AddWithValue("$id", 1_000_000 + batch * 20 + i);
                    insert.Parameters.AddWithValue("$body", string.Join(' ', Enumerable.Range(0, 200).Select(_ => words[random.Next(words.Length)])));
                    await insert.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
            }
        }

        // Writes between the steps (through the same writer, so that they do land between them), as a server's would:
        // each adds a segment and a tombstone. A few between two steps: with this test's server holding the database,
        // compaction pauses after each step to let them in (ServerLock.LetServerWriteAsync).
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = 1_000_000 + n % 20_000;
                await db.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                    $"DELETE FROM articles_fts WHERE rowid = {id}; INSERT INTO articles_fts (rowid, body) VALUES ({id}, 'changed {n}')", transaction: transaction),
                    CancellationToken.None, changesContent: false);
                await Task.Delay(25);
            }
        });
        var compaction = SearchIndex.OptimizeAsync(db, CancellationToken.None);
        var finished = await Task.WhenAny(compaction, Task.Delay(TimeSpan.FromMinutes(5)));
        await stop.CancelAsync();
        await writes;
        Assert.True(finished == compaction, "compaction did not finish while the index kept changing");
        await compaction;

        await using var connection = factory.OpenDatabase();
        await connection.OpenAsync();
        await using var segments = connection.CreateCommand();
        segments.CommandText = "SELECT count(DISTINCT segid) FROM articles_fts_idx";
        Assert.InRange((long)(await segments.ExecuteScalarAsync())!, 1, 8);
    }

    [Fact]
    public async Task A_step_that_finds_the_database_locked_past_the_busy_timeout_is_tried_again()
    {
        var db = factory.Services.GetRequiredService<Db>();
        await using (var load = factory.OpenDatabase())
        {
            await load.OpenAsync();
            for (var i = 0; i < 20; i++)
            {
                await using var insert = load.CreateCommand();
                insert.CommandText = $"INSERT INTO articles_fts (rowid, body) VALUES ({2_000_000 + i}, 'locked step {i}')";
                await insert.ExecuteNonQueryAsync();
            }
        }
        // Another process holds the write lock for longer than the busy timeout (2 s) when compaction starts.
        await using var holder = factory.OpenDatabase();
        await holder.OpenAsync();
        await holder.ExecuteAsync("BEGIN IMMEDIATE");
        var compaction = SearchIndex.OptimizeAsync(db, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await holder.ExecuteAsync("COMMIT");

        await compaction;
        Assert.Equal(1L, await holder.ExecuteScalarAsync<long>("SELECT count(DISTINCT segid) FROM articles_fts_idx"));
    }

    [Fact]
    public async Task Reindexing_waits_out_a_write_lock_held_past_the_busy_timeout()
    {
        var db = factory.Services.GetRequiredService<Db>();
        var article = await new TestContent(factory.Writer()).ArticleAsync(new Dictionary<string, object?> { ["title"] = "qzlockedreindex" });
        var id = article["id"]!.GetValue<long>();
        await using (var drift = factory.OpenDatabase())
        {
            // An index behind its tables: the article's entry lost.
            await drift.OpenAsync();
            await drift.ExecuteAsync("DELETE FROM articles_fts WHERE rowid = @Id", new { Id = id });
        }
        // Another process holds the write lock for longer than the busy timeout (2 s) when the first batch is written.
        await using var holder = factory.OpenDatabase();
        await holder.OpenAsync();
        await holder.ExecuteAsync("BEGIN IMMEDIATE");
        var reindex = SearchIndexRebuild.ReindexAsync(db, [id], clearFirst: false, _ => { }, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await holder.ExecuteAsync("COMMIT");

        await reindex;
        Assert.Equal(id, await holder.ExecuteScalarAsync<long>("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'qzlockedreindex'"));
    }
}
