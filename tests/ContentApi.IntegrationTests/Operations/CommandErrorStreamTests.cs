namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// What went wrong goes to stderr (operations review): probe's "not ready: …" was printed on stdout, and an unknown
/// command got "Required command was not provided." (no command means serve) and the whole help on stdout.
/// </summary>
public sealed class CommandErrorStreamTests
{
    [Theory]
    [InlineData("notaurl")]
    [InlineData("http://127.0.0.1:5999/health/ready")]
    public async Task Probe_says_not_ready_on_stderr(string url)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["probe", "--url", url, "--timeout", "2"]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.True(outcome.Output == "" && outcome.ErrorLines is [var line] && line.StartsWith("not ready:", StringComparison.Ordinal), outcome.ToString());
    }

    [Fact]
    public async Task An_unknown_command_is_named_on_stderr_without_the_help()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["frobnicate"]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.True(outcome.Output == "", outcome.ToString());
        Assert.Contains("unknown command 'frobnicate'", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a refused command touches no database");
    }
}
