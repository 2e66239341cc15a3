namespace ContentApi.Data;

/// <summary>What the database's schema holds, read from SQLite's catalog.</summary>
internal static partial class SqliteDialect
{
    /// <summary>Whether the database has the table @Name (a database made by an older schema may lack it).</summary>
    public const string HasTable = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @Name";
}
