using System.CommandLine;

namespace ContentApi.Cli;

/// <summary>
/// The app is its own admin tool: <c>ContentApi COMMAND ...</c> runs a command against the configured
/// database and exits; with no command the app serves.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["keys", "migrate", "reindex", "backup", "restore", "export", "import", "seed"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Contains(args[0]) || args[0] is "--help" or "-h" or "-?");

    /// <param name="configure">Extra configuration applied to the app the commands run on (used by tests).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, Action<WebApplicationBuilder>? configure = null)
    {
        output ??= Console.Out;
        var root = new RootCommand("ContentApi: run with no command to serve the API, or give a command.")
        {
            KeysCommands.Create(output, configure),
            MaintenanceCommands.Migrate(output, configure),
            MaintenanceCommands.Reindex(output, configure),
            BackupCommands.Backup(output, configure),
            BackupCommands.Restore(output, configure),
            SeedCommand.Create(output, configure),
            TransferCommands.Export(output, configure),
            TransferCommands.Import(output, configure),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
