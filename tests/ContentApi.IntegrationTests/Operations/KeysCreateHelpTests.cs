namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// `keys create --help` said the admin scope manages keys, while no route manages keys (the `keys` command does) and
/// admin may what write may: an operator would hand out admin keys for a key API there is not (README audit).
/// </summary>
public sealed class KeysCreateHelpTests
{
    [Fact]
    public async Task The_scope_help_says_admin_may_what_write_may()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["keys", "create", "--help"]);

        Assert.True(outcome.ExitCode == 0 && outcome.Error == "", outcome.ToString());
        Assert.Contains("admin (what write may; keys are managed with this command, not through the API)", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("manage keys", outcome.Output, StringComparison.Ordinal);
    }
}
