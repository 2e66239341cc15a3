namespace ContentApi.IntegrationTests.Operations;

/// <summary>The commands speak English on any server: System.CommandLine's own messages followed the locale.</summary>
public sealed class CommandLanguageTests
{
    [Fact]
    public async Task Command_line_messages_are_English_under_a_German_locale()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["keys", "create", "--name", "ci"], environment: new Dictionary<string, string>
        {
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "de_DE.UTF-8",
        });

        Assert.Contains("Option '--scope' is required.", outcome.Error + outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nutzung", outcome.Error + outcome.Output, StringComparison.Ordinal);
    }

    /// <summary>Numbers in messages followed the locale too: "in 0,4 s", and "4.194.305 bytes" in import's refusals (code review).</summary>
    [Fact]
    public async Task Command_output_writes_numbers_as_in_English_under_a_German_locale()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["seed", "--articles", "1"], environment: new Dictionary<string, string>
        {
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "de_DE.UTF-8",
        });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"in \d+\.\d s\.", outcome.Output);
    }

    /// <summary>The command's whole help came first, and the line saying what was wrong last, under it (found by an operator).</summary>
    [Theory]
    [InlineData("owner", "", "Argument 'owner' not recognized.")]
    // A stray word put an empty line on stdout, where the key goes (review).
    [InlineData("write", "extra", "Unrecognized command or argument 'extra'.")]
    public async Task A_command_given_wrong_arguments_says_what_is_wrong_and_where_its_help_is_not_the_help_itself(string scope, string extra, string error)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["keys", "create", "--name", "ci", "--scope", scope, .. extra.Length > 0 ? new[] { extra } : []]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(outcome.Output);
        Assert.Contains(error, outcome.Error, StringComparison.Ordinal);
        Assert.EndsWith("See 'ContentApi keys create --help'.", outcome.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a refused command touches no database");
    }
}
