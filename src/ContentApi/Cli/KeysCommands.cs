using System.CommandLine;
using System.Globalization;
using ContentApi.Auth;
using ContentApi.Text;

namespace ContentApi.Cli;

/// <summary><c>keys create | list | revoke</c>.</summary>
public static class KeysCommands
{
    public static Command Create(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var keys = new Command("keys", "Manage API keys (stored only as SHA-256 hashes).");
        keys.Subcommands.Add(CreateKey(output, configure));
        keys.Subcommands.Add(ListKeys(output, configure));
        keys.Subcommands.Add(RevokeKey(output, configure));
        return keys;
    }

    private static Command CreateKey(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var name = new Option<string>("--name") { Description = "A name for the key, such as the client it is for; no other active key may have it (a revoked key gives its name up).", Required = true };
        var scope = new Option<string>("--scope") { Description = "read (see drafts), write (change content) or admin (what write may; keys are managed with this command, not through the API).", Required = true };
        scope.AcceptOnlyFromAmong("read", "write", "admin");
        // Names are shown in `keys list`, one per line: visible text, of a length a table can hold.
        name.Validators.Add(r =>
        {
            if (r.Tokens is [{ Value: var value }] && (string.IsNullOrWhiteSpace(value) || CharacterLimit.Count(value) > 100 || value.Any(char.IsControl)
                || !TextRules.HasVisibleCharacter(value) || !TextRules.HasNoBidiFormatting(value)))
            {
                r.AddError("--name must be 1-100 characters of visible text, without line breaks, other control characters or bidirectional formatting (such as U+202E).");
            }
            else if (r.Tokens is [{ Value: var written }] && !KeyNames.IsWrittenPlainly(written))
            {
                r.AddError(KeyNames.NotPlainMessage);
            }
        });
        var command = new Command("create", "Create a key and print it once, as the last line of output.") { name, scope };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CommandHost.StartMigratedAsync(cancellationToken, configure);
            ApiKeyScopes.TryParse(parse.GetValue(scope), out var keyScope);
            var keyName = parse.GetRequiredValue(name);
            try
            {
                var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(keyName, keyScope, cancellationToken);
                await output.WriteLineAsync($"Created {ApiKeyScopes.ToText(keyScope)} key '{keyName}'. Store it now: it is not shown again.");
                await output.WriteLineAsync(key);
                return 0;
            }
            catch (KeyNameTakenException)
            {
                await Console.Error.WriteLineAsync($"An active key is named '{keyName}': revoke it first, or choose another name.");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The name column's width when every name is narrower.</summary>
    private const int MinNameCells = 24;

    private static Command ListKeys(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var command = new Command("list", "List keys: name, scope, prefix, created, last used, revoked (never the key).");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (await CommandHost.StartExistingAsync(cancellationToken, configure) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            var rows = (await app.Services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken))
                .Select(row => (Name: TerminalText.Escaped(row.Name), Key: row)).ToList();
            // As wide as the widest name as printed: its escapes (six cells for a U+202E) made it overrun a fixed column.
            var nameCells = rows.Select(row => ColumnWidth.Of(row.Name)).Append(MinNameCells).Max();
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} {1,-6} {2,-13} {3,-28} {4,-28} {5}", ColumnWidth.PadRight("NAME", nameCells), "SCOPE", "PREFIX", "CREATED", "LAST USED", "REVOKED"));
            foreach (var (name, row) in rows)
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} {1,-6} {2,-13} {3,-28} {4,-28} {5}",
                    ColumnWidth.PadRight(name, nameCells), row.Scope, row.Prefix + "…", row.CreatedAt, row.LastUsedAt ?? "never", row.RevokedAt ?? "-"));
            }
            return 0;
        });
        return command;
    }

    private static Command RevokeKey(TextWriter output, Action<WebApplicationBuilder>? configure)
    {
        var name = new Argument<string>("name") { Description = "The name the key was created with (in any Unicode spelling of it, white space at either end aside)." };
        var prefix = new Option<string>("--prefix") { Description = "The key's prefix, as keys list shows it: which key is meant when several active keys have names that look alike (stored before names had one spelling)." };
        var command = new Command("revoke", "Revoke a key: requests with it get 401 from now on.") { name, prefix };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CommandHost.StartExistingAsync(cancellationToken, configure, writes: true) is not { } app)
            {
                return 1;
            }
            await using var started = app;
            var keyName = parse.GetRequiredValue(name);
            var named = await app.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyName, parse.GetValue(prefix), cancellationToken);
            switch (named)
            {
                case []:
                    await Console.Error.WriteLineAsync($"No active key named '{TerminalText.Escaped(keyName)}'{(parse.GetValue(prefix) is { } given ? $" with the prefix '{TerminalText.Escaped(given)}'" : "")}.");
                    return 1;
                case [var revoked]:
                    await output.WriteLineAsync($"Revoked key '{TerminalText.Escaped(revoked.Name)}' ({revoked.Prefix}…).");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"{named.Count} active keys are named '{TerminalText.Escaped(keyName)}' in spellings that look alike; none was revoked: "
                        + $"add --prefix with the prefix of the one to revoke ({string.Join(", ", named.Select(row => row.Prefix + "…"))}, as keys list shows them).");
                    return 1;
            }
        });
        return command;
    }
}
