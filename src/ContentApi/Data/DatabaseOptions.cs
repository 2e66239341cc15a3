using System.ComponentModel.DataAnnotations;

namespace ContentApi.Data;

/// <summary>How the app talks to its SQLite file. Bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Whole seconds a statement waits on a locked database before giving up (SQLite busy timeout).
    /// Whole, because Microsoft.Data.Sqlite retries a busy database by itself until its command timeout,
    /// which only takes seconds: a shorter wait would silently become a longer one.
    /// </summary>
    [Range(1, 60)]
    public int BusyTimeoutSeconds { get; set; } = 2;

    /// <summary>Seconds a write waits for the app's single writer slot before the request gets 503.</summary>
    [Range(0.05, 60)]
    public double WriteQueueTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// SQLite synchronous mode. NORMAL (default) with WAL survives a crash of the process;
    /// FULL also survives power loss, at the cost of an fsync per commit.
    /// </summary>
    [RegularExpression("^(NORMAL|FULL)$", ErrorMessage = "{0} must be NORMAL or FULL.")]
    public string Synchronous
    {
        get;
        // SQLite takes either in any case ("full"), and is named so in the PRAGMA; anything else stays as written, to be refused.
        set => field = value.ToUpperInvariant() is "NORMAL" or "FULL" ? value.ToUpperInvariant() : value;
    } = "NORMAL";

    /// <summary>
    /// Bytes the write-ahead log is cut back to whenever it starts over (SQLite's journal_size_limit). A long read, such
    /// as an export beside a writing server, keeps the log from starting over, so it grows; without a limit the file
    /// then keeps its largest size for as long as the database is open (590 MB seen during a reindex). -1: no limit.
    /// </summary>
    [Range(-1, long.MaxValue)]
    public long JournalSizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Seconds an update of an author, tag or image waits, before it answers, for the articles that carry it to be
    /// reindexed for search (about 2 ms each; a popular author's 10,000 articles take 20 s). The rest are reindexed in the
    /// background: until then searches by the new text miss them, and /health/ready says how many wait. A request held
    /// for minutes would outlast the timeouts of the proxies and clients in front of it.
    /// </summary>
    [Range(0, 600)]
    public double RenameReindexWaitSeconds { get; set; } = 5;

    /// <summary>
    /// Count every SQL statement run (see <see cref="SqlStatementCounter"/>), for tests that prove a request
    /// costs a fixed number of statements. Off by default: it adds a callback to every statement.
    /// </summary>
    public bool CountStatements { get; set; }

    /// <summary>
    /// How often, at most, this instance re-reads the content version for its caches (its own writes are seen at
    /// once; other instances' writes within this time).
    /// </summary>
    [Range(0, 3_600_000)]
    public int ContentStateRecheckMilliseconds { get; set; } = 250;
}
