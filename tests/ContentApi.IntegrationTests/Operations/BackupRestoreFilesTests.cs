using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Backup and restore work on exactly the files they are named, and leave none of them open. Paths were pasted into
/// connection strings: a ';' in one crashed backup, and a path that reads as keywords made restore check and copy
/// another file than the one named. A restore's staged copy stayed open after it was deleted.
/// </summary>
public sealed class BackupRestoreFilesTests
{
    [Fact]
    public async Task Backup_to_a_path_holding_a_semicolon_writes_that_file()
    {
        var folder = CommandRunner.TempDirectory();
        var database = await TagSnapshots.DatabaseWithTagAsync(folder, "Backed up");
        var target = Path.Combine(folder, "nightly;Mode=Memory.db");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "backup", target);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["Backed up"], await TagSnapshots.TagsAsync(target));
    }

    /// <summary>
    /// The snapshot was written beside its file as "NAME.partial-1a2b3c4d", which a name near the file system's 255 bytes
    /// had no room for: a valid path failed, with an error naming a file the operator never gave.
    /// </summary>
    [Fact]
    public async Task Backup_to_a_file_whose_name_is_near_the_longest_allowed_writes_that_file_and_nothing_beside_it()
    {
        var folder = CommandRunner.TempDirectory();
        var database = await TagSnapshots.DatabaseWithTagAsync(folder, "Long");
        var snapshots = Path.Combine(folder, "snapshots");
        var target = Path.Combine(snapshots, new string('n', 250) + ".db");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "backup", target);

        Assert.True(exitCode == 0, output);
        Assert.Equal([target], Directory.GetFileSystemEntries(snapshots));
        Assert.Equal(["Long"], await TagSnapshots.TagsAsync(target));
    }

    [Theory]
    [InlineData("nightly;2026.db")]
    // Pasted into "Data Source=...;Mode=ReadOnly", this path named {folder}/plain.db: the second Data Source won.
    [InlineData("d;Data Source={folder}/plain.db")]
    public async Task Restore_restores_the_file_named_whatever_its_path_holds(string name)
    {
        var folder = CommandRunner.TempDirectory();
        var named = Path.Combine(folder, name.Replace("{folder}", folder, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(named)!);
        File.Copy(await TagSnapshots.SnapshotWithTagAsync("Named"), named);
        File.Copy(await TagSnapshots.SnapshotWithTagAsync("Other"), Path.Combine(folder, "plain.db"));
        var database = await TagSnapshots.DatabaseWithTagAsync(folder, "Replaced");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", named);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["Named"], await TagSnapshots.TagsAsync(database));
    }

    [Fact]
    public async Task Restoring_an_older_snapshot_leaves_no_file_of_its_staged_copy_open()
    {
        var snapshot = await TagSnapshots.SnapshotWithTagAsync("Older");
        await using (var connection = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            // As a build before migration 0013 wrote it: the restore migrates its staged copy.
            await connection.ExecuteAsync("DROP TABLE last_restore; DELETE FROM schema_migrations WHERE version >= 13");
        }
        var folder = CommandRunner.TempDirectory();
        var database = await TagSnapshots.DatabaseWithTagAsync(folder, "Replaced");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Equal(["Older"], await TagSnapshots.TagsAsync(database));
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
