namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A disk that refuses a command's writes is told in the command's words, naming the path the operator gave and what
/// to do, and leaves nothing behind (data-lifecycle review): .NET's and SQLite's own words named a temporary file
/// (<c>error: Read-only file system : '/ro/backup-e2540aeb.partial'</c>) or no file at all (<c>SQLite Error 13</c>).
/// </summary>
public sealed class DiskRefusalWordingTests
{
    [MountFact]
    public async Task Backup_to_a_read_only_disk_names_the_target_and_leaves_nothing()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        using var disk = new SmallDisk("ro,size=64k");
        var target = Path.Combine(disk.Folder, "b.db");

        var outcome = await AppProcess.RunAsync(database, ["backup", target]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(
            $"Cannot write the snapshot to {target}: its disk is read-only (remount it writable, or choose a path on another disk); nothing was written to {target}.",
            Assert.Single(outcome.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(disk.Folder));
    }

    [MountFact]
    public async Task Export_to_a_full_disk_names_the_folder_and_leaves_nothing()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "40")).ExitCode);
        using var disk = new SmallDisk("size=16k");
        var folder = Path.Combine(disk.Folder, "e");

        var outcome = await AppProcess.RunAsync(database, ["export", folder]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(
            $"Cannot write the export to {folder}: its disk is full (free space on it, or choose a path on another disk); nothing was written to {folder}.",
            Assert.Single(outcome.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(disk.Folder));
    }

    /// <summary>README: a restore needs room for one more copy of the snapshot beside the database.</summary>
    [MountFact]
    public async Task Restore_onto_a_full_disk_names_the_database_says_what_to_do_and_leaves_no_copy()
    {
        var folder = CommandRunner.TempDirectory();
        var source = Path.Combine(folder, "content.db");
        var snapshot = Path.Combine(folder, "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(source, "migrate")).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(source, "backup", snapshot)).ExitCode);
        // The migrated database's snapshot is some 260 KB: its copy cannot fit in 64 KB.
        using var disk = new SmallDisk("size=64k");
        var database = Path.Combine(disk.Folder, "content.db");

        var outcome = await AppProcess.RunAsync(database, ["restore", snapshot]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(
            $"Cannot restore {snapshot} into {database}: its disk is full (a restore needs room beside the database for one more copy of the snapshot: free space on it); the database was left as it was.",
            Assert.Single(outcome.ErrorLines));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(disk.Folder), entry => entry.Contains(".restoring-", StringComparison.Ordinal));
    }
}
