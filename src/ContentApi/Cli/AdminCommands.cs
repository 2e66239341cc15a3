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

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var root = new RootCommand("ContentApi: run with no command to serve the API, or give a command.")
        {
            KeysCommands.Create(output),
            MaintenanceCommands.Migrate(output),
            MaintenanceCommands.Reindex(output),
            BackupCommands.Backup(output),
            BackupCommands.Restore(output),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
