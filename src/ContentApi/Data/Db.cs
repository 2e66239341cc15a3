using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContentApi.Data;

/// <summary>
/// Opens connections (one per operation) and runs writes one at a time: SQLite allows a single
/// writer, and queueing writers here is fairer and faster than letting them spin on SQLITE_BUSY.
/// </summary>
public sealed class Db(string connectionString, IOptions<DatabaseOptions> options, SqlStatementCounter? statements = null)
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly DatabaseOptions _options = options.Value;
    private readonly string _pragmas = SqliteDialect.ConnectionPragmas(options.Value);

    public string ConnectionString { get; } = connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            statements?.Attach(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> inside an immediate transaction, holding the app's writer slot.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await _writeGate.WaitAsync(TimeSpan.FromSeconds(_options.WriteQueueTimeoutSeconds), cancellationToken))
        {
            throw new DatabaseBusyException();
        }
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is
            // taken up front, so a busy database fails here and not halfway through the work.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException exception) when (SqliteDialect.IsBusy(exception))
        {
            throw new DatabaseBusyException(exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}

/// <summary>The database stayed locked longer than we are willing to wait: the caller should retry.</summary>
public sealed class DatabaseBusyException : Exception
{
    public DatabaseBusyException() : base("The database is busy.") { }
    public DatabaseBusyException(Exception inner) : base("The database is busy.", inner) { }
    public DatabaseBusyException(string message) : base(message) { }
    public DatabaseBusyException(string message, Exception inner) : base(message, inner) { }
}
