using Dapper;
using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// What SQLite's page limit leaves a connection to write (<c>max_page_count</c>, a setting of each connection, fails a
/// write that would pass it with SQLITE_FULL, as a full disk does). Read only: none of these pragmas writes when asked
/// without a value.
/// </summary>
internal static class SqlitePageRoom
{
    private const string Pages = "PRAGMA page_count";
    private const string MaxPages = "PRAGMA max_page_count";
    private const string PageSize = "PRAGMA page_size";

    /// <summary>The bytes the database may still grow by on <paramref name="connection"/> before its page limit.</summary>
    public static async Task<long> BytesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pages = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Pages, cancellationToken: cancellationToken));
        var maxPages = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MaxPages, cancellationToken: cancellationToken));
        var pageSize = await connection.ExecuteScalarAsync<long>(new CommandDefinition(PageSize, cancellationToken: cancellationToken));
        return Math.Max(0, maxPages - pages) * pageSize;
    }
}
