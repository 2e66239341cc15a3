using System.Threading.Channels;
using ContentApi.Data;
using ContentApi.Http.Writes;
using ContentApi.Search;
using Dapper;

namespace ContentApi.Articles;

/// <summary>
/// Records scheduled articles' going live (<see cref="ScheduledGoLive"/>) when it happens. Once the server has started
/// it records those whose time came while no server ran; then it sleeps until the next scheduled article's time, which
/// the content state already holds for the Cache-Control cut (<see cref="ContentState.NextChangeAt"/>), and records it
/// by one update through the writer, as a content write: the content version moves, so every instance's response cache
/// and ETags follow. A content write of this instance (an article scheduled sooner) or one another process made, found
/// by a read, wakes it early; so does a look at the state every <see cref="Recheck"/>, for another server's schedule
/// that nothing here read. Nothing is written when nothing is due: it reads first, and an update that finds nothing (a
/// second server recorded it first, the article moved) is rolled back, as a refused write is. It stops with the host.
/// </summary>
public sealed class ScheduledGoLiveRecorder : BackgroundService
{
    /// <summary>The longest sleep without looking at the content state again.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private readonly Db _db;
    private readonly TimeProvider _clock;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<ScheduledGoLiveRecorder> _logger;

    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private int _failedInARow;

    private bool _lookedAgainAtOnce;

    public ScheduledGoLiveRecorder(Db db, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ScheduledGoLiveRecorder> logger)
    {
        (_db, _clock, _lifetime, _logger) = (db, clock, lifetime, logger);
        db.ContentWritten += Nudge;
        db.AnotherProcessWrote += Nudge;
    }

    /// <summary>How many times it has looked for articles to record (tests wait on it).</summary>
    internal int Looks => Volatile.Read(ref _looks);

    private int _looks;

    private void Nudge() => _nudges.Writer.TryWrite(true);

    public override void Dispose()
    {
        _db.ContentWritten -= Nudge;
        _db.AnotherProcessWrote -= Nudge;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            while (true)
            {
                var next = await RecordDueAsync(stoppingToken);
                await SleepAsync(next, stoppingToken);
            }
        }
        catch (Exception exception) when (SearchBacklog.IsStop(exception, stoppingToken))
        {
            // Stopping: what is due is recorded at the next start.
        }
    }

    /// <summary>Records what is due now; returns when the next scheduled article goes live (null: none, or the look failed).</summary>
    private async Task<DateTimeOffset?> RecordDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The next go-live is read before now: read after, it would be the one after an article that went live
            // meanwhile, which this look did not record and the sleep would then pass over.
            var next = (await _db.ContentStateAsync(stoppingToken)).NextChangeAt;
            var now = _clock.GetUtcNow();
            bool due;
            await using (var connection = await _db.OpenAsync(stoppingToken))
            {
                due = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    ScheduledGoLive.AnyDueSql, new { Now = Timestamps.ToDb(now) }, cancellationToken: stoppingToken));
            }
            if (due)
            {
                var recorded = await _db.WriteRetryingBusyAsync(async (connection, transaction) =>
                    new Recorded(await ScheduledGoLive.RecordDueAsync(connection, transaction, now, stoppingToken)), stoppingToken);
                if (recorded.Count > 0)
                {
                    _logger.LogInformation("Recorded {Count} scheduled articles going live: their updatedAt is their publishedAt.", recorded.Count);
                }
            }
            if (Interlocked.Exchange(ref _failedInARow, 0) > 0)
            {
                _logger.LogInformation("Scheduled articles' going live is recorded again.");
            }
            return next;
        }
        catch (Exception exception) when (!SearchBacklog.IsStop(exception, stoppingToken))
        {
            // Thrown out of a background service, it would stop the host; the next look (at most Recheck away) tries again.
            if (Interlocked.Increment(ref _failedInARow) == 1)
            {
                _logger.LogWarning(exception, "Scheduled articles that went live were not recorded (their updatedAt stays before their publishedAt); trying again within a minute (further failures are logged at debug level).");
            }
            else
            {
                _logger.LogDebug(exception, "Recording scheduled articles' going live failed again ({Failed} attempts in a row).", _failedInARow);
            }
            return null;
        }
        finally
        {
            Interlocked.Increment(ref _looks);
        }
    }

    /// <summary>
    /// Until <paramref name="next"/> (rounded up to the millisecond a timer counts, so that it never wakes just before and
    /// spins), at most <see cref="Recheck"/>, or until nudged.
    /// </summary>
    private async Task SleepAsync(DateTimeOffset? next, CancellationToken stoppingToken)
    {
        var untilNext = next is { } at ? at - _clock.GetUtcNow() : Recheck;
        if (untilNext <= TimeSpan.Zero && !_lookedAgainAtOnce)
        {
            // The time came while the look ran (a slow look, or a clock that jumps, as the tests' fake one does, on
            // which a timer set for a moment already past fires only at its next jump): look again now, once.
            _lookedAgainAtOnce = true;
            return;
        }
        _lookedAgainAtOnce = false;
        var sleep = TimeSpan.FromMilliseconds(Math.Clamp(Math.Ceiling(untilNext.TotalMilliseconds), 1, Recheck.TotalMilliseconds));
        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(sleep, _clock, woken.Token);
        var nudged = _nudges.Reader.WaitToReadAsync(woken.Token).AsTask();
        await Task.WhenAny(timer, nudged);
        await woken.CancelAsync();
        _nudges.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private sealed record Recorded(int Count) : IWriteResult
    {
        public bool Changed => Count > 0;
    }
}
