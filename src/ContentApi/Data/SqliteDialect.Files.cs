namespace ContentApi.Data;

/// <summary>The database file itself: its copy, its integrity, its page size.</summary>
internal static partial class SqliteDialect
{
    /// <summary>A consistent copy of the database into a new file (@Path), taken in one read transaction.</summary>
    public const string BackupInto = "VACUUM INTO @Path";

    /// <summary>Checks the whole file: one row "ok", or a row per problem found.</summary>
    public const string CheckIntegrity = "PRAGMA integrity_check";

    /// <summary><see cref="CheckIntegrity"/> that stops at the first problem (one damage makes the file damaged, and listing more reads on).</summary>
    public const string CheckIntegrityToFirstProblem = "PRAGMA integrity_check(1)";

    /// <summary>
    /// On a damaged database, lets SQLite read what it still can and write the file over whole (one shorter than its
    /// header says it refuses to read or write at all unless its schema may be written); in WAL mode, as the app's
    /// connections make it.
    /// </summary>
    public const string OpenDamaged = "PRAGMA writable_schema = ON; PRAGMA journal_mode = WAL;";

    public const string ReadPageSize = "PRAGMA page_size";

    /// <summary>The database's pages, and the most a connection may grow it to (<c>max_page_count</c>, a setting of each connection).</summary>
    public const string ReadPageCount = "PRAGMA page_count";

    public const string ReadMaxPageCount = "PRAGMA max_page_count";

    /// <summary>Rewrites every page of the database in <paramref name="pageSize"/>, outside WAL mode, where alone a page size can be set.</summary>
    public static string RewriteInPageSize(long pageSize) => $"PRAGMA journal_mode = DELETE; PRAGMA page_size = {pageSize}; VACUUM;";
}
