using Microsoft.Data.Sqlite;

namespace ContentApi.Data;

/// <summary>
/// Everything that is specific to SQLite lives here, so a PostgreSQL backend has one place to replace.
/// </summary>
internal static class SqliteDialect
{
    public const string MigrationJournalDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    /// <summary>Builds the connection string from the configured one, resolving a relative file against the content root.</summary>
    public static string BuildConnectionString(string configured, string contentRoot, DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        builder.ForeignKeys = true;
        builder.Pooling = true;
        // DatabaseFile.CheckAsync makes a missing file (its owner's only) before any of these connections opens. One
        // opened while the file is gone (moved or deleted under the server) must fail, not make a new empty database at
        // its path, with a new -wal over the name of the one that went with it.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout (whole seconds); with SQLite's own
        // busy_timeout equal to it (ConnectionPragmas), the first busy answer already ends the wait.
        builder.DefaultTimeout = options.BusyTimeoutSeconds;
        return builder.ToString();
    }

    public static void EnsureDirectoryExists(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Rows changed on this connection since it opened, by every statement (an FTS5 command's shadow-table writes too).</summary>
    public static long RowsChanged(SqliteConnection connection) => SQLitePCL.raw.sqlite3_total_changes(connection.Handle);

    /// <summary>
    /// Pragmas applied to every connection as it opens. A read-only one leaves the journal mode as it is: asking for WAL
    /// on a file in another mode is a write, refused with SQLITE_READONLY.
    /// </summary>
    public static string ConnectionPragmas(DatabaseOptions options, bool readOnly = false) =>
        (readOnly ? "" : "PRAGMA journal_mode = WAL; ") + $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Synchronous}; " +
        $"PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000}; " +
        $"PRAGMA journal_size_limit = {options.JournalSizeLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)};";

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
    /// What anonymous callers may see of an article: published, and not scheduled for later. The likelihoods tell the
    /// planner what it cannot know without statistics: nearly every article passes. Left to guess, SQLite expects the
    /// status and date on ix_articles_published to select few rows, reads every published article through it and sorts
    /// them, where a list sorted by another column (createdAt, title, slug) should read that column's index in order
    /// and stop after a page (0.2-0.7 s against under 1 ms a page at 100,000 articles); and whether published content
    /// shows an image was checked against every published article instead of the image's own uses.
    /// </summary>
    public const string ArticlePubliclyVisible = "likelihood(a.status = 'published', 0.9) AND likely(a.published_at <= @Now)";

    /// <summary>A key holder's filter on the published articles still to go live.</summary>
    public const string ArticleScheduled = "a.status = 'published' AND a.published_at > @Now";

    /// <summary>
    /// The articles table, to be read for what <see cref="ArticlePubliclyVisible"/> and a language filter need alone.
    /// A row read from the table walks its body's overflow pages to reach status, published_at and language (stored
    /// after it; migration 0005), where ix_articles_visibility holds them by id. The planner cannot know rows are
    /// that long, so it is told: counting the published articles of 44 tags at 100,000 articles took 6.6 s.
    /// </summary>
    public const string ArticlesForVisibility = "articles a INDEXED BY ix_articles_visibility";

    /// <summary>
    /// How many articles anonymous callers may see carry a tag or an author (<paramref name="kind"/>: "tag" or
    /// "author"; <paramref name="owner"/>: its id column): the count of its published articles that migration 0016's
    /// triggers keep, less those scheduled after @Now, found from the scheduled articles rather than from its own
    /// (few for a newsroom). For one row; a page uses <see cref="PageVisiblePublishedArticleCount"/>.
    /// </summary>
    public static string VisiblePublishedArticleCount(string kind, string owner) => $"""
        ((SELECT c.articles FROM {kind}_published_counts c WHERE c.{kind}_id = {owner})
         - (SELECT count(*) FROM articles a INDEXED BY ix_articles_published CROSS JOIN article_{kind}s x
            ON x.article_id = a.id AND x.{kind}_id = {owner} WHERE a.status = 'published' AND a.published_at > @Now))
        """;

    /// <summary>
    /// The scheduled articles counted by tag or author once per statement, which it must start; read by
    /// <see cref="PageVisiblePublishedArticleCount"/>. Counted again for each row, they were read once per row: the
    /// 44 tags took 0.37-0.45 s with 10,000 of 100,000 articles scheduled, and 24 ms this way.
    /// </summary>
    public static string ScheduledArticlesBy(string kind) => $"""
        WITH scheduled_by_{kind} (owner_id, articles) AS MATERIALIZED (
            SELECT x.{kind}_id, count(*) FROM articles a INDEXED BY ix_articles_published
            CROSS JOIN article_{kind}s x ON x.article_id = a.id
            WHERE a.status = 'published' AND a.published_at > @Now GROUP BY x.{kind}_id)

        """;

    /// <summary>
    /// Whether an article anonymous callers may see carries the tag or author (<paramref name="kind"/>: "tag" or
    /// "author"; <paramref name="owner"/>: its id column), at @Now: what they may see of tags and authors. Its links
    /// are read from ix_article_{kind}s_{kind} and each article's status and date from ix_articles_visibility, stopping
    /// at the first visible one.
    /// </summary>
    public static string UsedByVisibleArticle(string kind, string owner) => $"""
        EXISTS (SELECT 1 FROM article_{kind}s x CROSS JOIN {ArticlesForVisibility} ON a.id = x.article_id
                WHERE x.{kind}_id = {owner} AND {ArticlePubliclyVisible})
        """;

    /// <summary><see cref="VisiblePublishedArticleCount"/> for a page, in a statement started by <see cref="ScheduledArticlesBy"/>.</summary>
    public static string PageVisiblePublishedArticleCount(string kind, string owner) => $"""
        ((SELECT c.articles FROM {kind}_published_counts c WHERE c.{kind}_id = {owner})
         - coalesce((SELECT s.articles FROM scheduled_by_{kind} s WHERE s.owner_id = {owner}), 0))
        """;

    /// <summary>Articles whose full-text index row matches @Match (an expression built by Fts5Match, never caller text).</summary>
    public const string ArticleIdsMatching = "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @Match)";

    /// <summary>
    /// Ranked full-text search: articles whose title holds every searched word first, then BM25 with title matches
    /// weighted far above body matches (columns: title, subtitle, excerpt, body, authors, tags, images), ties broken
    /// by recency. The title tier is needed because FTS5's bm25() normalises by the length of the whole row, not of
    /// each column: a ~3,000-character article titled with the query ranked below a short one that names it once in
    /// its body, and no title weight fixes that, since a term's score saturates. @Match comes from Fts5Match (every
    /// term a quoted string), so wrapping it in a column filter keeps it safe.
    /// </summary>
    // CROSS JOIN makes SQLite start from the full-text matches; left to itself it scans every visible article
    // and probes the index for each, which grows with the library (27 ms at 2k articles, seconds at 100k).
    // INDEXED BY: the planner would read each row from the table (see migration 0005 for why that is slow).
    public const string SearchFrom = "FROM articles_fts CROSS JOIN " + ArticlesForVisibility + " ON a.id = articles_fts.rowid";
    public const string SearchCondition = "articles_fts MATCH @Match";
    public const string SearchOrder =
        "CASE WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'title : (' || @Match || ')') THEN 0 ELSE 1 END, " +
        "bm25(articles_fts, 10.0, 5.0, 3.0, 1.0, 4.0, 4.0, 1.0), a.published_at DESC, a.id DESC";

    public const int DefaultSearchIndexBufferSize = 1 << 20;

    /// <summary>How many bytes of new index entries FTS5 keeps in memory before writing a segment (its 'hashsize' setting, stored in the index).</summary>
    public static string SearchIndexBufferSize(int bytes) =>
        $"INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', {bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>
    /// One bounded step of merging the index into one segment (what FTS5's 'optimize' does at once). After a bulk load
    /// the index is a few huge segments that ordinary writes keep merging into: at 100,000 articles single updates
    /// then took up to 1.6 s (with the WAL checkpoint of what the merge wrote); after it, at most ~30 ms. FTS5's
    /// 'merge' writes about |pages| leaf pages (~4 KB each): a negative count first puts every segment on one level and
    /// starts merging them all, a positive one continues a merge in progress (or merges a level of 'usermerge'
    /// segments). A step that changes no row but its own found nothing to merge.
    /// </summary>
    public static string MergeSearchIndexStep(int pages) =>
        $"INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', {pages.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>Rows of the index's data table, about one per leaf page: the size of a full merge in 'merge' pages.</summary>
    public const string SearchIndexDataRows = "SELECT count(*) FROM articles_fts_data";

    /// <summary>Removes index entries whose article is gone (the index's docsize table lists every indexed rowid).</summary>
    public const string DeleteOrphanedSearchEntries =
        "DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles))";

    /// <summary>Empties the contentless index (FTS5's 'delete-all' command).</summary>
    public const string ClearSearchIndex = "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')";

    /// <summary>A consistent copy of the database into a new file (@Path), taken in one read transaction.</summary>
    public const string BackupInto = "VACUUM INTO @Path";

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

    /// <summary>Whether the database has the table @Name (a database made by an older schema may lack it).</summary>
    public const string HasTable = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = @Name";

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

    public const int BusyErrorCode = 5;        // SQLITE_BUSY
    public const int LockedErrorCode = 6;      // SQLITE_LOCKED
    public const int ConstraintErrorCode = 19; // SQLITE_CONSTRAINT
    public const int UniqueConstraintExtendedCode = 2067;     // SQLITE_CONSTRAINT_UNIQUE
    public const int PrimaryKeyConstraintExtendedCode = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    public const int ForeignKeyConstraintExtendedCode = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY
    public const int NotNullConstraintExtendedCode = 1299;    // SQLITE_CONSTRAINT_NOTNULL
    public const int CheckConstraintExtendedCode = 275;       // SQLITE_CONSTRAINT_CHECK

    public const int FullErrorCode = 13;       // SQLITE_FULL: the disk, or the database's page limit

    /// <summary>The database could not grow: its disk (or its folder's quota) is full.</summary>
    public static bool IsFull(Exception exception) => exception is SqliteException { SqliteErrorCode: FullErrorCode };

    public const int ReadOnlyErrorCode = 8;    // SQLITE_READONLY

    public const int CannotOpenErrorCode = 14; // SQLITE_CANTOPEN: no such file or folder, or no permission for it

    /// <summary>
    /// The database could not be written: its file or folder was made read-only (or its disk remounted so) after the
    /// server opened it, and the connection that tried was opened since, when SQLite falls back to reading.
    /// </summary>
    public static bool IsReadOnly(Exception exception) => exception is SqliteException { SqliteErrorCode: ReadOnlyErrorCode };

    public const int IoErrorCode = 10;         // SQLITE_IOERR: the OS failed a read, write or sync (extended codes say which)

    /// <summary>
    /// The OS failed SQLite's reading or writing of the file: above all a connection opened before its disk was remounted
    /// read-only (or the file made immutable), whose writes through the handle it keeps fail so, not as SQLITE_READONLY.
    /// </summary>
    public static bool IsIoError(Exception exception) => exception is SqliteException { SqliteErrorCode: IoErrorCode };

    /// <summary>The connection can only read its main database (opened while the file could not be written).</summary>
    public static bool IsReadOnly(SqliteConnection connection) => SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    public static bool IsBusy(SqliteException exception) =>
        exception.SqliteErrorCode is BusyErrorCode or LockedErrorCode;

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is UniqueConstraintExtendedCode or PrimaryKeyConstraintExtendedCode;

    public static bool IsForeignKeyViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == ForeignKeyConstraintExtendedCode;

    public static bool IsNotNullViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == NotNullConstraintExtendedCode;

    public static bool IsCheckViolation(SqliteException exception) =>
        exception.SqliteExtendedErrorCode == CheckConstraintExtendedCode;

    public static bool IsConstraintViolation(SqliteException exception) =>
        exception.SqliteErrorCode == ConstraintErrorCode;
}
