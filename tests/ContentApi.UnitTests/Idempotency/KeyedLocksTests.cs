using ContentApi.Idempotency;

namespace ContentApi.UnitTests.Idempotency;

public sealed class KeyedLocksTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_caller_with_the_same_key_waits_until_the_first_releases_it()
    {
        var locks = new KeyedLocks();
        var first = await locks.EnterAsync("k", CancellationToken.None);

        var second = locks.EnterAsync("k", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(Bound)).Dispose();
    }

    [Fact]
    public async Task Callers_with_different_keys_do_not_wait_for_each_other()
    {
        var locks = new KeyedLocks();
        var held = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => locks.EnterAsync($"key {i}", CancellationToken.None)));

        Assert.Equal(1_000, locks.KeysInUse);
        foreach (var each in held)
        {
            each.Dispose();
        }
    }

    [Fact]
    public async Task A_key_is_forgotten_once_no_one_holds_or_waits_for_it()
    {
        var locks = new KeyedLocks();
        var first = await locks.EnterAsync("k", CancellationToken.None);
        var second = locks.EnterAsync("k", CancellationToken.None);
        Assert.Equal(1, locks.KeysInUse);

        first.Dispose();
        first.Dispose(); // a second release releases nothing more
        var secondHeld = await second.WaitAsync(Bound);
        Assert.Equal(1, locks.KeysInUse);
        secondHeld.Dispose();

        Assert.Equal(0, locks.KeysInUse);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_neither_holds_the_key_nor_keeps_it()
    {
        var locks = new KeyedLocks();
        var first = await locks.EnterAsync("k", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = locks.EnterAsync("k", stop.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();

        Assert.Equal(0, locks.KeysInUse);
        (await locks.EnterAsync("k", CancellationToken.None).WaitAsync(Bound)).Dispose();
    }
}
