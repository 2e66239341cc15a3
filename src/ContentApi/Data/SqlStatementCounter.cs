using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ContentApi.Data;

/// <summary>
/// Counts the SQL statements SQLite runs, so tests can prove a list costs a fixed number of statements
/// whatever its size (no N+1). Off unless <see cref="DatabaseOptions.CountStatements"/> is set; when off,
/// no callback is ever registered and opening a connection costs nothing extra.
/// </summary>
public sealed class SqlStatementCounter(IOptions<DatabaseOptions> options)
{
    // One delegate for every connection: SQLitePCLRaw keeps it alive while it is registered on a handle.
    private readonly delegate_trace _onStatement = static (state, _) => ((SqlStatementCounter)state).Increment();
    private long _count;

    public bool Enabled { get; } = options.Value.CountStatements;

    /// <summary>Statements started since the app began, on every connection the app opened.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Hooks the counter into an open connection. SQLitePCLRaw 2.1 exposes the legacy sqlite3_trace (not
    /// sqlite3_trace_v2); it fires once as each statement starts, which is what is counted. Pooled handles
    /// get the hook again on each open, which simply replaces the previous registration.
    /// </summary>
    public void Attach(SqliteConnection connection)
    {
        if (Enabled)
        {
            raw.sqlite3_trace(connection.Handle, _onStatement, this);
        }
    }

    private void Increment() => Interlocked.Increment(ref _count);
}
