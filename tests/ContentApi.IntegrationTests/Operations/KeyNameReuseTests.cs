using System.Net;
using ContentApi.Auth;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A name belongs to one active key: once revoked, a key gives its name up, so a key is rotated under the name its
/// client is known by (revoke `ci`, create `ci`). Every name stayed taken for good, and `keys create` said "already
/// exists" of a key `keys list` showed as revoked.
/// </summary>
public sealed class KeyNameReuseTests
{
    private const int SchemaBeforeReuse = 22;

    [Fact]
    public async Task A_revoked_keys_name_is_given_to_a_new_key_and_two_active_keys_never_share_one()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        var first = await KeyCommands.CreateAsync(database, "ci", "write");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", "ci")).ExitCode);

        var second = await KeyCommands.CreateAsync(database, "ci", "write");
        var (again, againOutput) = await CommandRunner.RunAsync(database, "keys", "create", "--name", "ci", "--scope", "read");

        Assert.Equal(1, again);
        Assert.DoesNotContain("capi_", againOutput, StringComparison.Ordinal);
        Assert.Equal([("ci", "-")], (await KeyCommands.ListAsync(database)).Where(row => row.Revoked == "-"));
        Assert.Equal(2, (await KeyCommands.ListAsync(database)).Count(row => row.Name == "ci"));
        using var api = new OnDatabaseFile(database);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, first));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, second));
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "revoke", "ci")).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, second));
    }

    [Fact]
    public async Task The_migration_keeps_every_key_and_the_responses_stored_for_their_idempotent_retries()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        var key = ApiKeyHasher.NewKey();
        await using (var connection = new SqliteConnection($"Data Source={database};Foreign Keys=True;Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(SqliteDialect.MigrationJournalDdl);
            foreach (var migration in Migrator.All.Where(m => m.Version <= SchemaBeforeReuse))
            {
                await connection.ExecuteAsync(migration.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, '2026-12-01T00:00:00.000000Z')", migration);
            }
            await connection.ExecuteAsync("""
                INSERT INTO api_keys (id, name, prefix, key_hash, scope, created_at) VALUES (7, 'ci', @Prefix, @Hash, 'write', '2026-12-01T00:00:00.000000Z');
                INSERT INTO api_keys (id, name, prefix, key_hash, scope, created_at, revoked_at) VALUES (8, 'old', 'capi_x', 'h', 'read', '2026-12-01T00:00:00.000000Z', '2026-12-02T00:00:00.000000Z');
                INSERT INTO idempotency_keys (api_key_id, key, request_hash, status, body, created_at) VALUES (7, 'retry-1', 'r', 201, x'7B7D', '2026-12-01T00:00:00.000000Z');
                """, new { Prefix = ApiKeyHasher.DisplayPrefix(key), Hash = ApiKeyHasher.Hash(key) });
            // A key deleted by hand in a shell with foreign keys off (sqlite3's default) leaves its stored responses behind.
            await connection.ExecuteAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO idempotency_keys (api_key_id, key, request_hash, status, body, created_at) VALUES (99, 'orphan', 'r', 201, x'7B7D', '2026-12-01T00:00:00.000000Z');
                """);
        }

        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);

        await using (var migrated = new SqliteConnection($"Data Source={database};Foreign Keys=True;Pooling=False"))
        {
            Assert.Equal([7L, 8L], await migrated.QueryAsync<long>("SELECT id FROM api_keys ORDER BY id"));
            Assert.Equal(["retry-1"], await migrated.QueryAsync<string>("SELECT key FROM idempotency_keys"));
            Assert.Equal("api_keys", await migrated.ExecuteScalarAsync<string>("SELECT \"table\" FROM pragma_foreign_key_list('idempotency_keys')"));
            Assert.Empty(await migrated.QueryAsync("PRAGMA foreign_key_check"));
            Assert.Equal("ok", await migrated.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }
        using var api = new OnDatabaseFile(database);
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, key));
        await KeyCommands.CreateAsync(database, "old", "read");
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "ci", "--scope", "read")).ExitCode);
    }

    /// <summary>A kept key had to be renamed when the snapshot had a key of its name, even one revoked there.</summary>
    [Fact]
    public async Task Restore_keeps_a_keys_name_that_the_snapshot_gives_only_a_revoked_key()
    {
        var (_, snapshot) = await KeyCommands.SnapshotOfAnotherDatabaseAsync("ci", revoked: true);
        using var api = new ApiFactory();
        var ours = await KeyCommands.CreateAsync(api.DatabasePath, "ci", "write");

        var (exitCode, output) = await CommandRunner.RunAsync(api.DatabasePath, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("is now named", output, StringComparison.Ordinal);
        Assert.Equal([("ci", "-")], (await KeyCommands.ListAsync(api.DatabasePath)).Where(row => row.Revoked == "-"));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, ours));
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "keys", "revoke", "ci")).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, ours));
    }

    /// <summary>
    /// Keys found in the snapshot were merged in the replaced database's id order with the kept ones, so a kept key
    /// listed before its revoked namesake was renamed for a name the merge gave up a moment later. A restore that kept
    /// keys inserts them with new ids, which is how a database comes to list them so.
    /// </summary>
    [Fact]
    public async Task Restore_keeps_a_keys_name_that_a_key_revoked_since_the_snapshot_gave_up_whatever_their_order()
    {
        using var api = new ApiFactory();
        var rotated = await KeyCommands.CreateAsync(api.DatabasePath, "ci", "write");
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "bk.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "backup", snapshot)).ExitCode);
        Assert.Equal(0, (await CommandRunner.RunAsync(api.DatabasePath, "keys", "revoke", "ci")).ExitCode);
        var current = await KeyCommands.CreateAsync(api.DatabasePath, "ci", "write");
        await using (var connection = new SqliteConnection($"Data Source={api.DatabasePath};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE api_keys SET id = id + 100 WHERE revoked_at IS NOT NULL");
        }

        var (exitCode, output) = await CommandRunner.RunAsync(api.DatabasePath, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("is now named", output, StringComparison.Ordinal);
        Assert.Equal([("ci", "-")], (await KeyCommands.ListAsync(api.DatabasePath)).Where(row => row.Revoked == "-"));
        Assert.Equal(HttpStatusCode.Unauthorized, await KeyCommands.StatusWithAsync(api, rotated));
        Assert.Equal(HttpStatusCode.OK, await KeyCommands.StatusWithAsync(api, current));
    }
}
