using ContentApi.Data;
using ContentApi.Http.Writes;
using Dapper;
using System.Threading.Channels;

namespace ContentApi.Search;

/// <summary>
/// Reindexes the articles that an update of an author, tag or image left in the backlog
/// (<see cref="SearchIndex.UpdateArticlesOfAsync"/>), a batch per write transaction, so that other writes go on between
/// batches.
/// </summary>
public static class SearchBacklog
{
    private sealed record Taken
    {
        public long ArticleId { get; init; }
        public bool ArticleExists { get; init; }
    }

    /// <summary>What one batch did; a batch that found the backlog empty changed nothing and is rolled back.</summary>
    private sealed record Batch(int Reindexed, int Taken) : IWriteResult
    {
        public bool Changed => Taken > 0;
    }

    /// <summary>
    /// Reindexes the backlog until it is empty; how many articles it reindexed. Each batch takes its ids out of the
    /// backlog in the write that reindexes them, so drains running at once share the work. Each advances the content
    /// version, so cached search results never outlive it. <paramref name="stop"/> ends the drain between batches, and
    /// a batch still waiting for the writer, or to be tried again after the database was busy, of which nothing is
    /// written (OperationCanceledException); a batch the writer has begun always completes. Left to wait, a batch kept
    /// a stopping server waiting as long as five tries allow (each up to the writer's queue timeout or the database's
    /// busy timeout, while another process held the lock), and then failed its background service.
    /// </summary>
    public static async Task<int> DrainAsync(Db db, CancellationToken stop)
    {
        await using (var connection = await db.OpenAsync(stop))
        {
            if (await connection.ExecuteScalarAsync<bool>(SearchIndex.BacklogIsEmptySql))
            {
                return 0;
            }
        }
        var reindexed = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = await db.WriteRetryingBusyAsync(async (connection, transaction) =>
            {
                var taken = (await connection.QueryAsync<Taken>(new CommandDefinition(
                    SearchIndex.TakeFromBacklogSql, new { Limit = SearchIndex.ReindexBatch }, transaction))).AsList();
                if (taken.Count == 0)
                {
                    return new Batch(0, 0);
                }
                var pending = BeforeCommit.Of<PendingIndexChanges>(transaction);
                foreach (var row in taken.Where(t => t.ArticleExists))
                {
                    pending.Reindex(row.ArticleId);
                }
                await connection.ExecuteAsync(new CommandDefinition(
                    SearchIndex.RemoveFromBacklogSql, new { Ids = taken.Select(t => t.ArticleId).ToArray() }, transaction));
                return new Batch(taken.Count(t => t.ArticleExists), taken.Count);
            }, stop);
            if (batch.Taken == 0)
            {
                break;
            }
            reindexed += batch.Reindexed;
        }
        return reindexed;
    }

    /// <summary>
    /// The outcome of an update of an author, tag or image once the articles it left in the backlog are reindexed too,
    /// so that its caller's next search finds the new name, or once <see cref="Db.RenameReindexWait"/> has passed: the
    /// rest is then reindexed in the background. The drain runs to the end (or until the Db closes: a start drains the
    /// rest) even when the caller has gone. While another process holds the database's write lock past the retries, or
    /// the reindexing fails otherwise, the update (committed) is answered as done and the rest is tried again later: a
    /// 503 told its caller to retry what had been done, and a retry, changing nothing, drained nothing.
    /// </summary>
    public static async Task<T> ThenDrainAsync<T>(this Task<T> update, Db db, ILogger logger) where T : IWriteResult
    {
        var outcome = await update;
        if (outcome.Changed)
        {
            Task drain;
            using (ExecutionContext.SuppressFlow())
            {
                // Not the request's context: the drain may outlive the request.
                drain = Task.Run(() => DrainOrRetryWhenFreeAsync(db, logger));
            }
            try
            {
                await drain.WaitAsync(db.RenameReindexWait);
            }
            catch (TimeoutException)
            {
                // Still reindexing: it goes on in the background, and /health/ready counts what waits.
            }
        }
        return outcome;
    }

    /// <summary>
    /// Never fails: the update has committed, whatever the reindexing meets (a busy or full database); what it leaves
    /// is tried again later, and /health/ready counts it meanwhile.
    /// </summary>
    private static async Task DrainOrRetryWhenFreeAsync(Db db, ILogger logger)
    {
        try
        {
            await DrainAsync(db, db.Closing);
        }
        catch (Exception exception) when (IsStop(exception, db.Closing))
        {
            // Stopping: the rest stays in the backlog for the next start.
        }
        catch (Exception exception)
        {
            if (exception is not DatabaseBusyException)
            {
                logger.LogWarning(exception, "Reindexing the articles of an updated author, tag or image failed; it is tried again shortly.");
            }
            _ = DrainWhenFreeAsync(db, logger);
        }
    }

    /// <summary>
    /// Whether the drain ended because its server is stopping (<paramref name="stopping"/>: the Db's closing or the
    /// host's stop), which is no failure: what waited on the stop is cancelled, and a batch asked for once the Db has closed is refused with
    /// <see cref="DatabaseClosedException"/> (an <see cref="ObjectDisposedException"/>, no cancellation): a batch that
    /// had waited for a busy database and was tried again after the stop was logged as a failure, "tried again shortly".
    /// </summary>
    internal static bool IsStop(Exception exception, CancellationToken stopping) =>
        exception is (OperationCanceledException or DatabaseClosedException) && stopping.IsCancellationRequested;

    /// <summary>
    /// Tries again after 1, 2, 4 … 64 s while the database stays busy; past that, once the Db closes, or on another
    /// failure, the next start or update drains it. Two of these at once share the work, as drains do.
    /// </summary>
    private static async Task DrainWhenFreeAsync(Db db, ILogger logger)
    {
        for (var wait = 1; wait <= 64; wait *= 2)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), db.Closing);
                await DrainAsync(db, db.Closing);
                return;
            }
            catch (DatabaseBusyException)
            {
                // Still held: wait longer.
            }
            catch (Exception exception) when (IsStop(exception, db.Closing))
            {
                return; // the backlog stays for the next start
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reindexing the articles of an updated author, tag or image failed again: they wait for the next start, the next such update or `reindex`, and /health/ready counts them.");
                return;
            }
        }
        logger.LogError("Reindexing the articles of an updated author, tag or image found the database busy for two minutes: they wait for the next start, the next such update or `reindex`, and /health/ready counts them.");
    }
}

