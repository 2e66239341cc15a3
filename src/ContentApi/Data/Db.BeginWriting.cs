using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// The writer's connection and its write transaction.
/// </summary>
public sealed partial class Db
{
    private SqliteConnection? _writerConnection;

    /// <summary>1 once <see cref="ForgetPooledConnections"/> has run during a transaction: the writer's kept connection must go too.</summary>
    private int _writerConnectionForgotten;

    /// <summary>Held by the writer during its transactions (a semaphore, not a lock: a write may continue on another thread).</summary>
    private readonly SemaphoreSlim _writerConnectionGate = new(1, 1);

    /// <summary>
    /// A connection for the writer, in a write transaction. One opened while the database file could not be written (its
    /// mode or its folder's changed under the server, a disk remounted read-only) is read-only for good, as SQLite then
    /// falls back to reading: pooled, it was handed to the writer again after the file was writable, and every write
    /// failed until a restart. So is one that opened the file writable but its -wal read-only (only the -wal could not be
    /// written), which shows only when it begins a write: the first write once the -wal was writable again was a 503
    /// with Retry-After 60. Such a one is dropped with the pool's others, and one opened afresh, which can write once the
    /// files can (while they cannot, the write fails with SQLITE_READONLY: a 503).
    /// </summary>
    private async Task<(SqliteConnection Connection, SqliteTransaction Transaction)> BeginWritingAsync()
    {
        // At most two passes: the second, after the pool is forgotten, keeps the fresh connection whatever it can do.
        for (var afresh = false; ; afresh = true)
        {
            var connection = await WriterConnectionAsync();
            try
            {
                if (afresh || !SqliteDialect.IsReadOnly(connection))
                {
                    return (connection, BeginImmediate(connection));
                }
            }
            catch (SqliteException exception) when (!afresh && SqliteDialect.IsReadOnly(exception))
            {
                // Its -wal was opened read-only: dropped below.
            }
            catch
            {
                DropWriterConnection();
                throw;
            }
            DropWriterConnection();
            ForgetPooledConnections();
        }
    }

    /// <summary>
    /// The writer's connection, kept open from one transaction to the next so that its statements stay prepared
    /// (<see cref="PreparedStatementConnection"/>), until <see cref="ForgetPooledConnections"/> asks for fresh
    /// connections. Only the writer thread uses it, while it holds <see cref="_writerConnectionGate"/>.
    /// </summary>
    private async Task<SqliteConnection> WriterConnectionAsync()
    {
        if (Interlocked.Exchange(ref _writerConnectionForgotten, 0) == 1)
        {
            DropWriterConnection();
        }
        return _writerConnection ??= await OpenAsync(new PreparedStatementConnection(ConnectionString), CancellationToken.None);
    }

    /// <summary>Closes the writer's kept connection, which returns its file handle to the pool.</summary>
    private void DropWriterConnection()
    {
        var connection = _writerConnection;
        _writerConnection = null;
        connection?.Dispose();
    }

    /// <summary>
    /// From <see cref="ForgetPooledConnections"/>: the writer's connection is closed now if the writer is between
    /// transactions, so that it is forgotten with the pool's (a connection closed later, while others have the file
    /// open, leaves SQLite its file handle to reuse, as it was opened); otherwise at the writer's next transaction.
    /// </summary>
    private void ForgetWriterConnection()
    {
        Interlocked.Exchange(ref _writerConnectionForgotten, 1);
        if (_writerConnectionGate.Wait(0))
        {
            try
            {
                Interlocked.Exchange(ref _writerConnectionForgotten, 0);
                DropWriterConnection();
            }
            finally
            {
                _writerConnectionGate.Release();
            }
        }
    }

    /// <summary>
    /// BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is taken up front, so a busy
    /// database fails here and not halfway through the work.
    /// </summary>
    private static SqliteTransaction BeginImmediate(SqliteConnection connection) => connection.BeginTransaction();
}
