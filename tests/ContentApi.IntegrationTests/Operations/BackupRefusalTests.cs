using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>A backup that is refused or fails leaves nothing behind, so the operator can retry at the same path.</summary>
public sealed class BackupRefusalTests
{
    /// <summary>SQLite's "unable to open database: …backup-491e8f2e.partial" read as if the live database had failed (operator).</summary>
    [Fact]
    public async Task Backup_into_a_folder_it_cannot_write_says_so_in_one_line()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        var (open, folders) = (OpenModes.File, OpenModes.Folder);
        var data = Path.Combine(CommandRunner.TempDirectory(), "data");
        var database = Path.Combine(data, "content.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["migrate"])).ExitCode);
        File.SetUnixFileMode(data, folders);
        File.SetUnixFileMode(database, open);
        var readOnly = Path.Combine(CommandRunner.TempDirectory(), "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var user = OpenModes.OtherUser;

        var outcome = await AppProcess.RunAsync(database, ["backup", Path.Combine(readOnly, "b.db")], user);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"Cannot write in {readOnly} (check the folder's permissions)", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    [Fact]
    public async Task Backup_of_a_database_from_a_newer_ContentApi_is_refused_and_leaves_no_file_or_folder()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'from_a_newer_build', '2030-01-01T00:00:00.000000Z')",
                new { Version = Migrator.LatestVersion + 1 });
        }
        var folder = CommandRunner.TempDirectory();
        var target = Path.Combine(folder, "nightly", "2030", "snapshot.db");

        // Twice at the same path: the retry is refused for the same reason, not because the first left its file.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal(1, (await CommandRunner.RunAsync(database, "backup", target)).ExitCode);
            Assert.Equal([], Directory.GetFileSystemEntries(folder));
        }
    }

    /// <summary>Each was refused with a message that was not the reason: "was created while the backup ran", "does not exist", a bare "already exists".</summary>
    [Theory]
    [InlineData("backup", "trail/", "trail/ names a folder; give the snapshot's file, such as ")]
    [InlineData("backup", "notes.txt/snapshot.db", "notes.txt is a file, not a folder: no snapshot can be written under it.")]
    [InlineData("backup", "notes.txt/", "notes.txt already exists; choose a new file.")]
    [InlineData("restore", "", " is a folder; give the snapshot file that backup wrote.")]
    public async Task Backup_and_restore_say_why_a_path_cannot_be_their_file(string command, string relative, string reason)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "an operator's notes");

        var refused = await AppProcess.RunAsync(database, [command, Path.Combine(folder, relative)]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(reason, Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal([Path.Combine(folder, "notes.txt")], Directory.GetFileSystemEntries(folder));
    }

    /// <summary>
    /// Hunt: a named pipe given as the snapshot was opened by SQLite, which waited for a writer for ever (a device such as
    /// /dev/zero was refused only as "not a ContentApi database"). In a process of its own, stopped if it waits.
    /// </summary>
    [Fact]
    public async Task Restore_refuses_a_named_pipe_without_waiting_on_it()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        var pipe = Path.Combine(CommandRunner.TempDirectory(), "snapshot.db");
        Assert.Equal(0, MakeFifo([.. System.Text.Encoding.UTF8.GetBytes(pipe), 0], Convert.ToUInt32("644", 8)));

        var refused = await AppProcess.RunAsync(database, ["restore", pipe]);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Equal($"{pipe} is empty, or is not a regular file (a named pipe or a device); give the snapshot file that backup wrote.", Assert.Single(refused.ErrorLines));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(byte[] path, uint mode);

    /// <summary>
    /// A path named as one of the files SQLite keeps beside the database: a backup to content.db-journal was written and
    /// reported good, and the next command or server to open the database took it for the journal of a write never
    /// finished and deleted it (-wal and -shm were refused as "created while the backup ran"); an export there made a
    /// folder, and every command and the server then failed to open the database ("disk I/O error") until it was moved.
    /// </summary>
    [Theory]
    [InlineData("backup", "-journal")]
    [InlineData("backup", "-wal")]
    [InlineData("backup", "-shm")]
    [InlineData("export", "-journal")]
    [InlineData("export", "-wal")]
    [InlineData("export", "-shm")]
    public async Task Backup_and_export_refuse_a_name_sqlite_keeps_for_the_database_itself(string command, string suffix)
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);

        var refused = await AppProcess.RunAsync(database, [command, database + suffix]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"is the name SQLite gives the database's {suffix} file", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "migrate")).ExitCode);
        Assert.False(Path.Exists(database + suffix));
    }

    [Fact]
    public async Task Backup_writes_the_snapshot_at_the_path_and_nothing_beside_it()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "keys", "create", "--name", "editor", "--scope", "write")).ExitCode);
        var folder = CommandRunner.TempDirectory();
        var target = Path.Combine(folder, "snapshot.db");

        var (exitCode, output) = await CommandRunner.RunAsync(database, "backup", target);

        Assert.True(exitCode == 0, output);
        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
        Assert.Equal(1, (await CommandRunner.RunAsync(database, "backup", target)).ExitCode);
        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
    }
}
