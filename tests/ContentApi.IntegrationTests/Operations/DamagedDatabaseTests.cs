using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.IntegrationTests.Operations;

/// <summary>
/// A database whose header is sound but a page of it damaged opens, and SQLite finds the damage only on reading that
/// page: backup and reindex then said only "error: SQLite: SQLite Error 11: 'database disk image is malformed'.",
/// naming neither the file nor what to do, as the other faults of the database file are told.
/// </summary>
public sealed class DamagedDatabaseTests
{
    [Theory]
    [InlineData("backup")]
    [InlineData("reindex")]
    public async Task A_damaged_page_stops_the_command_in_one_line_naming_the_file_and_what_to_check(string command)
    {
        var database = await DatabaseWithTheArticlesRootPageZeroedAsync();
        string[] arguments = command == "backup" ? [command, Path.Combine(Path.GetDirectoryName(database)!, "bk.db")] : [command];

        var refused = await AppProcess.RunAsync(database, arguments);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.True(refused.ErrorLines is [var line] && line.Contains(database, StringComparison.Ordinal)
            && line.Contains("is damaged", StringComparison.Ordinal) && line.Contains("integrity_check", StringComparison.Ordinal), refused.ToString());
        Assert.DoesNotContain("   at ", refused.Output + refused.Error, StringComparison.Ordinal);
    }

    private static async Task<string> DatabaseWithTheArticlesRootPageZeroedAsync()
    {
        var database = Path.Combine(CommandRunner.TempDirectory(), "content.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(database, "seed", "--articles", "200")).ExitCode);
        long page;
        long pageSize;
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            // The table's root page, in the middle of its pages: the file opens, and the first read of an article fails.
            page = await connection.ExecuteScalarAsync<long>("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'");
            pageSize = await connection.ExecuteScalarAsync<long>("PRAGMA page_size");
        }
        await using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            file.Seek((page - 1) * pageSize, SeekOrigin.Begin);
            await file.WriteAsync(new byte[pageSize]);
        }
        return database;
    }
}
