using Prometheus;

namespace ContentApi.Observability;

/// <summary>Database timings exported at /metrics.</summary>
public static class DatabaseMetrics
{
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    /// <summary>Time a write waited for the writer to take it into a transaction.</summary>
    public static readonly Histogram WriteQueueWait = Metrics.CreateHistogram(
        "contentapi_db_write_queue_wait_seconds", "Time writes waited for the writer to take them into a transaction.",
        new HistogramConfiguration { Buckets = Buckets });

    /// <summary>Time a write transaction held the database, from BEGIN IMMEDIATE to COMMIT.</summary>
    public static readonly Histogram WriteTransaction = Metrics.CreateHistogram(
        "contentapi_db_write_transaction_seconds", "Duration of write transactions (BEGIN IMMEDIATE to COMMIT).",
        new HistogramConfiguration { Buckets = Buckets, LabelNames = ["outcome"] });

    /// <summary>How many writes shared one transaction (the writer commits the writes queued at the time together).</summary>
    public static readonly Histogram WritesPerTransaction = Metrics.CreateHistogram(
        "contentapi_db_writes_per_transaction", "Writes committed together in one transaction (group commit).",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>Time to open (or take from the pool) and prepare a connection.</summary>
    public static readonly Histogram ConnectionOpen = Metrics.CreateHistogram(
        "contentapi_db_connection_open_seconds", "Time to open a pooled SQLite connection and apply its pragmas.",
        new HistogramConfiguration { Buckets = Buckets });

    public static readonly Counter BusyRejections = Metrics.CreateCounter(
        "contentapi_db_busy_total", "Writes answered 503 because the database stayed busy.");

    /// <summary>SQLite's own heap (page caches of every pooled connection, full-text index buffers), read at each scrape.</summary>
    public static readonly Gauge SqliteMemory = Metrics.CreateGauge(
        "contentapi_db_sqlite_memory_bytes", "Memory held by SQLite (page caches, statement and index buffers) in this process.");

    static DatabaseMetrics() =>
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() => SqliteMemory.Set(SQLitePCL.raw.sqlite3_memory_used()));
}
