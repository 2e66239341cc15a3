namespace ContentApi.Data;

/// <summary>The statements of ids, versions and restores that the stores share: the migration journal, the high-water marks, the content version.</summary>
internal static partial class SqliteDialect
{
    public const string MigrationJournalDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    /// <summary>The id of a new row: one past the highest ever given (migration 0009), so that no id is given twice.</summary>
    public const string NextArticleId = "(SELECT last_id + 1 FROM id_high_water WHERE name = 'articles')";
    public const string NextAuthorId = "(SELECT last_id + 1 FROM id_high_water WHERE name = 'authors')";
    public const string NextTagId = "(SELECT last_id + 1 FROM id_high_water WHERE name = 'tags')";
    public const string NextImageId = "(SELECT last_id + 1 FROM id_high_water WHERE name = 'images')";

    public const string ReadIdHighWater = "SELECT name AS Name, last_id AS LastId FROM id_high_water ORDER BY name";

    /// <summary>Raises a table's highest id ever given to @LastId (never lowers it).</summary>
    public const string RaiseIdHighWater = "UPDATE id_high_water SET last_id = @LastId WHERE name = @Name AND last_id < @LastId";

    /// <summary>Per table, the highest version it has ever given (migration 0012).</summary>
    public const string ReadVersionHighWater = "SELECT name AS Name, last_version AS LastVersion FROM version_high_water ORDER BY name";

    public const string RaiseVersionHighWater =
        "UPDATE version_high_water SET last_version = @LastVersion WHERE name = @Name AND last_version < @LastVersion";

    /// <summary>When the content was last restored (no row: never; migration 0013).</summary>
    public const string ReadLastRestore = "SELECT restored_at FROM last_restore WHERE id = 1";

    /// <summary>
    /// Run at the end of every content write: a new version, and when the next scheduled article goes live; and the
    /// schema version, so that a write into a schema a newer build has migrated since is found in the statement every
    /// content write runs anyway (a search of the journal's primary key).
    /// </summary>
    public const string BumpContentVersion = """
        UPDATE content_version SET version = version + 1,
               next_change_at = (SELECT min(published_at) FROM articles WHERE status = 'published' AND published_at > @Now)
        RETURNING version AS Version, next_change_at AS NextChangeAt, (SELECT max(version) FROM schema_migrations) AS SchemaVersion
        """;

    /// <summary>The schema version, for the end of writes that leave the content alone (the journal exists by then, even in a migration's).</summary>
    public const string ReadSchemaVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";

    public const string ReadContentVersionOnly = "SELECT version FROM content_version WHERE id = 1";

    /// <summary>A content version past both the current one and @Version (after a restore brought back an older one).</summary>
    public const string MoveContentVersionPast = "UPDATE content_version SET version = max(version, @Version) + 1 WHERE id = 1";

    /// <summary>
    /// Records that the content was restored at @Now, or that reindex changed what articles show then: no Last-Modified
    /// is earlier (migration 0013).
    /// </summary>
    public const string RecordRestore = """
        INSERT INTO last_restore (id, restored_at) VALUES (1, @Now)
        ON CONFLICT (id) DO UPDATE SET restored_at = excluded.restored_at
        """;

    /// <summary>
    /// When the content was last restored (NULL: never), as a column of the rows that send Last-Modified: read in the
    /// same statement, and so the same snapshot, as the row. SQLite evaluates it once per statement.
    /// </summary>
    public const string RestoredAtColumn = "(SELECT restored_at FROM last_restore) AS RestoredAt";

    public const string ReadContentVersion = """
        SELECT version AS Version,
               (SELECT min(published_at) FROM articles WHERE status = 'published' AND published_at > @Now) AS NextChangeAt
        FROM content_version WHERE id = 1
        """;
}
