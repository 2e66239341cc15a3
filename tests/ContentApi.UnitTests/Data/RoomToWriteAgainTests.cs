using ContentApi.Data;

namespace ContentApi.UnitTests.Data;

/// <summary>
/// The room that ends a full disk without a write, 16 of the largest bodies: a Limits:MaxBodyBytes of 2^59 or more
/// (long.MaxValue is taken as "no limit") wrapped 16 × it below zero, so 64 MiB of room ended a full disk (review).
/// </summary>
public sealed class RoomToWriteAgainTests
{
    [Theory]
    [InlineData(1024, Db.LeastRoomToWriteAgain)]
    [InlineData(32L << 20, 512L << 20)]
    [InlineData(1L << 59, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void Is_sixteen_of_the_largest_bodies_at_least_64_MiB_and_never_wraps(long maxBodyBytes, long room) =>
        Assert.Equal(room, Db.RoomToWriteAgain(maxBodyBytes));
}
