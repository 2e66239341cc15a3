using ContentApi.Http.Limits;
using ContentApi.IntegrationTests.Writes;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The URL limit (<c>Limits:MaxUrlLength</c>) counts the request target as sent, as Kestrel counts its request line,
/// which is longer than the largest limit allowed: so a URL within the limit is never refused by Kestrel's own 414,
/// which has no body. A URL near the largest limit was; and a percent-encoded path was measured decoded (9 characters
/// sent for each Chinese one), so one of 63,000 characters as sent passed the default 8,192 (review).
/// </summary>
public sealed class UrlLengthTests
{
    public sealed class LargestLimitFactory : KestrelApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:MaxUrlLength"] = RequestLimitsOptions.LongestUrlAllowed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task A_percent_encoded_path_longer_than_the_limit_as_sent_gets_a_problem()
    {
        using var api = new KestrelApiFactory();
        var target = "/api/v1/articles/" + Uri.EscapeDataString(new string('中', 7_000));

        var response = await api.SendRawAsync("GET", target);

        Assert.StartsWith("HTTP/1.1 414", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains($"The URL is longer than {8 * 1024} characters.", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_url_at_the_largest_limit_is_read_and_one_past_it_gets_a_problem(int over)
    {
        using var api = new LargestLimitFactory();
        const string Start = "/api/v1/articles?q=";
        var target = Start + new string('a', RequestLimitsOptions.LongestUrlAllowed - Start.Length + over);

        var response = await api.SendRawAsync("GET", target);

        Assert.Equal(over > 0, response.StartsWith("HTTP/1.1 414", StringComparison.Ordinal));
        Assert.Contains("Content-Type: application/", response, StringComparison.Ordinal);
    }
}
