using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ContentApi.Data;

/// <summary>
/// Counts the SQL statements the app runs, so tests can prove a request costs a fixed number of statements
/// whatever the size of its answer (no N+1). Off unless <see cref="DatabaseOptions.CountStatements"/> is set;
/// when off, no callback is ever registered and opening a connection costs nothing extra.
/// </summary>
public sealed class SqlStatementCounter(IOptions<DatabaseOptions> options)
{
    private static readonly delegate_trace OnStatement = static (state, sql) =>
    {
        // SQLite reports statements it runs inside another one (FTS5 reading its shadow tables, triggers)
        // with a "-- " prefix. Those grow with the data, not with what the app asks for: not counted.
        ref readonly var first = ref sql.GetPinnableReference();
        if (!Unsafe.IsNullRef(in first) && first == (byte)'-' && Unsafe.Add(ref Unsafe.AsRef(in first), 1) == (byte)'-')
        {
            return;
        }
        // FTS5 loads its settings when a connection first uses the index (and after they change) while the app's
        // statement is being prepared, so without the prefix: whether a request pays for it depends on which pooled
        // connection it got. It reads them from its shadow table 'main'.'..._config', which the app's SQL never names.
        if (sql.utf8_to_string().Contains(Fts5Settings, StringComparison.Ordinal))
        {
            return;
        }
        ((Registration)state).Count();
    };

    private const string Fts5Settings = "_config'";

    private long _count;

    public bool Enabled { get; } = options.Value.CountStatements;

    /// <summary>Statements the app started on the connections it opened, since it began.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Hooks the counter into a connection that has just opened. SQLitePCLRaw 2.1 (what Microsoft.Data.Sqlite
    /// ships) has only the legacy sqlite3_trace, not sqlite3_trace_v2; it fires once as each statement starts.
    /// </summary>
    public void Attach(SqliteConnection connection)
    {
        if (!Enabled)
        {
            return;
        }
        // A pooled handle keeps its hook after Close, so the statements Microsoft.Data.Sqlite runs while the
        // next Open reuses it would be counted, but not those of a fresh handle: a registration stops counting
        // when its connection closes, and the next Open registers anew.
        var registration = new Registration(this);
        raw.sqlite3_trace(connection.Handle, OnStatement, registration);
        connection.StateChange += registration.OnStateChange;
    }

    private sealed class Registration(SqlStatementCounter counter)
    {
        private volatile bool _open = true;

        public void Count()
        {
            if (_open)
            {
                Interlocked.Increment(ref counter._count);
            }
        }

        public void OnStateChange(object? sender, StateChangeEventArgs e)
        {
            if (e.CurrentState == ConnectionState.Closed)
            {
                _open = false;
            }
        }
    }
}
