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
    public void A_bound_is_rounded_up_to_the_microsecond(string given, string stored) =>
        Assert.Equal(stored, Timestamps.ToDbRoundedUp(DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture)));
}
