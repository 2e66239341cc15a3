using ContentApi.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// The writer's connection keeps each statement prepared from one command to the next (Dapper makes a new command per
/// call), and its commands still behave as Microsoft.Data.Sqlite's own.
/// </summary>
public sealed class PreparedStatementConnectionTests : IAsyncLifetime
{
    private const string CountRows = "SELECT count(*) FROM notes";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"prepared-{Guid.NewGuid():N}.db");
    private PreparedStatementConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = new PreparedStatementConnection($"Data Source={_path}");
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT, score REAL, data BLOB, at TEXT UNIQUE)");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public void Statement_run_through_new_commands_is_prepared_once_and_run_again()
    {
        Assert.Equal(1, RunsOf(CountRows));
        Assert.Equal(2, RunsOf(CountRows));
        Assert.Equal(3, RunsOf(CountRows));
        Assert.Equal(1, RunsOf("SELECT count(*) FROM notes WHERE id > 0"));
    }

    [Fact]
    public async Task Parameters_of_each_type_and_nulls_are_bound_afresh_at_each_run()
    {
        const string insert = "INSERT INTO notes (id, text, score, data, at) VALUES (@Id, @Text, @Score, @Data, @At)";
        var at = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
        await _connection.ExecuteAsync(insert, new { Id = 1, Text = "長文" + new string('字', 5000), Score = 1.5, Data = new byte[] { 1, 2 }, At = at });
        await _connection.ExecuteAsync(insert, new { Id = 2, Text = (string?)null, Score = (double?)null, Data = (byte[]?)null, At = (DateTimeOffset?)null });
        await _connection.ExecuteAsync(insert, new { Id = 3, Text = "short", Score = (double?)-2, Data = Array.Empty<byte>(), At = at.AddDays(1) });

        var rows = (await _connection.QueryAsync<(long Id, string? Text, double? Score, byte[]? Data, string? At)>(
            "SELECT id, text, score, data, at FROM notes ORDER BY id")).ToList();

        Assert.Equal(("長文" + new string('字', 5000), 1.5, "2026-12-07 15:00:00+00:00"), (rows[0].Text, rows[0].Score, rows[0].At));
        Assert.Equal([1, 2], rows[0].Data!);
        Assert.Equal((null, null, null, null), (rows[1].Text, rows[1].Score, rows[1].Data, rows[1].At));
        Assert.Equal(("short", -2.0), (rows[2].Text, rows[2].Score));
        Assert.Equal([], rows[2].Data!);
    }

    [Fact]
    public async Task A_failing_statement_fails_alone_and_runs_again_with_other_values()
    {
        const string insert = "INSERT INTO notes (id, text) VALUES (@Id, @Text)";
        await _connection.ExecuteAsync(insert, new { Id = 1, Text = "first" });

        var refused = await Assert.ThrowsAsync<SqliteException>(() => _connection.ExecuteAsync(insert, new { Id = 1, Text = "again" }));
        Assert.Equal(SqliteDialect.ConstraintErrorCode, refused.SqliteErrorCode);
        await Assert.ThrowsAsync<SqliteException>(() => _connection.ExecuteAsync("INSERT INTO nowhere VALUES (1)"));
        await Assert.ThrowsAsync<SqliteException>(() => _connection.ExecuteAsync("INSERT INTO nowhere VALUES (1)"));
        await _connection.ExecuteAsync(insert, new { Id = 2, Text = "second" });

        Assert.Equal(["first", "second"], await _connection.QueryAsync<string>("SELECT text FROM notes ORDER BY id"));
    }

    [Fact]
    public async Task The_transaction_given_reaches_the_statement_and_a_rollback_undoes_it()
    {
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            await _connection.ExecuteAsync("INSERT INTO notes (id) VALUES (@Id)", new { Id = 7 }, transaction);
            Assert.Equal(1, await _connection.ExecuteScalarAsync<long>(CountRows, transaction: transaction));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await _connection.ExecuteScalarAsync<long>(CountRows));
    }

    [Fact]
    public async Task A_schema_change_by_another_connection_is_seen_by_a_statement_prepared_before_it()
    {
        const string all = "SELECT * FROM notes";
        await _connection.ExecuteAsync("INSERT INTO notes (id, text) VALUES (1, 'one')");
        Assert.Equal(5, ColumnsOf(all));

        await using (var other = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("ALTER TABLE notes ADD COLUMN extra TEXT DEFAULT 'x'; CREATE INDEX notes_text ON notes (text)");
        }

        Assert.Equal(6, ColumnsOf(all));
        Assert.Equal("x", await _connection.ExecuteScalarAsync<string>("SELECT extra FROM notes WHERE text = @Text", new { Text = "one" }));
    }

    [Fact]
    public void The_same_statement_run_while_its_reader_is_open_gets_its_own()
    {
        _connection.Execute("INSERT INTO notes (id) VALUES (1), (2)");
        const string ids = "SELECT id FROM notes ORDER BY id";
        using var outer = _connection.CreateCommand();
        outer.CommandText = ids;
        using var reading = outer.ExecuteReader();
        Assert.True(reading.Read());

        Assert.Equal([1L, 2L], _connection.Query<long>(ids));

        Assert.Equal(1L, reading.GetInt64(0));
        Assert.True(reading.Read());
        Assert.Equal(2L, reading.GetInt64(0));
    }

    [Fact]
    public void The_cache_keeps_at_most_its_bound_and_then_starts_over()
    {
        for (var i = 0; i < PreparedStatementConnection.MaxCachedStatements + 10; i++)
        {
            Assert.Equal(i, _connection.ExecuteScalar<long>($"SELECT {i}"));
            Assert.InRange(_connection.CachedStatements, 1, PreparedStatementConnection.MaxCachedStatements);
        }

        Assert.InRange(_connection.CachedStatements, 1, 11); // started over once, with the table's CREATE among the first
        Assert.Equal(1, RunsOf(CountRows));
    }

    [Fact]
    public async Task A_connection_closed_and_opened_again_prepares_its_statements_afresh()
    {
        Assert.Equal(1, RunsOf(CountRows));
        await _connection.CloseAsync();
        await _connection.OpenAsync();

        Assert.Equal(0, _connection.CachedStatements);
        Assert.Equal(1, RunsOf(CountRows));
    }

    /// <summary>How many times the statement that just ran <paramref name="sql"/> has run (SQLITE_STMTSTATUS_RUN).</summary>
    private int RunsOf(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        const int statementRuns = 6;
        return raw.sqlite3_stmt_status(reader.Handle, statementRuns, 0);
    }

    private int ColumnsOf(string sql)
    {
        using var reader = _connection.ExecuteReader(sql);
        return reader.FieldCount;
    }
}
