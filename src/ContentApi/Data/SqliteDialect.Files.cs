namespace ContentApi.Data;

/// <summary>The database file itself: its copy.</summary>
internal static partial class SqliteDialect
{
    /// <summary>A consistent copy of the database into a new file (@Path), taken in one read transaction.</summary>
    public const string BackupInto = "VACUUM INTO @Path";
}
