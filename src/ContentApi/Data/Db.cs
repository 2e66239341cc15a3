using System.Data.Common;
using Dapper;
using System.Diagnostics;
using ContentApi.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContentApi.Data;

/// <summary>
/// Opens connections (one per operation) and runs every write through one writer (Db.Writes.cs): SQLite allows a
/// single writer, and queueing writers here is fairer and faster than letting them spin on SQLITE_BUSY.
/// </summary>
public sealed partial class Db(
    string connectionString, IOptions<DatabaseOptions> options, TimeProvider clock, SqlStatementCounter? statements = null,
    IHttpContextAccessor? requests = null, ILogger<Db>? logger = null) : IDisposable
{

    private readonly Lock _writerStartLock = new();
    private readonly ContentStateTracker _state = new(clock);

    private readonly DatabaseOptions _options = options.Value;
    private readonly TimeSpan _contentStateRecheck = TimeSpan.FromMilliseconds(options.Value.ContentStateRecheckMilliseconds);
    private readonly string _pragmas = SqliteDialect.ConnectionPragmas(
        options.Value, readOnly: new SqliteConnectionStringBuilder(connectionString).Mode == SqliteOpenMode.ReadOnly);

    public string ConnectionString { get; } = connectionString;

    /// <summary>How long an update of an author, tag or image waits for its articles' reindexing (<see cref="DatabaseOptions.RenameReindexWaitSeconds"/>).</summary>
    public TimeSpan RenameReindexWait { get; } = TimeSpan.FromSeconds(options.Value.RenameReindexWaitSeconds);

    /// <summary>The database's file, or null for an in-memory database.</summary>
    public string? FilePath { get; } = DatabaseFile.OnDiskPath(connectionString);

    private readonly DatabaseFileWatch _file = new(DatabaseFile.OnDiskPath(connectionString));

    /// <summary>
    /// Remembers the file now at <see cref="FilePath"/> as this server's (once migrated, at start), so that a file
    /// replaced under it later counts as gone (<see cref="FileIsGone"/>), not only a missing one.
    /// </summary>
    public void PinFile() => _file.Pin();

    /// <summary>
    /// The database file is missing, or another file is at its path than the one <see cref="PinFile"/> saw: nothing may
    /// be written. Another file stays seen until a restart; a missing one is looked for again each time.
    /// </summary>
    public bool FileIsGone => _file.IsGone;

    private readonly CancellationTokenSource _closing = new();

    /// <summary>Cancelled once the Db is disposed (its server or command is stopping): work in the background ends with it.</summary>
    public CancellationToken Closing => _closing.Token;

    public void Dispose()
    {
        _closing.Cancel();
        StopWriter();
        _file.Dispose();
        // Its pooled connections would hold the file open after the Db is gone (a restore deletes its staged copy next).
        ForgetPooledConnections();
    }

    /// <summary>
    /// Closes the pooled connections (those in use, once they are returned) and the writer's: the next ones are opened afresh.
    /// </summary>
    internal void ForgetPooledConnections()
    {
        ForgetWriterConnection();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(new SqliteConnection(ConnectionString), cancellationToken);

    /// <summary>
    /// A connection whose statements all read one snapshot of the database (<see cref="ReadSnapshotConnection"/>): a
    /// response built from several statements (ranked ids, then their rows, embeds and total) describes one state of
    /// the content, whatever commits meanwhile.
    /// </summary>
    public async Task<SqliteConnection> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(new ReadSnapshotConnection(ConnectionString), cancellationToken);
        try
        {
            await using var begin = connection.CreateCommand();
            begin.CommandText = SqliteDialect.BeginReadTransaction;
            await begin.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<SqliteConnection> OpenAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await connection.OpenAsync(cancellationToken);
            statements?.Attach(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            DatabaseMetrics.ConnectionOpen.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return connection;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteDialect.CannotOpenErrorCode && FileIsGone)
        {
            await connection.DisposeAsync();
            throw new DatabaseFileGoneException($"{FilePath} is gone or was replaced.", exception);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The current content state, re-read from the database at most every <see cref="DatabaseOptions.ContentStateRecheckMilliseconds"/>
    /// (this instance's own writes are seen at once).
    /// </summary>
    public async ValueTask<ContentState> ContentStateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = _state.Current;
        if (state is not null && state.IsCurrentAt(now) && _state.SinceChecked < _contentStateRecheck)
        {
            return state;
        }
        var readStartedAt = clock.GetTimestamp();
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<ContentVersionRow>(new CommandDefinition(
            SqliteDialect.ReadContentVersion, new { Now = Timestamps.ToDb(now) }, cancellationToken: cancellationToken));
        return Learn(row, readStartedAt);
    }

    /// <summary>The content state last learned (from a read or this instance's write), without reading the database.</summary>
    public ContentState? KnownContentState => _state.Current;

    private ContentState Learn(ContentVersionRow row, long readStartedAt)
    {
        var known = _state.Current?.Version;
        var learned = _state.Learn(row.Version, Timestamps.FromDbOrNull(row.NextChangeAt), readStartedAt);
        if (known is not null && learned.Version > known)
        {
            AnotherProcessWrote?.Invoke();
        }
        return learned;
    }

    /// <summary>
    /// Raised (on the reading thread: handlers must only signal) when a read has found a content version newer than this
    /// instance knew, which another process (a server beside this one, an admin command) wrote, and which may have left
    /// work for whoever finds it (see <see cref="Search.SearchBacklogWatch"/>). Only readers of the content state
    /// (anonymous reads, list totals) notice.
    /// </summary>
    public event Action? AnotherProcessWrote;

    /// <summary>
    /// Raised (on the writer thread: handlers must only signal) when this instance has committed a content write, which
    /// may have scheduled an article sooner than any before (see <see cref="Articles.ScheduledGoLiveRecorder"/>).
    /// </summary>
    public event Action? ContentWritten;
}

/// <summary>The database stayed locked longer than we are willing to wait: the caller should retry.</summary>
public sealed class DatabaseBusyException : Exception
{
    public DatabaseBusyException() : base("The database is busy.") { }
    public DatabaseBusyException(Exception inner) : base("The database is busy.", inner) { }
    public DatabaseBusyException(string message) : base(message) { }
    public DatabaseBusyException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The Db was disposed (its server or command is stopping): it takes no more writes, and nothing of this one was written.</summary>
public sealed class DatabaseClosedException() : ObjectDisposedException(nameof(Db), "The database is closed (the server is stopping); nothing was written.");

/// <summary>
/// The database file was deleted, moved or replaced while the app ran: SQLite would go on writing to the file the app still has
/// open, and every write would be lost with it. Only a restart (and the operator) can mend that.
/// </summary>
public sealed class DatabaseFileGoneException : Exception
{
    public DatabaseFileGoneException() : base("The database file is gone.") { }
    public DatabaseFileGoneException(string message) : base(message) { }
    public DatabaseFileGoneException(string message, Exception inner) : base(message, inner) { }
}
