using System.CommandLine;

namespace ContentApi.Cli;

/// <summary>
/// The app is its own admin tool: <c>ContentApi COMMAND ...</c> runs a command against the configured
/// database and exits; with no command the app serves.
/// </summary>
public static class AdminCommands
{
    /// <summary>
    /// Any first argument that is not an option is taken as a command, so that a typo (<c>mgirate</c>) or <c>help</c>
    /// gets an answer instead of starting the server; so are <c>--help</c> and <c>--version</c>, and a short option
    /// (<c>-v</c>), which the server's settings never are: those gave a server that migrated the database. Long options
    /// alone (<c>--urls ...</c>) configure the server.
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 &&
        (!args[0].StartsWith("--", StringComparison.Ordinal) || args[0] is "--help" or "--version");

    /// <param name="configure">Extra configuration applied to the app the commands run on (used by tests).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, Action<WebApplicationBuilder>? configure = null)
    {
        output ??= Console.Out;
        // The commands' own messages are English: System.CommandLine's would follow the locale ("Nutzung:" beside them).
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        var root = Commands(output, configure);
        if (args[0] == "help")
        {
            args = ["--help"];
        }
        using var stopSignals = new StopSignals();
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            var parse = root.Parse(args);
            if (parse.CommandResult.Command == root && parse.UnmatchedTokens is [var unknown, ..] && unknown == args[0] && !unknown.StartsWith('-'))
            {
                // No command serves: "Required command was not provided." and the whole help on stdout misled.
                await Console.Error.WriteLineAsync($"unknown command '{TerminalText.Escaped(unknown)}'. See 'ContentApi --help' for the commands.");
                return 1;
            }
            if (UnknownSubcommand(parse) is { } unknownSubcommand)
            {
                // As for an unknown command: "Required command was not provided." and the group's help on stdout misled.
                await Console.Error.WriteLineAsync(unknownSubcommand);
                return 1;
            }
            // A command's whole help printed above the one line saying what was wrong buried it; a group's help is the
            // list of its commands, which a typo needs.
            var leaf = parse.CommandResult.Command.Subcommands.Count == 0;
            if (parse.Action is System.CommandLine.Invocation.ParseErrorAction onError && leaf)
            {
                // A leaf has no commands to suggest for a stray word; the suggestions put an empty line on stdout.
                (onError.ShowHelp, onError.ShowTypoCorrections) = (false, false);
            }
            var exitCode = await parse.InvokeAsync(invocation, stopSignals.Token);
            if (parse.Errors.Count > 0 && leaf)
            {
                await Console.Error.WriteLineAsync($"See '{HelpCommand(parse.CommandResult)}'.");
            }
            return exitCode;
        }
        catch (OperationCanceledException) when (stopSignals.Token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("stopped.");
            return stopSignals.ExitCode;
        }
        catch (Exception exception)
        {
            // A failure of the machine or the input in one line; anything else is a bug, shown whole.
            var failure = exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: Data.SqliteDialect.CorruptErrorCode } corrupt
                && !Search.SearchIndexRebuild.IsDamagedIndex(corrupt) && ConfiguredDatabase(configure) is { } file
                    ? Data.DatabaseFile.Damaged(file, corrupt)
                    : Data.SqliteDialect.IsReadOnly(exception) && ConfiguredDatabase(configure) is { } readOnly
                        ? Data.DatabaseFile.ReadOnly(readOnly)
                        : Failure(exception);
            await Console.Error.WriteLineAsync($"error: {failure ?? exception.ToString()}");
            return 1;
        }
    }

    /// <summary>
    /// What is wrong when a group (<c>keys</c>) is given a word that is not one of its commands, or no command: null when
    /// the parse is of a leaf, or asks for help, or has no errors.
    /// </summary>
    private static string? UnknownSubcommand(ParseResult parse)
    {
        var group = parse.CommandResult.Command;
        if (group is RootCommand || group.Subcommands.Count == 0 || parse.Errors.Count == 0)
        {
            return null;
        }
        var commands = string.Join(", ", group.Subcommands.Select(command => command.Name));
        var help = HelpCommand(parse.CommandResult);
        return parse.UnmatchedTokens is [var unknown, ..]
            ? $"unknown command '{TerminalText.Escaped($"{group.Name} {unknown}")}': '{group.Name}' has {commands}. See '{help}'."
            : $"missing command: '{group.Name}' needs one of {commands}. See '{help}'.";
    }

    /// <summary>How to ask for the help of the command a parse found: <c>ContentApi keys create --help</c>.</summary>
    private static string HelpCommand(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new List<string> { "--help" };
        for (System.CommandLine.Parsing.SymbolResult? result = command; result is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } named; result = result.Parent)
        {
            names.Insert(0, named.Command.Name);
        }
        return "ContentApi " + string.Join(' ', names);
    }

    public static RootCommand Commands(TextWriter output, Action<WebApplicationBuilder>? configure) =>
        new("ContentApi: run with no command to serve the API, or give a command.")
        {
            KeysCommands.Create(output, configure),
            MaintenanceCommands.Migrate(output, configure),
            MaintenanceCommands.Reindex(output, configure),
            BackupCommand.Create(output, configure),
            RestoreCommand.Create(output, configure),
            SeedCommand.Create(output, configure),
            TransferCommands.Export(output, configure),
            TransferCommands.Import(output, configure),
            ProbeCommand.Create(output),
        };

    /// <summary>The database file the commands' settings name, for a failure whose message does not (null for none, or settings that fail).</summary>
    private static string? ConfiguredDatabase(Action<WebApplicationBuilder>? configure)
    {
        try
        {
            using var app = CommandHost.Build(configure);
            return Data.DatabaseFile.OnDiskPath(app.Services.GetRequiredService<Data.Db>().ConnectionString);
        }
        catch (Exception exception) when (Failure(exception) is not null)
        {
            return null;
        }
    }

    /// <summary>What went wrong, in one line, for failures that are the machine's or the input's rather than a bug.</summary>
    private static string? Failure(Exception exception) => exception switch
    {
        Data.DatabaseBusyException => "the database is busy (a server or another command is writing); try again when it is done.",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: Data.SqliteDialect.NotADatabaseErrorCode } => "the database file is not a SQLite database.",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: Data.SqliteDialect.ReadOnlyErrorCode } => "the database is read-only (check the file's and its folder's permissions).",
        Microsoft.Data.Sqlite.SqliteException sqlite => $"SQLite: {sqlite.Message}",
        IOException or UnauthorizedAccessException => exception.Message,
        System.Text.Json.JsonException json => $"invalid JSON: {json.Message}",
        _ when SettingsCheck.Describe(exception) is { } invalid => $"invalid settings: {invalid}",
        _ => null,
    };
}
