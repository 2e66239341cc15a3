using System.Net;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>A restore brings back content, never access: a key revoked since the snapshot stays revoked.</summary>
public sealed class RestoreKeysTests
{
    [Fact]
    public async Task Restore_keeps_keys_revoked_since_the_snapshot_revoked_and_keeps_keys_created_since()
    {
        using var api = new ApiFactory();
        var kept = await KeyCommands.CreateAsync(api.DatabasePath, "kept", "write");
        var revoked = await KeyCommands.CreateAsync(api.DatabasePath, "r", "read");
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "backup", snapshot)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "keys", "revoke", "r")).ExitCode);
        var created = await KeyCommands.CreateAsync(api.DatabasePath, "created-since", "read");
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, revoked));

        var (exitCode, output) = await CommandRunner.RunAsync(api.DatabasePath, "restore", snapshot, "--force");

        Assert.True(exitCode == 0, output);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, revoked));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, kept));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, created));
        var list = await KeysListAsync(api.DatabasePath);
        Assert.NotEqual("-", list["r"]);
        Assert.Equal("-", list["kept"]);
        Assert.Equal("-", list["created-since"]);
        Assert.Contains("revoked there, so revoked here too: 'r'", output, StringComparison.Ordinal);
        Assert.Contains("kept, as the snapshot lacks them: 'created-since'", output, StringComparison.Ordinal);
        // Restoring the same snapshot again changes nothing more.
        var (again, againOutput) = await CommandRunner.RunAsync(api.DatabasePath, "restore", snapshot, "--force");
        Assert.True(again == 0, againOutput);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, revoked));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, created));
        Assert.Equal(list, await KeysListAsync(api.DatabasePath));
    }

    [Fact]
    public async Task Restore_into_a_database_that_does_not_exist_brings_the_snapshots_keys_as_they_are()
    {
        var source = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        await KeyCommands.CreateAsync(source, "active", "write");
        await KeyCommands.CreateAsync(source, "gone", "read");
        Assert.Equal(0, (await CommandRunner.RunAsync(source, "keys", "revoke", "gone")).ExitCode);
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(source, "backup", snapshot)).ExitCode);
        var fresh = Path.Combine(CommandRunner.TempDirectory(), "new", "content.db");

        var (exitCode, output) = await CommandRunner.RunAsync(fresh, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Contains("API keys: 2 from the snapshot (1 revoked there), as they were (the replaced database had none).", output, StringComparison.Ordinal);
        Assert.Equal(await KeysListAsync(source), await KeysListAsync(fresh));
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(fresh)!), file => file.Contains(".restoring-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kept_key_whose_name_the_snapshot_gives_another_key_is_renamed_and_keeps_working()
    {
        var (theirs, snapshot) = await KeyCommands.SnapshotOfAnotherDatabaseAsync("ci", revoked: false);
        using var api = new ApiFactory();
        var ours = await KeyCommands.CreateAsync(api.DatabasePath, "ci", "write");

        var (exitCode, output) = await CommandRunner.RunAsync(api.DatabasePath, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Contains("'ci' is now named 'ci-2'", output, StringComparison.Ordinal);
        Assert.Equal(["ci", "ci-2"], (await KeysListAsync(api.DatabasePath)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, theirs));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, ours));
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "keys", "revoke", "ci-2")).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, ours));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, theirs));
    }

    [Fact]
    public async Task A_key_revoked_in_the_snapshot_stays_revoked_whatever_the_replaced_database_says()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        await KeyCommands.CreateAsync(database, "k", "write");
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", "k")).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            // As a copy of the database from before the revocation would have it.
            await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = NULL");
        }

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "restore", snapshot)).ExitCode);

        Assert.NotEqual("-", (await KeysListAsync(database))["k"]);
    }

    /// <summary>Key names come from a database file, so restore prints them escaped, as import prints what a file says (session review).</summary>
    [Fact]
    public async Task Restore_prints_key_names_with_control_characters_escaped()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        await KeyCommands.CreateAsync(database, "k", "write");
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        await KeyCommands.CreateAsync(database, "since", "read");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE api_keys SET name = 'a' || char(27) || '[31mred' || char(8232) || 'x' WHERE name = 'since'");
        }

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.Contains("'a\\u001B[31mred\\u2028x'", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', output);
    }

    private static async Task<Dictionary<string, string>> KeysListAsync(string database) =>
        (await KeyCommands.ListAsync(database)).ToDictionary(row => row.Name, row => row.Revoked);
}
