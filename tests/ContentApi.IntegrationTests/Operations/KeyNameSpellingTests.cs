using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A key name has one spelling: `café` precomposed and decomposed were two active keys that keys list showed alike, and
/// a name with a space at either end was taken and then not found by revoke.
/// </summary>
public sealed class KeyNameSpellingTests
{
    private const string Composed = "caf\u00E9";
    private const string Decomposed = "cafe\u0301";

    [Fact]
    public async Task Keys_create_refuses_a_name_not_in_nfc_or_with_white_space_at_an_end_and_revoke_finds_a_name_in_any_spelling()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        await KeyCommands.CreateAsync(database, Composed, "write");
        await KeyCommands.CreateAsync(database, "lead", "read");

        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", Decomposed, "--scope", "write")).ExitCode);
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", " lead", "--scope", "read")).ExitCode);
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "other ", "--scope", "read")).ExitCode);
        Assert.Equal([(Composed, "-"), ("lead", "-")], await KeyCommands.ListAsync(database));

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", Decomposed)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", " lead ")).ExitCode);
        Assert.DoesNotContain(await KeyCommands.ListAsync(database), row => row.Revoked == "-");
    }

    [Fact]
    public async Task Names_stored_before_the_rule_are_listed_found_and_never_revoked_by_a_guess()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("""
                INSERT INTO api_keys (name, prefix, key_hash, scope, created_at) VALUES
                    (@Composed, 'capi_aaaaaa', 'a', 'write', '2026-12-01T00:00:00.000000Z'),
                    (@Decomposed, 'capi_bbbbbb', 'b', 'write', '2026-12-01T00:00:00.000000Z'),
                    (' lead', 'capi_cccccc', 'c', 'read', '2026-12-01T00:00:00.000000Z')
                """, new { Composed, Decomposed });
        }

        Assert.Equal(3, (await KeyCommands.ListAsync(database)).Count);
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", Composed, "--scope", "read")).ExitCode);
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "lead", "--scope", "read")).ExitCode);

        var ambiguous = await AppProcess.RunAsync(database, ["keys", "revoke", Composed]);
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("2 active keys are named 'café'", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains("--prefix", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(3, (await KeyCommands.ListAsync(database)).Count(row => row.Revoked == "-"));

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", Composed, "--prefix", "capi_bbbbbb…")).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", "lead")).ExitCode);
        await using var check = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(["capi_aaaaaa"], await check.QueryAsync<string>("SELECT prefix FROM api_keys WHERE revoked_at IS NULL"));
    }

    [Fact]
    public async Task Restore_renames_a_kept_key_whose_name_the_snapshot_gives_to_a_key_in_another_spelling()
    {
        var (_, snapshot) = await KeyCommands.SnapshotOfAnotherDatabaseAsync(Composed, revoked: false);
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("""
                INSERT INTO api_keys (name, prefix, key_hash, scope, created_at)
                VALUES (@Decomposed, 'capi_bbbbbb', 'b', 'write', '2026-12-01T00:00:00.000000Z')
                """, new { Decomposed });
        }

        var (exitCode, output) = await CommandRunner.RunAsync(database, "restore", snapshot, "--force");

        Assert.True(exitCode == 0, output);
        await using var check = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal([Composed, Decomposed + "-2"], await check.QueryAsync<string>("SELECT name FROM api_keys WHERE revoked_at IS NULL ORDER BY id"));
    }
}
