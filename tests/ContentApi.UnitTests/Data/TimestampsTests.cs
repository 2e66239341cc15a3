using ContentApi.Data;

namespace ContentApi.UnitTests.Data;

public sealed class TimestampsTests
{
    [Theory]
    // A bound finer than the stored microseconds: truncated, publishedAfter=…05.2500001Z took in an article of …05.250000
    // and publishedBefore=…05.2500001Z left it out (found by a probe).
    [InlineData("2025-05-05T05:05:05.2500001Z", "2025-05-05T05:05:05.250001Z")]
    [InlineData("2025-05-05T05:05:05.2500009Z", "2025-05-05T05:05:05.250001Z")]
    [InlineData("2025-05-05T05:05:05.25Z", "2025-05-05T05:05:05.250000Z")]
    [InlineData("2025-05-05T13:05:05.9999999+08:00", "2025-05-05T05:05:06.000000Z")]
    [InlineData("9999-12-31T23:59:59.9999990Z", "9999-12-31T23:59:59.999999Z")]
    [InlineData("9999-12-31T23:59:59.9999989Z", "9999-12-31T23:59:59.999999Z")]
    // Past the last storable microsecond there is none to round up to (a 500 on ?publishedAfter=, found by a fuzzer).
    [InlineData("9999-12-31T23:59:59.9999991Z", Timestamps.AfterEveryStoredTime)]
    [InlineData("9999-12-31T23:59:59.9999999Z", Timestamps.AfterEveryStoredTime)]
    [InlineData("9999-12-31T09:59:59.9999999-14:00", Timestamps.AfterEveryStoredTime)]
    public void A_bound_is_rounded_up_to_the_microsecond(string given, string stored) =>
        Assert.Equal(stored, Timestamps.ToDbRoundedUp(DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_bound_past_every_stored_time_sorts_after_the_last_one() =>
        Assert.True(string.CompareOrdinal(Timestamps.AfterEveryStoredTime, Timestamps.ToDb(DateTimeOffset.MaxValue)) > 0);
}
