using System.Diagnostics;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// (storage fault review) A server started on a readable database whose disk is full said "cannot be read: SQLite Error
/// 10: 'disk I/O error'": what failed was making the -shm beside it, and what to do (free space) went unsaid.
/// </summary>
public sealed class StartOnFullDiskTests
{
    [MountFact]
    public async Task A_server_started_on_a_full_disk_says_in_one_line_that_the_disk_is_full()
    {
        var migrated = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(migrated, ["migrate"])).ExitCode);
        var disk = CommandRunner.TempDirectory();
        Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk);
        try
        {
            var database = Path.Combine(disk, "content.db");
            File.Copy(migrated, database);
            Fill(Path.Combine(disk, "filler"));

            var refused = await AppProcess.ServeAsync(database);

            Assert.True(refused.ExitCode == 1, refused.ToString());
            var line = Assert.Single(refused.ErrorLines);
            Assert.Contains(database, line, StringComparison.Ordinal);
            Assert.Contains("disk is full", line, StringComparison.Ordinal);
            Assert.Contains("Free space on it", line, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot be read", line, StringComparison.Ordinal);
        }
        finally
        {
            Run("umount", disk);
        }
    }

    /// <summary>Writes <paramref name="path"/> until its disk has no space left.</summary>
    private static void Fill(string path)
    {
        // Unbuffered: what did not fit is not written again when the file is closed.
        using var filler = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
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
