using ContentApi.Auth;
using ContentApi.Http.Limits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContentApi.UnitTests.Auth;

/// <summary>
/// An address's window opens with its first failure and lasts a minute; a refusal says how much of it is left,
/// which is what the 429's Retry-After and RateLimit reset state.
/// </summary>
public sealed class FailedKeyAttemptsTests
{
    private const string Address = "192.0.2.1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private FailedKeyAttempts Attempts(int perMinute = 3) =>
        new(Options.Create(new RateLimitingOptions { FailedKeyAttemptsPerMinute = perMinute }), _clock);

    [Fact]
    public void TryRecordFailure_past_the_limit_refuses_with_the_time_left_in_the_window()
    {
        var attempts = Attempts();
        Assert.True(attempts.TryRecordFailure(Address, out _));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(attempts.TryRecordFailure(Address, out _));
        Assert.True(attempts.TryRecordFailure(Address, out _));
        _clock.Advance(TimeSpan.FromSeconds(15.5));

        Assert.False(attempts.TryRecordFailure(Address, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(34.5), retryAfter);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(attempts.TryRecordFailure(Address, out retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(4.5), retryAfter);
    }

    [Fact]
    public void TryRecordFailure_when_the_refusal_said_to_retry_accepts_a_full_quota_again()
    {
        var attempts = Attempts(perMinute: 2);
        Assert.True(attempts.TryRecordFailure(Address, out _));
        Assert.True(attempts.TryRecordFailure(Address, out _));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(attempts.TryRecordFailure(Address, out var retryAfter));

        _clock.Advance(retryAfter);

        Assert.True(attempts.TryRecordFailure(Address, out _));
        Assert.True(attempts.TryRecordFailure(Address, out _));
        Assert.False(attempts.TryRecordFailure(Address, out retryAfter));
        Assert.Equal(FailedKeyAttempts.Window, retryAfter);
    }

    [Fact]
    public void TryRecordFailure_counts_each_address_in_its_own_window()
    {
        var attempts = Attempts(perMinute: 1);
        Assert.True(attempts.TryRecordFailure(Address, out _));
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True(attempts.TryRecordFailure("192.0.2.2", out _));

        Assert.False(attempts.TryRecordFailure(Address, out var first));
        Assert.False(attempts.TryRecordFailure("192.0.2.2", out var second));
        Assert.Equal(TimeSpan.FromSeconds(15), first);
        Assert.Equal(FailedKeyAttempts.Window, second);
    }

    [Fact]
    public void TryRecordFailure_forgets_addresses_whose_window_ended()
    {
        var attempts = Attempts();
        for (var i = 0; i < 1000; i++)
        {
            attempts.TryRecordFailure($"2001:db8::{i:x}", out _);
        }
        Assert.Equal(1000, attempts.TrackedAddresses);

        _clock.Advance(FailedKeyAttempts.Window);
        attempts.TryRecordFailure(Address, out _);

        Assert.Equal(1, attempts.TrackedAddresses);
    }

    [Fact]
    public void TryRecordFailure_when_rate_limiting_is_off_accepts_every_failure()
    {
        var attempts = new FailedKeyAttempts(Options.Create(new RateLimitingOptions { Enabled = false, FailedKeyAttemptsPerMinute = 1 }), _clock);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(attempts.TryRecordFailure(Address, out TimeSpan _)));
    }

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(0, 1)]
    [InlineData(34.5, 35)]
    [InlineData(35, 35)]
    [InlineData(60, 60)]
    public void WholeSecondsToWait_rounds_up_to_at_least_one_second(double seconds, int expected) =>
        Assert.Equal(expected, RateLimitingSetup.WholeSecondsToWait(TimeSpan.FromSeconds(seconds)));
}
