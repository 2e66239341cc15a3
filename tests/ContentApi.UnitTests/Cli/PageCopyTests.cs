using ContentApi.Cli;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.UnitTests.Cli;

/// <summary>A page copy (restore's replacement of the database) stopped part way leaves its destination as it was.</summary>
public sealed class PageCopyTests
{
    private static async Task<SqliteConnection> OpenAsync(string path, string sql)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
        return connection;
    }

    [Fact]
    public async Task A_stopped_copy_leaves_the_destination_as_it_was_and_a_finished_one_replaces_it()
    {
        var folder = Directory.CreateTempSubdirectory("contentapi-pagecopy").FullName;
        await using var source = await OpenAsync(Path.Combine(folder, "source.db"), """
            CREATE TABLE filler (data BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT randomblob(4000) FROM n;
            """);
        await using var destination = await OpenAsync(Path.Combine(folder, "destination.db"), "CREATE TABLE kept (x); INSERT INTO kept VALUES (1)");

        using (var stopped = new PageCopy(source, destination))
        {
            stopped.LockDestination();
            Assert.Throws<OperationCanceledException>(() => stopped.CopyAll(new CancellationToken(canceled: true)));
        }
        Assert.Equal(1, await destination.ExecuteScalarAsync<long>("SELECT count(*) FROM kept"));

        using (var finished = new PageCopy(source, destination))
        {
            finished.CopyAll(CancellationToken.None);
        }
        Assert.Equal(3000, await destination.ExecuteScalarAsync<long>("SELECT count(*) FROM filler"));
    }
}
