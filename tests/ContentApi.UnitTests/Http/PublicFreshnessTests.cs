using ContentApi.Http.Caching;
using Microsoft.Net.Http.Headers;

namespace ContentApi.UnitTests.Http;

public sealed class PublicFreshnessTests
{
    private const string Configured = "public, max-age=60, stale-while-revalidate=300";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_scheduled_change_within_the_lifetime_the_configured_value_is_sent_as_it_is()
    {
        Assert.Same(Configured, PublicFreshness.CacheControl(Configured, null, Now));
        Assert.Same(Configured, PublicFreshness.CacheControl(Configured, Now.AddHours(2), Now));
        Assert.Same(Configured, PublicFreshness.CacheControl(Configured, Now.AddSeconds(360), Now));
    }

    [Theory]
    [InlineData(84.9, 24)]
    [InlineData(359, 299)]
    public void A_scheduled_change_after_the_lifetime_but_within_the_stale_window_cuts_stale_while_revalidate_to_what_is_left(double secondsLeft, int staleSeconds)
    {
        // A browser served a list kept fresh for 60 s once more under stale-while-revalidate=300, without an article
        // that had gone live meanwhile.
        var value = CacheControlHeaderValue.Parse(PublicFreshness.CacheControl(Configured, Now.AddSeconds(secondsLeft), Now));

        Assert.True(value.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), value.MaxAge);
        var stale = Assert.Single(value.Extensions, e => e.Name == "stale-while-revalidate");
        Assert.Equal(staleSeconds, int.Parse(stale.Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(60, 60)]
    [InlineData(20.7, 20)]
    [InlineData(0.4, 0)]
    [InlineData(-3, 0)]
    public void A_scheduled_change_sooner_cuts_the_lifetimes_to_the_whole_seconds_left_and_drops_stale_while_revalidate(double secondsLeft, int maxAge)
    {
        var value = CacheControlHeaderValue.Parse(
            PublicFreshness.CacheControl("public, max-age=60, s-maxage=120, stale-while-revalidate=300", Now.AddSeconds(secondsLeft), Now));

        Assert.True(value.Public);
        Assert.Equal(TimeSpan.FromSeconds(maxAge), value.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(maxAge), value.SharedMaxAge);
        // Serving the old list once more while revalidating would show the change late again.
        Assert.DoesNotContain(value.Extensions, e => e.Name == "stale-while-revalidate");
    }

    [Fact]
    public void Only_the_lifetimes_longer_than_the_time_left_are_cut()
    {
        var value = CacheControlHeaderValue.Parse(PublicFreshness.CacheControl("public, max-age=10, s-maxage=120", Now.AddSeconds(30), Now));

        Assert.Equal(TimeSpan.FromSeconds(10), value.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(30), value.SharedMaxAge);
    }
}
