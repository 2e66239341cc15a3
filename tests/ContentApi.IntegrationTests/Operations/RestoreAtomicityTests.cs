using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A restore replaces the database in one transaction with everything it promises: the snapshot's content, brought to
/// this schema, with the replaced database's highest ids and a content version past both. These were written after the
/// swap, so a crash or a second Ctrl+C in between (0.3-0.7 s for an older snapshot's migration) left ids to be given
/// again (found by a probe of the stop handling).
/// </summary>
public sealed class RestoreAtomicityTests
{
    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task No_reader_ever_sees_the_restored_content_without_the_ids_and_version_of_the_database_it_replaced()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await ExecuteAsync(database, "INSERT INTO tags (slug, name, created_at, updated_at) VALUES ('a', 'A', 'x', 'x'), ('b', 'B', 'x', 'x'), ('c', 'C', 'x', 'x')");
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        // As a build before migration 0009 wrote it: the restore has to migrate it.
        await ExecuteAsync(snapshot, """
            DROP TRIGGER articles_id_high_water; DROP TRIGGER authors_id_high_water; DROP TRIGGER tags_id_high_water;
            DROP TRIGGER images_id_high_water; DROP TABLE id_high_water; DROP TABLE search_analysis; DROP INDEX ix_articles_private_order;
            DROP INDEX ix_articles_status_order; DELETE FROM schema_migrations WHERE version >= 9;
            """);
        await ExecuteAsync(database, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
            INSERT INTO tags (slug, name, created_at, updated_at) SELECT 'later-' || i, 'Later ' || i, 'x', 'x' FROM n;
            UPDATE content_version SET version = 40;
            """);

        var seen = new List<string>();
        var restored = false;
        var watcher = new Thread(() =>
        {
            using var reader = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
            reader.Open();
            while (!Volatile.Read(ref restored))
            {
                try
                {
                    var (tags, lastId, version) = reader.QuerySingle<(long, long, long)>(
                        "SELECT (SELECT count(*) FROM tags), (SELECT last_id FROM id_high_water WHERE name = 'tags'), (SELECT version FROM content_version)");
                    if (tags == 3 && (lastId < 53 || version <= 40))
                    {
                        seen.Add($"3 tags with high-water {lastId} and version {version}");
                    }
                }
                catch (SqliteException exception)
                {
                    seen.Add(exception.Message); // the snapshot's schema, seen before its migration
                }
            }
        });
        watcher.Start();
        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot, "--force");
        Volatile.Write(ref restored, true);
        watcher.Join();

        Assert.True(exitCode == 0, output);
        Assert.Empty(seen);
        await using var after = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal((3L, 53L), await after.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM tags), (SELECT last_id FROM id_high_water WHERE name = 'tags')"));
        Assert.True(await after.ExecuteScalarAsync<long>("SELECT version FROM content_version") > 40);
    }
}
