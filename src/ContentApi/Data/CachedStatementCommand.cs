using System.Data;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// A command of a <see cref="PreparedStatementConnection"/>: set up as any other (SQL, parameters, transaction), it runs
/// on the connection's prepared command for its SQL, which binds this command's parameters afresh at every run, so the
/// statement is compiled once for the connection, not once per command. Every way of running a SqliteCommand (non-query,
/// scalar, reader, their async forms) goes through <see cref="ExecuteReader(CommandBehavior)"/>.
/// </summary>
internal sealed class CachedStatementCommand(PreparedStatementConnection connection) : SqliteCommand
{
    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        if (Connection != connection || connection.State != ConnectionState.Open || connection.Prepared(CommandText) is not { } prepared)
        {
            return base.ExecuteReader(behavior);
        }
        prepared.Parameters.Clear();
        foreach (SqliteParameter parameter in Parameters)
        {
            prepared.Parameters.Add(parameter);
        }
        prepared.Transaction = Transaction;
        prepared.CommandTimeout = CommandTimeout;
        return prepared.ExecuteReader(behavior);
    }

    /// <summary>Nothing to prepare here: the connection's command for this SQL is prepared when it first runs.</summary>
    public override void Prepare()
    {
    }
}
