using System.Diagnostics;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A backup to a full disk exited 1 with SQLite's raw "error: SQLite: SQLite Error 13: 'database or disk is full'.",
/// naming neither the path nor what to do (write-path fault review).
/// </summary>
public sealed class BackupToFullDiskTests
{
    [Fact]
    public async Task Backup_to_a_full_disk_names_the_target_says_what_to_do_and_leaves_nothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("a small tmpfs stands in for the full disk on Linux");
        }
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        var disk = CommandRunner.TempDirectory();
        // The migrated database is some 260 KB: its snapshot cannot fit in 64 KB.
        Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk);
        try
        {
            var target = Path.Combine(disk, "snapshot.db");

            var outcome = await AppProcess.RunAsync(database, ["backup", target]);

            Assert.Equal(1, outcome.ExitCode);
            var line = Assert.Single(outcome.ErrorLines);
            Assert.Equal($"Cannot write the snapshot to {target}: its disk is full (free space on it, or choose a path on another disk); nothing was written to {target}.", line);
            Assert.Empty(Directory.GetFileSystemEntries(disk));
        }
        finally
        {
            Run("umount", disk);
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {error} (the test needs root)");
    }
}
