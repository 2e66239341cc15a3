using System.Diagnostics;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A file-size limit (ulimit -f, systemd's LimitFSIZE) killed the process with SIGXFSZ the moment a file it wrote
/// reached it, saying nothing: a server when its WAL grew to the limit, a backup when its snapshot did (write-path fault
/// review). Ignored, the signal leaves the write failing, which the app answers like any write that fails.
/// </summary>
public sealed class FileSizeLimitTests
{
    [Fact]
    public async Task A_backup_past_the_file_size_limit_fails_in_one_line_and_leaves_nothing_instead_of_the_process_being_killed()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("ulimit -f is tested on Unix");
        }
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        var folder = CommandRunner.TempDirectory();
        var target = Path.Combine(folder, "snapshot.db");
        // The migrated database is some 260 KB: its snapshot cannot fit in 64 KB; the -shm (32 KB) can.
        var start = AppProcess.StartInfo(database, ["backup", target], new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });
        start.ArgumentList.Insert(0, start.FileName);
        foreach (var wrapper in new[] { "sh", "-c", "ulimit -f 64 && exec \"$@\"", "sh" }.Reverse())
        {
            start.ArgumentList.Insert(0, wrapper);
        }
        start.FileName = start.ArgumentList[0];
        start.ArgumentList.RemoveAt(0);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode} (153: killed by SIGXFSZ): {await error}");
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Cannot write the snapshot to {target}:", line, StringComparison.Ordinal);
        Assert.Contains("file-size limit", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
