using ContentApi.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.UnitTests.Data;

public sealed class DamageWatchTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Damage_found_while_a_whole_check_runs_stays_found_until_a_later_check()
    {
        var watch = new DamageWatch(_clock, CancellationToken.None);
        var check = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        watch.Note();

        var probe = watch.StillFoundAsync(_ => check.Task, CancellationToken.None);
        watch.Note();
        check.SetResult(false);

        Assert.True(await probe);
        Assert.True(watch.Found);
        _clock.Advance(DamageWatch.Recheck);
        Assert.False(await watch.StillFoundAsync(_ => Task.FromResult(false), CancellationToken.None));
        Assert.False(watch.Found);
    }

    [Fact]
    public async Task A_probe_waits_for_a_running_check_at_most_the_probe_wait_and_starts_no_other()
    {
        var watch = new DamageWatch(_clock, CancellationToken.None);
        var check = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checks = 0;
        Task<bool> Check(CancellationToken _)
        {
            Interlocked.Increment(ref checks);
            return check.Task;
        }
        watch.Note();

        var first = watch.StillFoundAsync(Check, CancellationToken.None);
        _clock.Advance(DamageWatch.Recheck); // past the interval too: the running check is not doubled
        var second = watch.StillFoundAsync(Check, CancellationToken.None);
        _clock.Advance(DamageWatch.ProbeWait);

        Assert.True(await first);
        Assert.True(await second);
        Assert.Equal(1, watch.ChecksRun);
        check.SetResult(false);
        Assert.False(await watch.StillFoundAsync(Check, CancellationToken.None));
    }

    [Fact]
    public async Task A_check_that_fails_leaves_the_damage_found()
    {
        var watch = new DamageWatch(_clock, CancellationToken.None);
        watch.Note();

        Assert.True(await watch.StillFoundAsync(_ => throw new IOException("disk I/O error"), CancellationToken.None));
        Assert.True(watch.Found);
    }

    [Fact]
    public async Task A_check_that_fails_is_logged_once_as_a_warning_with_its_exception()
    {
        var logger = new KeptLogger<DamageWatch>();
        var watch = new DamageWatch(_clock, CancellationToken.None, logger);
        var failure = new IOException("disk I/O error");
        watch.Note();

        Assert.True(await watch.StillFoundAsync(_ => throw failure, CancellationToken.None));
        Assert.True(await watch.StillFoundAsync(_ => throw failure, CancellationToken.None)); // within Recheck: no second check

        var logged = Assert.Single(logger.Logs);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Same(failure, logged.Exception);
    }

    [Fact]
    public async Task Nothing_is_checked_while_no_damage_is_found()
    {
        var watch = new DamageWatch(_clock, CancellationToken.None);

        Assert.False(await watch.StillFoundAsync(_ => throw new InvalidOperationException("not to be checked"), CancellationToken.None));
        Assert.Equal(0, watch.ChecksRun);
    }
}
