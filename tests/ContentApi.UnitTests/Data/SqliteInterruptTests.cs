using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.UnitTests.Data;

/// <summary>A running statement stops when its token is cancelled: Microsoft.Data.Sqlite alone lets it run to its end.</summary>
public sealed class SqliteInterruptTests
{
    /// <summary>Counts to a billion: minutes of work, unless stopped.</summary>
    private const string Endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n";

    [Fact]
    public async Task A_statement_running_when_the_token_is_cancelled_stops_as_a_cancellation()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SqliteInterrupt.RunAsync(connection, () => connection.ExecuteScalarAsync<long>(Endless), stop.Token));

        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("SELECT 1 + 5")); // the connection goes on working
    }
}
