using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// Ctrl+C or a service manager's SIGTERM during a backup or a restore stops it cleanly: before, the signal ended the
/// process on the spot and left a whole or partial copy of the database (API key hashes included) beside the target.
/// </summary>
public sealed class StopSignalTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>A ContentApi database with about 48 MB of filler, so that copying it takes long enough to be stopped.</summary>
    private static async Task<string> LargeDatabaseAsync()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "editor", "--scope", "write")).ExitCode);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.ExecuteAsync("""
            CREATE TABLE filler (data BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
            INSERT INTO filler SELECT randomblob(4000) FROM n;
            """);
        return database;
    }

    /// <summary>
    /// The folder's files without the write-ahead log, shared memory and lock files, which SQLite creates and removes as
    /// connections come and go: a pooled connection of an in-process command keeps them until another test clears the
    /// pools, which made the comparison depend on the order the tests ran in.
    /// </summary>
    private static List<string> FilesBesideSqlitesOwn(string folder) =>
        Directory.GetFiles(folder).Where(file => !file.EndsWith("-wal", StringComparison.Ordinal) && !file.EndsWith("-shm", StringComparison.Ordinal) && !file.EndsWith(".lock", StringComparison.Ordinal)).Order().ToList();

    [Theory]
    [InlineData(SigInt, 130)]
    [InlineData(SigTerm, 143)]
    public async Task A_backup_stopped_by_a_signal_leaves_nothing_at_or_beside_the_target(int signal, int exitCode)
    {
        var database = await LargeDatabaseAsync();
        var folder = CommandRunner.TempDirectory();
        var target = Path.Combine(folder, "nightly", "snapshot.db");

        var outcome = await AppProcess.RunAndSignalAsync(database, ["backup", target],
            stopWhen: () => Directory.Exists(Path.GetDirectoryName(target)), signal);

        Assert.True(outcome.ExitCode == exitCode, outcome.ToString());
        Assert.Equal([], Directory.GetFileSystemEntries(folder));
        Assert.Contains("stopped", outcome.Error);
    }

    [Fact]
    public async Task An_export_stopped_by_a_signal_leaves_no_folder_or_file()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                INSERT INTO images (url, alt_text, caption, created_at, updated_at)
                SELECT 'https://cdn.example.com/' || i || '.jpg', 'Image ' || i, hex(randomblob(100)), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
                """);
        }
        var folder = CommandRunner.TempDirectory();
        var target = Path.Combine(folder, "exports", "today");

        var outcome = await AppProcess.RunAndSignalAsync(database, ["export", target], stopWhen: () => Directory.Exists(target), SigInt);

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Equal([], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_restore_stopped_by_a_signal_leaves_the_database_as_it_was_and_no_staged_copy()
    {
        var database = await LargeDatabaseAsync();
        var snapshot = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("DELETE FROM filler WHERE rowid % 2 = 0; INSERT INTO tags (slug, name, created_at, updated_at) VALUES ('after', 'After', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        }
        var folder = Path.GetDirectoryName(database)!;
        var before = FilesBesideSqlitesOwn(folder);

        var outcome = await AppProcess.RunAndSignalAsync(database, ["restore", snapshot],
            stopWhen: () => Directory.GetFiles(folder, "*.restoring-*").Length > 0, SigInt);

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Equal(before, FilesBesideSqlitesOwn(folder));
        await using var after = new SqliteConnection($"Data Source={database};Pooling=False");
        Assert.Equal(6000, await after.ExecuteScalarAsync<long>("SELECT count(*) FROM filler"));
        Assert.Equal("after", await after.ExecuteScalarAsync<string>("SELECT slug FROM tags"));
    }
}
