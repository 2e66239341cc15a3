using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// The writer's connection and its write transaction.
/// </summary>
public sealed partial class Db
{
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
            var connection = await OpenAsync(CancellationToken.None);
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
                await connection.DisposeAsync();
                throw;
            }
            await connection.DisposeAsync();
            ForgetPooledConnections();
        }
    }

    /// <summary>
    /// BeginTransaction() in Microsoft.Data.Sqlite is BEGIN IMMEDIATE: the write lock is taken up front, so a busy
    /// database fails here and not halfway through the work.
    /// </summary>
    private static SqliteTransaction BeginImmediate(SqliteConnection connection) => connection.BeginTransaction();
}
