namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A command group given an unknown subcommand, or none, printed "Required command was not provided." and the group's
/// help on stdout, as an unknown command once did (operations review).
/// </summary>
public sealed class UnknownSubcommandTests
{
    [Theory]
    [InlineData("unknown command 'keys frob'", new[] { "keys", "frob" })]
    [InlineData("missing command: 'keys' needs one of", new[] { "keys" })]
    public async Task An_unknown_or_missing_subcommand_is_named_on_stderr_with_the_groups_commands(string error, string[] arguments)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, arguments);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.True(outcome.Output == "", outcome.ToString());
        Assert.Contains(error, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("create, list, revoke", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a refused command touches no database");
    }

    [Fact]
    public async Task A_groups_help_stays_on_stdout()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["keys", "--help"]);

        Assert.True(outcome.ExitCode == 0 && outcome.Error == "", outcome.ToString());
        Assert.Contains("create", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("revoke", outcome.Output, StringComparison.Ordinal);
    }
}
