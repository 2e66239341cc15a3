using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>What backup and restore leave open: a restore migrated its staged copy through pooled connections that stayed open after the copy was deleted.</summary>
public sealed class BackupRestoreFilesTests
{
    [Fact]
    public async Task Restoring_an_older_snapshot_leaves_no_file_of_its_staged_copy_open()
    {
        var folder = CommandRunner.TempDirectory();
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var snapshot = Path.Combine(folder, "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            // As a build before migration 0013 wrote it: the restore migrates its staged copy.
            await connection.ExecuteAsync("DROP TABLE last_restore; DELETE FROM schema_migrations WHERE version = 13");
        }

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Empty(Directory.GetFiles(folder, "content.db.restoring-*"));
        Assert.Empty(OpenFilesStartingWith(database + ".restoring-"));
    }

    /// <summary>The files this process holds open whose path starts with <paramref name="prefix"/> (a deleted one's too).</summary>
    private static List<string> OpenFilesStartingWith(string prefix) =>
        [.. Directory.GetFiles("/proc/self/fd").Select(LinkTarget).OfType<string>().Where(target => target.StartsWith(prefix, StringComparison.Ordinal))];

    private static string? LinkTarget(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed since it was listed
        }
    }
}
