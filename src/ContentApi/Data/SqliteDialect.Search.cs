namespace ContentApi.Data;

/// <summary>The full-text index: an FTS5 table, articles_fts, whose rowid is the article's id.</summary>
internal static partial class SqliteDialect
{
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

    /// <summary>Takes the articles @Ids out of the index.</summary>
    public const string DeleteFromSearchIndex = "DELETE FROM articles_fts WHERE rowid IN @Ids";

    /// <summary>Adds an article's analysed row to the index (<see cref="Search.IndexDocument"/>'s properties as parameters).</summary>
    public const string InsertIntoSearchIndex = """
        INSERT INTO articles_fts (rowid, title, subtitle, excerpt, body, authors, tags, images)
        VALUES (@Id, @Title, @Subtitle, @Excerpt, @Body, @Authors, @Tags, @Images)
        """;
}
