namespace ContentApi.IntegrationTests.Operations;

/// <summary>The commands speak English on any server: System.CommandLine's own messages followed the locale.</summary>
public sealed class CommandLanguageTests
{
    [Fact]
    public async Task Command_line_messages_are_English_under_a_German_locale()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");

        var outcome = await AppProcess.RunAsync(database, ["keys"], environment: new Dictionary<string, string>
        {
            ["LANG"] = "de_DE.UTF-8",
            ["LC_ALL"] = "de_DE.UTF-8",
        });

        Assert.Contains("Required command was not provided.", outcome.Error + outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nutzung", outcome.Error + outcome.Output, StringComparison.Ordinal);
    }
}
