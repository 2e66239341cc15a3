using Microsoft.Data.Sqlite;

namespace ContentApi.Cli;

/// <summary>Database files <c>backup</c> and <c>restore</c> open, make and remove themselves, beside the app's database.</summary>
internal static class OwnDatabaseFiles
{
    /// <summary>
    /// A connection string for a file this command opens itself, unpooled so that closing the connection closes the file.
    /// Built, not pasted: a path may hold ';' or '=', and pasted, "/x/d;Data Source=/x/other.db" named another file.
    /// </summary>
    public static string ConnectionString(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    /// <summary>A database file this command made and did not finish, with any journal SQLite left beside it.</summary>
    public static void Delete(string file)
    {
        foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The failure that brought us here is what gets reported; a leftover's name says what it is.
            }
        }
    }
}
