using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The writer keeps its connection, and the statements prepared on it, from one write transaction to the next
/// (<see cref="PreparedStatementConnection"/>), also past a transaction that failed.
/// </summary>
public sealed class WriterPreparedStatementsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CountArticles = "SELECT count(*) FROM articles WHERE id > @Above";

    private Db Db => factory.Services.GetRequiredService<Db>();

    [Fact]
    public async Task A_statement_of_one_write_transaction_is_still_prepared_in_the_next()
    {
        var first = await RunsOfCountInAWriteAsync();
        var second = await RunsOfCountInAWriteAsync();

        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task A_failed_write_transaction_leaves_the_writers_statements_prepared_and_the_next_write_works()
    {
        var before = await RunsOfCountInAWriteAsync();
        await Assert.ThrowsAsync<SqliteException>(() => Db.WriteAsync<long>(
            async (connection, transaction) => await connection.ExecuteAsync("INSERT INTO nowhere VALUES (1)", transaction: transaction),
            CancellationToken.None, changesContent: false));

        Assert.Equal(before + 1, await RunsOfCountInAWriteAsync());
    }

    [Fact]
    public async Task A_table_added_by_another_connection_is_seen_by_the_writers_kept_connection()
    {
        await RunsOfCountInAWriteAsync();
        var table = "added_" + Guid.NewGuid().ToString("N")[..8];
        using (var other = factory.OpenDatabase())
        {
            other.Execute($"CREATE TABLE {table} (x INTEGER)");
        }

        var rows = await Db.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync($"INSERT INTO {table} (x) VALUES (@X)", new { X = 5 }, transaction);
            return await connection.ExecuteScalarAsync<long>(CountArticles, new { Above = -1 }, transaction)
                + await connection.ExecuteScalarAsync<long>($"SELECT x FROM {table}", transaction: transaction);
        }, CancellationToken.None, changesContent: false);

        using var check = factory.OpenDatabase();
        Assert.Equal(check.ExecuteScalar<long>("SELECT count(*) FROM articles") + 5, rows);
    }

    /// <summary>Runs <see cref="CountArticles"/> in a write transaction: how many times its statement has run (SQLITE_STMTSTATUS_RUN).</summary>
    private Task<int> RunsOfCountInAWriteAsync() => Db.WriteAsync((connection, transaction) =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = CountArticles;
        command.Transaction = (SqliteTransaction)transaction;
        command.Parameters.AddWithValue("@Above", -1);
        using var reader = command.ExecuteReader();
        reader.Read();
        const int statementRuns = 6;
        return Task.FromResult(raw.sqlite3_stmt_status(reader.Handle, statementRuns, 0));
    }, CancellationToken.None, changesContent: false);
}
