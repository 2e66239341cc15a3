using System.CommandLine;
using ContentApi.Auth;
using ContentApi.Data;

namespace ContentApi.Cli;

/// <summary>
/// The app is its own admin tool: <c>ContentApi COMMAND ...</c> runs a command against the configured
/// database and exits; with no command the app serves.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["keys", "migrate"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Contains(args[0]) || args[0] is "--help" or "-h" or "-?");

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var root = new RootCommand("ContentApi: run with no command to serve the API, or give a command.");
        root.Subcommands.Add(KeysCommand(output));
        root.Subcommands.Add(MigrateCommand(output));
        return await root.Parse(args).InvokeAsync();
    }

    private static Command MigrateCommand(TextWriter output)
    {
        var command = new Command("migrate", "Apply pending schema migrations and print the schema version.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = CommandHost.Build();
            var version = await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
            await output.WriteLineAsync($"schema version {version}");
            return 0;
        });
        return command;
    }

    private static Command KeysCommand(TextWriter output)
    {
        var keys = new Command("keys", "Manage API keys.");

        var name = new Option<string>("--name") { Description = "A unique name for the key, such as the client it is for.", Required = true };
        var scope = new Option<string>("--scope") { Description = "read (see drafts), write (change content) or admin (manage keys).", Required = true };
        scope.AcceptOnlyFromAmong("read", "write", "admin");
        var create = new Command("create", "Create a key and print it once, as the last line of output.") { name, scope };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CommandHost.StartMigratedAsync(cancellationToken);
            ApiKeyScopes.TryParse(parse.GetValue(scope), out var keyScope);
            var store = app.Services.GetRequiredService<ApiKeyStore>();
            try
            {
                var key = await store.CreateAsync(parse.GetRequiredValue(name), keyScope, cancellationToken);
                await output.WriteLineAsync($"Created {ApiKeyScopes.ToText(keyScope)} key '{parse.GetValue(name)}'. Store it now: it is not shown again.");
                await output.WriteLineAsync(key);
                return 0;
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception) when (SqliteDialect.IsUniqueViolation(exception))
            {
                await Console.Error.WriteLineAsync($"A key named '{parse.GetValue(name)}' already exists.");
                return 1;
            }
        });
        keys.Subcommands.Add(create);
        return keys;
    }
}
