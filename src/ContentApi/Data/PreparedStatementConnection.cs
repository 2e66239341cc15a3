using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// A connection that keeps its statements prepared from one command to the next. Microsoft.Data.Sqlite prepares a
/// command's SQL again for every new command, and Dapper makes a new command for every call, so a connection that runs
/// the same few statements all day (the writer's) spent a sixth of its time compiling them. Its commands
/// (<see cref="CachedStatementCommand"/>) run on a prepared command kept here for their SQL. The cache is bounded:
/// SQL that varies (Dapper expands a list parameter into one placeholder per item) must not make it grow without end.
/// </summary>
internal sealed class PreparedStatementConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>More distinct statements than the app's writes use; when full, the cache starts over.</summary>
    internal const int MaxCachedStatements = 96;

    private readonly Dictionary<string, ReusableCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>Statements kept prepared now.</summary>
    internal int CachedStatements => _prepared.Count;

    public override SqliteCommand CreateCommand() =>
        new CachedStatementCommand(this) { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, or null when the one kept for it is still reading (a reader left
    /// open while the same SQL runs again): the caller then runs its own command.
    /// </summary>
    internal ReusableCommand? Prepared(string sql)
    {
        if (_prepared.TryGetValue(sql, out var kept))
        {
            return kept.IsReading ? null : kept;
        }
        if (_prepared.Count >= MaxCachedStatements)
        {
            ForgetStatements();
        }
        var command = new ReusableCommand { Connection = this, CommandText = sql };
        _prepared.Add(sql, command);
        return command;
    }

    public override void Close()
    {
        // A pooled handle must not go back to the pool with this connection's statements still prepared on it.
        ForgetStatements();
        base.Close();
    }

    private void ForgetStatements()
    {
        foreach (var command in _prepared.Values)
        {
            // One still reading is left to its reader, and finalized with the connection's other statements.
            if (!command.IsReading)
            {
                command.Dispose();
            }
        }
        _prepared.Clear();
    }

    /// <summary>A command that can tell whether a reader of its own is still open (the property is protected).</summary>
    internal sealed class ReusableCommand : SqliteCommand
    {
        public bool IsReading => DataReader is not null;
    }
}
