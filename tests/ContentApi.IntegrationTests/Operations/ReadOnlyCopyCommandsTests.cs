using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// (operations review) A copy of the database on read-only media (here a folder of mode 555, and a file of mode 444):
/// backup, export and keys list, which only read it, exited 1 with "c.db is read-only: …/rodir cannot be written",
/// although SQLite reads such a file. reindex writes, so it is still refused. When the tests run as root, whom modes do
/// not stop, the commands run as nobody.
/// </summary>
public sealed class ReadOnlyCopyCommandsTests
{
    [Theory]
    [InlineData("read-only folder", "rodir")]
    [InlineData("read-only file", "rodir")]
    // Read through a file: URI, whose escapes SQLite decodes: ro%41x was read as roAx (session review).
    [InlineData("read-only folder", "ro%41x #?")]
    public async Task Commands_that_only_read_a_read_only_database_read_it_and_reindex_is_refused(string kind, string folderName)
    {
        var root = CommandRunner.TempDirectory();
        var folder = Path.Combine(root, folderName);
        var database = Path.Combine(folder, "c.db");
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["keys", "create", "--name", "editor", "--scope", "write"])).ExitCode);
        Assert.Equal(0, (await AppProcess.RunAsync(database, ["seed", "--articles", "2"])).ExitCode);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("file permissions are tested on Unix");
        }
        var readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var traversable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(database, readable);
        File.SetUnixFileMode(folder, kind == "read-only folder" ? traversable : OpenModes.Folder);
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        File.SetUnixFileMode(output, OpenModes.Folder);
        var user = OpenModes.OtherUser;
        var before = Directory.GetFiles(folder).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes);

        var list = await AppProcess.RunAsync(database, ["keys", "list"], user);
        var backup = await AppProcess.RunAsync(database, ["backup", Path.Combine(output, "b1.db")], user);
        var export = await AppProcess.RunAsync(database, ["export", Path.Combine(output, "exp")], user);
        var reindex = await AppProcess.RunAsync(database, ["reindex"], user);

        Assert.True(list.ExitCode == 0 && list.Output.Contains("editor", StringComparison.Ordinal), list.ToString());
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(export.ExitCode == 0 && export.Output.Contains("2 articles", StringComparison.Ordinal), export.ToString());
        Assert.True(reindex.ExitCode == 1 && reindex.Error.Contains("is read-only", StringComparison.Ordinal), reindex.ToString());
        using (var copy = new SqliteConnection($"Data Source={Path.Combine(output, "b1.db")};Pooling=False"))
        {
            copy.Open();
            using var count = copy.CreateCommand();
            count.CommandText = "SELECT count(*) FROM articles";
            Assert.Equal(2L, count.ExecuteScalar());
        }
        // Beside a file it cannot write, in a folder it can, SQLite makes its -wal and -shm as it reads.
        Assert.Empty(Directory.GetFiles(folder).Select(Path.GetFileName).Except(["c.db", "c.db-wal", "c.db-shm"]));
        Assert.Equal(before["c.db"], File.ReadAllBytes(database));
    }
}
