using ContentApi.Data;

namespace ContentApi.UnitTests.Data;

public sealed class ContentStateTrackerTests
{
    private static readonly DateTimeOffset GoesLive = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ContentStateTracker _tracker = new(TimeProvider.System);

    [Fact]
    public void A_read_that_began_before_a_newer_write_was_learned_does_not_put_the_older_version_back()
    {
        var afterWrite = _tracker.Learn(8, null, readStartedAt: 200);

        var staleRead = _tracker.Learn(7, null, readStartedAt: 100);

        Assert.Same(afterWrite, staleRead);
        Assert.Same(afterWrite, _tracker.Current);
    }

    [Fact]
    public void A_read_that_began_later_is_the_truth_even_with_a_lower_version_and_starts_a_new_epoch()
    {
        var before = _tracker.Learn(8, null, readStartedAt: 100);

        var restored = _tracker.Learn(3, null, readStartedAt: 200);

        Assert.Equal(3, restored.Version);
        Assert.True(restored.Epoch > before.Epoch, "no state from before the restore may come back");
    }

    [Fact]
    public void A_scheduled_article_going_live_starts_a_new_epoch_of_the_same_version()
    {
        var scheduled = _tracker.Learn(4, GoesLive, readStartedAt: 100);

        var live = _tracker.Learn(4, null, readStartedAt: 200);

        Assert.Equal(scheduled.Version, live.Version);
        Assert.Equal(scheduled.Epoch + 1, live.Epoch);
    }

    [Fact]
    public void Reading_the_same_state_again_keeps_it()
    {
        var first = _tracker.Learn(4, GoesLive, readStartedAt: 100);

        Assert.Same(first, _tracker.Learn(4, GoesLive, readStartedAt: 200));
    }

    [Fact]
    public void A_read_that_began_before_this_instances_write_committed_does_not_put_the_older_version_back()
    {
        var readStartedAt = TimeProvider.System.GetTimestamp();
        var written = _tracker.LearnOwnWrite(8, null);

        Assert.Same(written, _tracker.Learn(7, null, readStartedAt));
    }

    [Fact]
    public void A_read_that_began_after_this_instances_write_committed_is_learned()
    {
        _tracker.LearnOwnWrite(8, null);

        Assert.Equal(9, _tracker.Learn(9, null, TimeProvider.System.GetTimestamp()).Version);
    }

    [Fact]
    public void This_instances_write_overtaken_by_a_newer_version_is_not_a_step_back()
    {
        var newer = _tracker.Learn(9, null, TimeProvider.System.GetTimestamp());

        Assert.Same(newer, _tracker.LearnOwnWrite(8, null));
    }

    [Fact]
    public void A_higher_version_is_learned_whenever_its_read_began()
    {
        _tracker.Learn(4, null, readStartedAt: 200);

        Assert.Equal(5, _tracker.Learn(5, null, readStartedAt: 100).Version);
    }
}
