using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A database file the app must not use (a newer schema, another application's database, not a database at all) stops
/// the server and every command with one line that names the file, exit code 1, and leaves the file as it was.
/// </summary>
public sealed class DatabaseFileTests
{
    private static readonly int NewerVersion = Migrator.LatestVersion + 1;

    /// <summary>Every command that opens the database; {out} is a new path in the test's folder, {markdown} a Markdown file there.</summary>
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "migrate" },
        new[] { "reindex" },
        new[] { "keys", "create", "--name", "another", "--scope", "write" },
        new[] { "keys", "list" },
        new[] { "keys", "revoke", "editor" },
        new[] { "seed", "--articles", "1" },
        new[] { "import", "{markdown}" },
        new[] { "export", "{out}" },
        new[] { "backup", "{out}" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Commands_refuse_a_database_of_a_newer_schema_and_change_nothing(string[] command)
    {
        var database = await NewerSchemaDatabaseAsync();
        var (args, output) = Arguments(command, Path.GetDirectoryName(database)!);

        var (exitCode, printed) = await CommandRunner.RunAsync(database, args);

        Assert.True(exitCode == 1, $"exit code {exitCode}: {printed}");
        Assert.DoesNotContain("schema version", printed, StringComparison.Ordinal);
        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(["editor"], connection.Query<string>("SELECT name FROM api_keys WHERE revoked_at IS NULL"));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM articles"));
        Assert.False(Path.Exists(output), $"{output} was written");
    }

    [Fact]
    public async Task Migrate_says_in_one_line_that_the_schema_is_newer_than_this_build_knows()
    {
        var database = await NewerSchemaDatabaseAsync();

        var refused = await AppProcess.RunAsync(database, ["migrate"]);

        AssertRefusedInOneLine(refused, database, $"has schema version {NewerVersion}, but this build knows only up to {Migrator.LatestVersion}");
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_a_database_of_a_newer_schema()
    {
        var database = await NewerSchemaDatabaseAsync();

        var refused = await AppProcess.ServeAsync(database);

        AssertRefusedInOneLine(refused, database, $"has schema version {NewerVersion}, but this build knows only up to {Migrator.LatestVersion}");
        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_host_started_on_a_database_of_a_newer_schema_fails_to_start_and_takes_no_writes()
    {
        var database = await NewerSchemaDatabaseAsync();
        using var app = new OnDatabase(database);

        // WebApplicationFactory reports the failed start as its own disposal, not the host's exception.
        Assert.ThrowsAny<Exception>(() => app.Services);

        using var connection = Open(database);
        Assert.Equal(NewerVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Commands_refuse_another_applications_database_and_create_nothing_in_it(string[] command)
    {
        var database = ForeignDatabase("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        var folder = Path.GetDirectoryName(database)!;
        var (args, _) = Arguments(command, folder);
        var before = Snapshot(folder);

        var (exitCode, printed) = await CommandRunner.RunAsync(database, args);

        Assert.True(exitCode == 1, $"exit code {exitCode}: {printed}");
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_another_applications_database_and_creates_nothing_in_it()
    {
        var database = ForeignDatabase("CREATE TABLE t (x)");
        var folder = Path.GetDirectoryName(database)!;
        var before = Snapshot(folder);

        var refused = await AppProcess.ServeAsync(database);

        AssertRefusedInOneLine(refused, database, "is not a ContentApi database (it has tables but no schema_migrations)");
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public async Task Migrate_refuses_a_database_whose_schema_migrations_table_is_another_tools()
    {
        // golang-migrate's journal: a version that reads as a far newer schema than this build's.
        var database = ForeignDatabase("CREATE TABLE schema_migrations (version uint64, dirty bool); INSERT INTO schema_migrations VALUES (20250101120000, 0); CREATE TABLE users (id);");
        var folder = Path.GetDirectoryName(database)!;
        var before = Snapshot(folder);

        var refused = await AppProcess.RunAsync(database, ["migrate"]);

        AssertRefusedInOneLine(refused, database, "is not a ContentApi database (its schema_migrations table is another tool's)");
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [InlineData("empty.db")]
    [InlineData("no-such-folder/content.db")]
    public async Task An_empty_or_missing_file_is_still_created_and_migrated(string file)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), file);
        if (file == "empty.db")
        {
            await File.WriteAllBytesAsync(database, []);
        }

        var (exitCode, printed) = await CommandRunner.RunAsync(database, "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains($"schema version {Migrator.LatestVersion} (was 0)", printed, StringComparison.Ordinal);
    }

    /// <summary>Files the app cannot use at all, by what is wrong with them, and how that is said.</summary>
    public static TheoryData<string, string> BadFiles => new()
    {
        { "not SQLite", "is not a SQLite database" },
        { "directory", "is a directory, not a database file" },
        { "folder not writable", "cannot be opened or created: check the folder's permissions" },
        { "parent folder not writable", "cannot be opened or created: check the folder's permissions" },
        { "a file on the way", "cannot be opened or created: " },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task The_server_refuses_to_start_on_a_bad_file_in_one_line_naming_it(string kind, string reason)
    {
        var (database, user) = BadFile(kind);
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(database))!;
        var before = Snapshot(folder);

        var refused = await AppProcess.ServeAsync(database, user);

        AssertRefusedInOneLine(refused, database, reason);
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Migrate_and_keys_fail_on_a_bad_file_in_one_line_naming_it(string kind, string reason)
    {
        var (database, user) = BadFile(kind);

        AssertRefusedInOneLine(await AppProcess.RunAsync(database, ["migrate"], user), database, reason);
        AssertRefusedInOneLine(await AppProcess.RunAsync(database, ["keys", "create", "--name", "editor", "--scope", "write"], user), database, reason);
    }

    [Fact]
    public async Task A_command_reading_a_directory_says_it_is_one()
    {
        var (database, _) = BadFile("directory");

        AssertRefusedInOneLine(await AppProcess.RunAsync(database, ["reindex"]), database, "is a directory, not a database file");
    }

    [Fact]
    public async Task A_read_only_database_and_folder_stop_the_server_and_commands_in_one_line_naming_the_file()
    {
        var folder = Path.Combine(CommandRunner.TempDirectory(), "data");
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        var readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(database, readOnly);
        File.SetUnixFileMode(folder, readOnly | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var user = OpenModes.OtherUser;

        AssertRefusedInOneLine(await AppProcess.ServeAsync(database, user), database, $"is read-only: {database} cannot be written");
        AssertRefusedInOneLine(
            await AppProcess.RunAsync(database, ["keys", "create", "--name", "editor", "--scope", "write"], user), database, $"is read-only: {database} cannot be written");
    }

    /// <summary>
    /// (storage fault review) A database file made read-only (chmod 444) in a folder the server can write, its schema
    /// current: nothing at start wrote, SQLite quietly opened the file read-only, and the server started Healthy with
    /// every write a 503; <c>migrate</c> said "(up to date)" and exited 0.
    /// </summary>
    [Fact]
    public async Task A_read_only_database_file_in_a_writable_folder_stops_the_server_and_writing_commands_in_one_line_naming_it()
    {
        var (database, user) = await ReadOnlyFileInWritableFolderAsync();

        AssertRefusedInOneLine(await AppProcess.ServeAsync(database, user), database, $"is read-only: {database} cannot be written");
        AssertRefusedInOneLine(await AppProcess.RunAsync(database, ["migrate"], user), database, $"is read-only: {database} cannot be written");
        AssertRefusedInOneLine(await AppProcess.RunAsync(database, ["keys", "create", "--name", "editor", "--scope", "write"], user), database, "is read-only");
    }

    /// <summary>
    /// (storage fault review) While the database was read-only, SQLite made its -shm with the database's mode; once the
    /// operator made the database writable again, every write was still a 503 "read-only", logged as "check the file's
    /// and its folder's permissions", both of which were right: only the -shm was not.
    /// </summary>
    [Fact]
    public async Task A_shm_file_left_read_only_is_named_when_the_server_refuses_to_start()
    {
        var (database, user) = await ReadOnlyFileInWritableFolderAsync();
        // Any command opening the read-only file (this one then fails to write) makes its -shm read-only like it.
        await AppProcess.RunAsync(database, ["keys", "list"], user);
        Assert.True(File.Exists(database + "-shm"), "opening the read-only file left its -shm behind");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        File.SetUnixFileMode(database, OpenModes.File);

        AssertRefusedInOneLine(await AppProcess.ServeAsync(database, user), database, $"is read-only: {database}-shm cannot be written");
    }

    /// <summary>
    /// Hunt: the README said the read-only commands write nothing beside such a database. Read-only in WAL mode, SQLite
    /// makes its -wal and -shm where the folder lets it, and a read-only connection cannot remove them: they are left, empty.
    /// </summary>
    [Fact]
    public async Task Reading_a_read_only_wal_database_in_a_writable_folder_leaves_an_empty_wal_and_shm_and_the_database_as_it_was()
    {
        var (database, user) = await ReadOnlyFileInWritableFolderAsync();
        var before = await File.ReadAllBytesAsync(database);

        Assert.Equal(0, (await AppProcess.RunAsync(database, ["keys", "list"], user)).ExitCode);

        Assert.Equal(before, await File.ReadAllBytesAsync(database));
        Assert.Equal(0, new FileInfo(database + "-wal").Length);
        Assert.True(File.Exists(database + "-shm"));
    }

    /// <summary>A migrated database its user may read but not write (0444), in a folder that user may write.</summary>
    private static async Task<(string Database, string? User)> ReadOnlyFileInWritableFolderAsync()
    {
        var folder = Path.Combine(CommandRunner.TempDirectory(), "data");
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(folder, OpenModes.Folder);
        return (database, OpenModes.OtherUser);
    }

    /// <summary>
    /// A writable file in the default rollback-journal mode (as sqlite3 makes it) in a folder the app cannot write: the
    /// schema was current, so nothing was written until the first connection's pragmas asked for WAL, and the server
    /// aborted with SQLite Error 8 and a stack trace (exit 134).
    /// </summary>
    [Fact]
    public async Task A_database_not_in_WAL_mode_in_a_folder_the_server_cannot_write_stops_it_in_one_line()
    {
        var folder = Path.Combine(CommandRunner.TempDirectory(), "data");
        var database = Path.Combine(folder, "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        using (var connection = Open(database))
        {
            Assert.Equal("delete", connection.ExecuteScalar<string>("PRAGMA journal_mode = DELETE"));
        }
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("folder permissions are tested on Unix");
        }
        File.SetUnixFileMode(database, (UnixFileMode)0x1B6); // rw-rw-rw-
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var user = OpenModes.OtherUser;

        AssertRefusedInOneLine(await AppProcess.ServeAsync(database, user), database, $"is read-only: {folder} cannot be written");
    }

    /// <summary>
    /// The database path for a kind of bad file, in a folder of its own, and the user to run as: folder permissions
    /// stop everyone but root, so when the tests run as root those cases run as nobody (65534).
    /// </summary>
    private static (string Database, string? User) BadFile(string kind)
    {
        var folder = Path.Combine(CommandRunner.TempDirectory(), "data");
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "content.db");
        switch (kind)
        {
            case "not SQLite":
                File.WriteAllText(database, "Not a database: some notes, long enough to fill SQLite's 100-byte header and then some more.");
                return (database, null);
            case "directory":
                Directory.CreateDirectory(database);
                return (database, null);
            case "a file on the way":
                File.WriteAllText(Path.Combine(folder, "sub"), "a file where the database's folder should be");
                return (Path.Combine(folder, "sub", "content.db"), null);
            default:
                if (OperatingSystem.IsWindows())
                {
                    throw new PlatformNotSupportedException("folder permissions are tested on Unix");
                }
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                var user = OpenModes.OtherUser;
                return (kind == "folder not writable" ? database : Path.Combine(folder, "sub", "content.db"), user);
        }
    }

    /// <summary>A database this build migrated (with a key named editor), then migrated further by a newer build.</summary>
    private static async Task<string> NewerSchemaDatabaseAsync()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "editor", "--scope", "write")).ExitCode);
        using var connection = Open(database);
        connection.Execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@NewerVersion, 'future_thing', '2027-01-01T00:00:00Z')",
            new { NewerVersion });
        return database;
    }

    /// <summary>Another application's SQLite file, made with <paramref name="sql"/> (SQLite's default rollback journal, as sqlite3 makes it).</summary>
    private static string ForeignDatabase(string sql)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "other.db");
        using var connection = Open(database);
        connection.Execute(sql);
        return database;
    }

    /// <summary>Every file in <paramref name="folder"/> with its content, to show that nothing was written or created.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder).ToDictionary(e => Path.GetFileName(e), e => File.Exists(e) ? Convert.ToHexString(File.ReadAllBytes(e)) : "(folder)");

    private static (string[] Args, string Output) Arguments(string[] command, string folder)
    {
        var output = Path.Combine(folder, "out");
        var markdown = Path.Combine(folder, "article.md");
        File.WriteAllText(markdown, "---\ntitle: A title\nauthors: [Jane Doe]\n---\n\nA body.\n");
        return ([.. command.Select(a => a.Replace("{out}", output, StringComparison.Ordinal).Replace("{markdown}", markdown, StringComparison.Ordinal))], output);
    }

    private static void AssertRefusedInOneLine(AppProcess.Outcome refused, string database, string reason)
    {
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.True(refused.ErrorLines is [var line] && line.Contains(database, StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal),
            $"expected one line naming {database} and saying '{reason}'; {refused}");
        Assert.DoesNotContain("   at ", refused.Output + refused.Error, StringComparison.Ordinal);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The app hosted in the test process (as every integration test hosts it) on a given database file.</summary>
    private sealed class OnDatabase(string database) : ApiFactory
    {
        public override string DatabasePath => database;
    }
}
