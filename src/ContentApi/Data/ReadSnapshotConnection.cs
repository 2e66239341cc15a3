using System.Data;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// A connection inside one read transaction, from its first statement until it closes. SQLite otherwise gives every
/// statement its own snapshot, so a write committing between two statements of one read showed half of it: a list
/// page of ids whose rows had since become drafts (served publicly), a cursor built from a row renamed since, an
/// article with its old title and its new authors. The transaction is begun with SQL, not BeginTransaction, so the
/// stores' read methods need no transaction argument; it ends (and must end) before the connection returns to the pool.
/// </summary>
internal sealed class ReadSnapshotConnection(string connectionString) : SqliteConnection(connectionString)
{
    public override void Close()
    {
        if (State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) == 0)
        {
            using var end = CreateCommand();
            end.CommandText = "COMMIT";
            try
            {
                end.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Still inside the transaction (a statement left running): a pooled connection must not keep an old
                // snapshot, so this one is not pooled again.
                base.Close();
                ClearPool(this);
                return;
            }
        }
        base.Close();
    }
}
