using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A database, its backups and its exports hold drafts, authors' e-mail addresses and key hashes: they were made
/// readable by every user of the machine (0644).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task A_new_database_its_log_its_backup_and_its_export_are_for_their_owner_only()
    {
        var folder = CommandRunner.TempDirectory();
        var database = Path.Combine(folder, "content.db");
        var (seeded, seedOutput) = await CommandRunner.RunAsync(database, "seed", "--articles", "3");
        Assert.True(seeded == 0, seedOutput);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(database));
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("UPDATE tags SET description = 'written' WHERE id = (SELECT min(id) FROM tags)");
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(database + "-wal"));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(database + "-shm"));
        }

        var backup = Path.Combine(folder, "nightly.db");
        var (backedUp, backupOutput) = await CommandRunner.RunAsync(database, "backup", backup);
        Assert.True(backedUp == 0, backupOutput);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(backup));

        var export = Path.Combine(folder, "export");
        var (exported, exportOutput) = await CommandRunner.RunAsync(database, "export", export, "--markdown");
        Assert.True(exported == 0, exportOutput);
        var files = Directory.GetFiles(export, "*", SearchOption.AllDirectories);
        Assert.Contains(files, file => file.EndsWith(".md", StringComparison.Ordinal));
        Assert.All(files, file => Assert.Equal((file, OwnerOnly), (file, File.GetUnixFileMode(file))));
        // The folders it made too: listed by others, the Markdown files' names are the slugs of drafts.
        const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;
        Assert.All(new[] { export, Path.Combine(export, "markdown") }, made => Assert.Equal((made, OwnerOnlyFolder), (made, File.GetUnixFileMode(made))));
    }
}
