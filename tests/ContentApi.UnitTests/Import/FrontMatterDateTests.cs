using ContentApi.Import;
using ContentApi.Text;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// Hexo writes a post's date without an offset (<c>2024-05-01 10:00:00</c>, <c>2013/7/13 20:46:25</c>), on the clock of
/// the time zone its configuration names, and so do many Hugo posts (<c>2024-05-01T10:00:00</c>): each such file failed
/// the import ("Unsupported date format"), so a Hexo blog did not import at all.
/// </summary>
public sealed class FrontMatterDateTests
{
    private static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    private static string? Read(string text, TimeZoneInfo? zone) =>
        new FrontMatterDate(zone).Read(text).Value is { } value ? Rfc3339.Format(value) : null;

    [Theory]
    [InlineData("2024-05-01 10:00:00", "2024-05-01T02:00:00Z")]
    [InlineData("2024-05-01T10:00:00", "2024-05-01T02:00:00Z")]
    [InlineData("2024-05-01t10:00:00.5", "2024-05-01T02:00:00.5Z")]
    [InlineData("2024-05-01 10:00", "2024-05-01T02:00:00Z")]
    [InlineData("2013/7/13 20:46:25", "2013-07-13T12:46:25Z")]
    [InlineData("2013/07/13 8:46", "2013-07-13T00:46:00Z")]
    [InlineData("2024-05-01", "2024-04-30T16:00:00Z")]
    [InlineData("2013/7/13", "2013-07-12T16:00:00Z")]
    [InlineData("Jul 08 2022", "2022-07-07T16:00:00Z")]
    public void A_time_without_an_offset_is_on_the_sites_clock(string text, string utc) => Assert.Equal(utc, Read(text, Taipei));

    [Theory]
    [InlineData("2024-05-01T10:00:00+08:00", "2024-05-01T02:00:00Z")]
    [InlineData("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z")]
    [InlineData("2024-05-01 10:00:00 +0900", "2024-05-01T01:00:00Z")]
    public void A_time_with_an_offset_keeps_it(string text, string utc) => Assert.Equal(utc, Read(text, Taipei));

    [Fact]
    public void Summer_time_is_the_sites_on_that_day()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal("2024-07-01T08:00:00Z", Read("2024-07-01 10:00:00", berlin));
        Assert.Equal("2024-01-01T09:00:00Z", Read("2024-01-01 10:00:00", berlin));
    }

    [Fact]
    public void Without_a_site_zone_a_time_is_read_as_utc_and_says_so_and_a_day_is_utc_midnight()
    {
        var dates = new FrontMatterDate(null);
        Assert.Equal(new(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), true), dates.Read("2024-05-01 10:00:00"));
        Assert.Equal(new(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), false), dates.Read("2024-05-01"));
        Assert.Equal(new(new DateTimeOffset(2024, 5, 1, 2, 0, 0, TimeSpan.Zero), false), dates.Read("2024-05-01T10:00:00+08:00"));
    }

    [Theory]
    [InlineData("08/07/2022")]
    [InlineData("2024-13-01 10:00:00")]
    [InlineData("2024-05-01 25:00")]
    [InlineData("yesterday")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    public void Other_texts_are_no_date(string text) => Assert.Null(Read(text, Taipei));

    [Fact]
    public void A_local_time_past_the_years_net_holds_is_no_date_and_says_so() =>
        Assert.Equal(new(null, false, BeyondRange: true), new FrontMatterDate(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).Read("0001-01-01 00:30:00"));

    /// <summary>Review: a time the clock shows twice was read as the later one, where moment-timezone (Hexo's) reads the first.</summary>
    [Fact]
    public void A_time_shown_twice_as_summer_time_ends_is_the_first()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal("2024-10-27T00:30:00Z", Read("2024-10-27 02:30:00", berlin));
        Assert.Equal("2024-03-31T01:30:00Z", Read("2024-03-31 02:30:00", berlin));
    }
}
