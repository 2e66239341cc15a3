using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// What restore replaces, and with what: never another application's database (a connection string naming it had its
/// tables overwritten, exit code 0), never from another tool's snapshot; a database a newer build migrated may be
/// replaced, which is how a failed upgrade is rolled back.
/// </summary>
public sealed class RestoreTargetTests
{
    private static async Task<string> SnapshotAsync()
    {
        var folder = CommandRunner.TempDirectory();
        var database = Path.Combine(folder, "source.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var snapshot = Path.Combine(folder, "snapshot.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "backup", snapshot)).ExitCode);
        return snapshot;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.ExecuteAsync(sql);
    }

    /// <summary>
    /// Restoring the database from itself (by its path or a link to it) reported "Restored X into X", exit code 0, and
    /// moved every version on, so every ETag and If-Match value changed (operations review).
    /// </summary>
    [Fact]
    public async Task Restore_refuses_the_database_itself_as_its_snapshot()
    {
        var folder = CommandRunner.TempDirectory();
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var link = Path.Combine(CommandRunner.TempDirectory(), "link.db");
        File.CreateSymbolicLink(link, database);
        var before = await File.ReadAllBytesAsync(database);

        foreach (var snapshot in new[] { database, link })
        {
            var outcome = await AppProcess.RunAsync(database, ["restore", snapshot]);

            Assert.True(outcome.ExitCode == 1, outcome.ToString());
            Assert.Equal($"{snapshot} is the database itself; give a snapshot that backup wrote.", Assert.Single(outcome.ErrorLines));
        }
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    /// <summary>Through a link the file got a lock of its own, and restore replaced it under a running server (operator).</summary>
    [Fact]
    public async Task Restore_through_a_link_to_a_served_database_sees_the_server()
    {
        var snapshot = await SnapshotAsync();
        using var api = new TestSupport.ApiFactory();
        _ = api.Services; // the server runs, holding its lock
        var link = Path.Combine(CommandRunner.TempDirectory(), "link.db");
        File.CreateSymbolicLink(link, api.DatabasePath);

        var (exitCode, output) = await CommandRunner.RunAsync(link, "restore", snapshot);

        Assert.True(exitCode == 2, output); // refused: in use by a running server
    }

    /// <summary>
    /// The lock an older server left beside the link, another user's: probing it for writing stopped restore (and
    /// reindex, halfway) with "Access denied" (review).
    /// </summary>
    [Fact]
    public async Task A_lock_beside_the_link_that_cannot_be_opened_is_no_server()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        var snapshot = await SnapshotAsync();
        var (everyone, folders) = (OpenModes.File, OpenModes.Folder);
        var real = Path.Combine(CommandRunner.TempDirectory(), "real");
        var links = Path.Combine(CommandRunner.TempDirectory(), "links");
        Directory.CreateDirectory(links);
        var database = Path.Combine(real, "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        File.SetUnixFileMode(real, folders);
        File.SetUnixFileMode(links, folders);
        File.SetUnixFileMode(database, everyone);
        File.SetUnixFileMode(Path.GetDirectoryName(snapshot)!, folders);
        File.SetUnixFileMode(snapshot, everyone);
        var link = Path.Combine(links, "content.db");
        File.CreateSymbolicLink(link, database);
        await File.WriteAllTextAsync(link + ".lock", "");
        File.SetUnixFileMode(link + ".lock", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var user = OpenModes.OtherUser;

        var outcome = await AppProcess.RunAsync(link, ["restore", snapshot], user);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task Restore_refuses_to_replace_another_application_s_database()
    {
        var snapshot = await SnapshotAsync();
        var other = Path.Combine(CommandRunner.TempDirectory(), "other.db");
        await ExecuteAsync(other, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'precious')");
        var before = await File.ReadAllBytesAsync(other);

        Assert.Equal(1, (await CommandRunner.RunAsync(other, "restore", snapshot, "--force")).ExitCode);

        Assert.Equal(before, await File.ReadAllBytesAsync(other));
    }

    [Fact]
    public async Task Restore_refuses_another_tool_s_snapshot()
    {
        var foreign = Path.Combine(CommandRunner.TempDirectory(), "migrate.db");
        await ExecuteAsync(foreign, "CREATE TABLE schema_migrations (version INTEGER NOT NULL, dirty INTEGER NOT NULL); INSERT INTO schema_migrations VALUES (3, 0)");
        var target = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(target, "migrate")).ExitCode);
        await ExecuteAsync(target, "INSERT INTO tags (id, slug, name, created_at, updated_at) VALUES (1, 'kept', 'Kept', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");

        Assert.Equal(1, (await CommandRunner.RunAsync(target, "restore", foreign, "--force")).ExitCode);

        await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        Assert.Equal("Kept", await connection.ExecuteScalarAsync<string>("SELECT name FROM tags WHERE id = 1"));
    }

    [Fact]
    public async Task Restore_replaces_a_database_a_newer_build_migrated()
    {
        var snapshot = await SnapshotAsync();
        var target = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(target, "migrate")).ExitCode);
        await ExecuteAsync(target, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from_a_newer_build', '2027-01-01T00:00:00Z')");

        var (exitCode, output) = await CommandRunner.RunAsync(target, "restore", snapshot, "--force");

        Assert.True(exitCode == 0, output);
        Assert.Contains("(up to date)", (await CommandRunner.RunAsync(target, "migrate")).Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A snapshot whose pages are of another size (copied with the sqlite3 tool from a database made elsewhere, or
    /// vacuumed with another page_size) could not replace a database in WAL mode: SQLite's online backup cannot change
    /// a WAL database's page size, and restore failed with "attempt to write a readonly database".
    /// </summary>
    [Theory]
    [InlineData(1024)]
    [InlineData(8192)]
    public async Task Restore_takes_a_snapshot_of_another_page_size(int pageSize)
    {
        var snapshot = await SnapshotAsync();
        await ExecuteAsync(snapshot, $"PRAGMA journal_mode = DELETE; PRAGMA page_size = {pageSize}; VACUUM; INSERT INTO tags (name, slug, created_at, updated_at) VALUES ('Paged', 'paged', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');");
        var target = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(target, "migrate")).ExitCode);

        var (exitCode, output) = await CommandRunner.RunAsync(target, "restore", snapshot);

        Assert.True(exitCode == 0, output);
        await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM tags WHERE slug = 'paged'"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    /// <summary>
    /// A snapshot the command's user may not read ended the restore with "SQLite Error 14: 'unable to open database file'"
    /// alone; one in a folder the user may not search was called missing; and one in WAL mode in a read-only folder (a
    /// backup volume mounted read-only), where SQLite cannot make its -shm, blamed "the database" (review).
    /// </summary>
    [Theory]
    [InlineData("unreadable file", "cannot be read (check the permissions of it and its folders)")]
    [InlineData("unsearchable folder", "cannot be read (check the permissions of it and its folders)")]
    [InlineData("wal in a read-only folder", "cannot be read where it is: SQLite must write its -shm file beside a snapshot in WAL mode, and may not " +
        "(let its folder, and its -shm file if there is one, be written, or copy it with its -wal file to a folder that may be)")]
    public async Task Restore_of_a_snapshot_it_cannot_read_says_why_in_one_line_and_leaves_the_database(string setup, string why)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        var (everyone, folders) = (OpenModes.File, OpenModes.Folder);
        var snapshot = await SnapshotAsync();
        var snapshotFolder = Path.GetDirectoryName(snapshot)!;
        File.SetUnixFileMode(snapshotFolder, folders);
        switch (setup)
        {
            case "unreadable file":
                File.SetUnixFileMode(snapshot, UnixFileMode.None);
                break;
            case "unsearchable folder":
                File.SetUnixFileMode(snapshot, everyone);
                File.SetUnixFileMode(snapshotFolder, UnixFileMode.None);
                break;
            default:
                await ExecuteAsync(snapshot, "PRAGMA journal_mode = WAL;");
                File.SetUnixFileMode(snapshot, everyone);
                File.SetUnixFileMode(snapshotFolder, folders & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
                break;
        }
        var data = Path.Combine(CommandRunner.TempDirectory(), "data");
        var database = Path.Combine(data, "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        File.SetUnixFileMode(data, folders);
        File.SetUnixFileMode(database, everyone);
        var before = await File.ReadAllBytesAsync(database);
        var user = OpenModes.OtherUser;

        var outcome = await AppProcess.RunAsync(database, ["restore", snapshot], user);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Equal($"{snapshot} {why}; the database was left as it was.", line);
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    /// <summary>
    /// A snapshot copied in the middle of a write, with the write's journal beside it: opened read-only, SQLite cannot
    /// roll the write back, and restore said its folder was read-only, though it was not (second review). Through a
    /// link, the journal SQLite found is the one beside the file linked to (third review).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_of_a_snapshot_with_an_unfinished_writes_journal_says_so(bool throughLink)
    {
        if (throughLink && OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("links are tested on Unix");
        }
        var snapshot = await SnapshotAsync();
        var copy = snapshot + ".copy";
        File.Copy(snapshot, copy);
        await using (var writer = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await writer.OpenAsync();
            await writer.ExecuteAsync("PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1; BEGIN; CREATE TABLE filler (x); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT randomblob(4000) FROM n; " +
                "UPDATE schema_migrations SET version = version;");
            Assert.True(File.Exists(copy + "-journal"));
            File.Copy(copy, snapshot, overwrite: true);
            File.Copy(copy + "-journal", snapshot + "-journal");
        }
        var given = snapshot;
        if (throughLink)
        {
            given = Path.Combine(CommandRunner.TempDirectory(), "linked.db");
            File.CreateSymbolicLink(given, snapshot);
        }
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var before = await File.ReadAllBytesAsync(database);

        var outcome = await AppProcess.RunAsync(database, ["restore", given]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"{given} has the journal of a write never finished beside it ({snapshot}-journal): open it once where " +
            "SQLite may write, which rolls that write back, or take a new backup; the database was left as it was.", Assert.Single(outcome.ErrorLines));
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }
}
