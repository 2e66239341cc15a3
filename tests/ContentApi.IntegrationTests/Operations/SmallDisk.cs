using System.Diagnostics;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>A tmpfs mounted for one test, standing in for a full or read-only disk (tests marked <see cref="MountFactAttribute"/>).</summary>
internal sealed class SmallDisk : IDisposable
{
    public string Folder { get; } = CommandRunner.TempDirectory();

    /// <param name="options">tmpfs's: "size=64k", "ro".</param>
    public SmallDisk(string options) => Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", Folder);

    public void Dispose() => Run("umount", Folder);

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {error}");
    }
}
