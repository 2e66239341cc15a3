using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Restore took a snapshot's schema as it found it, where import checks an export's values: a snapshot given by someone
/// else (a "backup" sent to an operator, a file swapped in a backup folder) could carry a trigger, which then ran on every
/// write the server made (renaming each new tag, adding its maker's key), or a view standing where a table is read. A
/// snapshot holding what ContentApi's migrations do not make is refused in one line that names it, and the database is
/// left as it was.
/// </summary>
public sealed class RestoredSchemaTests
{
    [Theory]
    [InlineData("CREATE TRIGGER tags_renamed AFTER INSERT ON tags BEGIN UPDATE tags SET name = 'pwned' WHERE id = new.id; END;",
        "has a trigger 'tags_renamed' that ContentApi's migrations do not create")]
    [InlineData("CREATE VIEW every_key AS SELECT * FROM api_keys;", "has a view 'every_key' that ContentApi's migrations do not create")]
    [InlineData("""
        DROP TRIGGER tags_published_count_kept;
        CREATE TRIGGER tags_published_count_kept AFTER INSERT ON tags BEGIN UPDATE tags SET name = 'pwned' WHERE id = new.id; END;
        """, "has the trigger 'tags_published_count_kept' rewritten")]
    [InlineData("DROP INDEX ix_articles_cover;", "lacks the index 'ix_articles_cover' that ContentApi's migrations make")]
    // Its name printed as it was cleared the operator's terminal (ESC [2J) in the line refusing it.
    [InlineData("CREATE TRIGGER \"t\u001B[2J\" AFTER INSERT ON tags BEGIN SELECT 1; END;",
        "has a trigger 't\\u001B[2J' that ContentApi's migrations do not create")]
    public async Task A_snapshot_with_what_the_migrations_do_not_make_is_refused_and_the_database_left_as_it_was(string tampering, string refusal)
    {
        var snapshot = await TagSnapshots.SnapshotWithTagAsync("From the snapshot");
        await using (var connection = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            await connection.ExecuteAsync(tampering);
        }
        var database = await TagSnapshots.DatabaseWithTagAsync(CommandRunner.TempDirectory(), "Replaced");

        var outcome = await AppProcess.RunAsync(database, ["restore", snapshot]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"{snapshot} {refusal}", line, StringComparison.Ordinal);
        Assert.EndsWith("; the database was left as it was.", line, StringComparison.Ordinal);
        Assert.Equal(["Replaced"], await TagSnapshots.TagsAsync(database));
        // The staged copy, and the schema it was compared with, are gone.
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(database)!), file => file.Contains(".restoring-", StringComparison.Ordinal));
    }

    /// <summary>One of an older schema still restores: the migrations make what it lacks, in the copy.</summary>
    [Fact]
    public async Task A_snapshot_of_an_older_schema_is_still_restored()
    {
        var snapshot = await TagSnapshots.SnapshotWithTagAsync("Older");
        await using (var connection = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            await connection.ExecuteAsync("DROP INDEX ix_images_url; DELETE FROM schema_migrations WHERE version >= 20;");
        }
        var database = await TagSnapshots.DatabaseWithTagAsync(CommandRunner.TempDirectory(), "Replaced");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["Older"], await TagSnapshots.TagsAsync(database));
    }
}