/// <summary>
/// Once the server has started (readiness does not wait for it), reindexes what a stop or crash left in the backlog
/// halfway through a drain; then again whenever this instance finds that another process has written, or readiness
/// finds articles waiting (<see cref="Nudge"/>). Another server on the same database that renamed something and stopped
/// (killed, crashed) before draining what its rename left, left this one serving searches that missed the new name until
/// a restart or its own next rename.
/// </summary>
public sealed class SearchBacklogWatch : BackgroundService
{
    private readonly Db _db;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SearchBacklogWatch> _logger;

    // One waiting nudge is enough: the drain it wakes looks at the backlog as it is then.
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public SearchBacklogWatch(Db db, IHostApplicationLifetime lifetime, ILogger<SearchBacklogWatch> logger)
    {
        (_db, _lifetime, _logger) = (db, lifetime, logger);
        db.AnotherProcessWrote += Nudge;
    }

    /// <summary>Asks for a drain soon; several asks before it starts make one.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    public override void Dispose()
    {
        _db.AnotherProcessWrote -= Nudge;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            await DrainAsync(stoppingToken);
            while (true)
            {
                await _nudges.Reader.ReadAsync(stoppingToken);
                // A drain that another process still runs is shared, batch by batch; an empty backlog costs one read.
                await DrainAsync(stoppingToken);
            }
        }
        catch (Exception exception) when (SearchBacklog.IsStop(exception, stoppingToken))
        {
            // Stopping: what is left stays in the backlog for the next start. A batch that waited past the host's
            // shutdown timeout finds the Db closed when it is tried again: a stop too, not a failed background service.
        }
    }

    /// <summary>
    /// How many drains in a row have failed (0 while they succeed), for /health/ready to tell while the log, which says
    /// so once, stays quiet.
    /// </summary>
    public int FailedInARow => Volatile.Read(ref _failedInARow);

    private int _failedInARow;

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reindexed = await SearchBacklog.DrainAsync(_db, stoppingToken);
            if (reindexed > 0)
            {
                _logger.LogInformation("Reindexed {Count} articles left in the search backlog by an earlier run or another process.", reindexed);
            }
            var failed = Interlocked.Exchange(ref _failedInARow, 0);
            if (failed > 0)
            {
                _logger.LogInformation("The search backlog is reindexed again, after {Failed} failed attempts.", failed);
            }
        }
        catch (Exception exception) when (!SearchBacklog.IsStop(exception, stoppingToken))
        {
            // Only the stop itself ends the service. Thrown out of a background service, anything else would stop the host
            // (logged as critical, during a stop too); the backlog waits for the next drain instead.
            // Each readiness probe and each write of another process tries again: while the cause lasts (a read-only or
            // locked database), a load balancer probing every second logged a warning with its stack every second. The
            // first failure is a warning, the rest debug, and the recovery says how many there were; /health/ready
            // counts them meanwhile.
            if (Interlocked.Increment(ref _failedInARow) == 1)
            {
                _logger.LogWarning(exception, "The search backlog was not reindexed; the next start, update of an author, tag or image, write by another process or readiness check tries again (further failures are logged at debug level until one succeeds; /health/ready counts them).");
            }
            else
            {
                _logger.LogDebug(exception, "The search backlog was not reindexed again ({Failed} attempts in a row).", FailedInARow);
            }
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
