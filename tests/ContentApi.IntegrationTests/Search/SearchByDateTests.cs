using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// GET /api/v1/search by publication date: publishedAfter and publishedBefore as on the article list.
/// Each test searches for its own nonce word, so tests sharing the app never see each other's articles.
/// </summary>
public sealed class SearchByDateTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset March = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestContent _content = new(factory.Writer());

    private static string Nonce() => "w" + Guid.NewGuid().ToString("N")[..12];

    private async Task<long> ArticleAsync(string title, params (string Key, object? Value)[] extra) =>
        (await _content.ArticleAsync(new Dictionary<string, object?>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))) { ["title"] = title })).Id();

    private static string Instant(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Search_by_published_range_includes_the_start_and_excludes_the_end()
    {
        var n = Nonce();
        var before = await ArticleAsync($"{n} before", ("publishedAt", March.AddTicks(-10)));
        var atStart = await ArticleAsync($"{n} at start", ("publishedAt", March));
        var inside = await ArticleAsync($"{n} inside", ("publishedAt", March.AddDays(10)));
        var atEnd = await ArticleAsync($"{n} at end", ("publishedAt", March.AddMonths(1)));
        var anonymous = factory.Anonymous();

        var march = await anonymous.SearchAsync(n, "publishedAfter=2024-03-01T00:00:00Z&publishedBefore=2024-04-01T00:00:00Z");
        Assert.Equal(new[] { atStart, inside }.Order(), march.Ids().Order());
        Assert.Equal(2, march.Total());
        Assert.All(march["items"]!.AsArray(), item => Assert.Contains(item!.Highlights(), h => h.Snippet.Contains($"<mark>{n}</mark>", StringComparison.Ordinal)));
        // Read as the list reads them: an offset (08:00+08:00 is midnight UTC), a date-time without one (UTC), a date.
        Assert.Equal(new[] { atStart, inside, atEnd }.Order(), (await anonymous.SearchAsync(n, $"publishedAfter={Instant("2024-03-01T08:00:00+08:00")}")).Ids().Order());
        Assert.Equal([before], (await anonymous.SearchAsync(n, "publishedBefore=2024-03-01T00:00:00")).Ids());
        Assert.Equal([before], (await anonymous.SearchAsync(n, "publishedBefore=2024-03-01")).Ids());
    }

    [Fact]
    public async Task Search_by_published_range_leaves_out_drafts_and_shows_scheduled_articles_to_key_holders_only()
    {
        var n = Nonce();
        var published = await ArticleAsync($"{n} published", ("publishedAt", March));
        await ArticleAsync($"{n} draft", ("status", "draft"));
        var scheduled = await ArticleAsync($"{n} scheduled", ("publishedAt", "2099-01-01T00:00:00Z"));

        Assert.Equal([published], (await factory.Anonymous().SearchAsync(n, "publishedAfter=2000-01-01")).Ids());
        Assert.Equal(new[] { published, scheduled }.Order(), (await factory.Reader().SearchAsync(n, "publishedAfter=2000-01-01")).Ids().Order());
        Assert.Equal([scheduled], (await factory.Reader().SearchAsync(n, "publishedAfter=2098-01-01")).Ids());
    }

    [Theory]
    [InlineData("publishedAfter=yesterday", "publishedAfter", "Must be an RFC 3339 date-time.")]
    [InlineData("publishedBefore=01/02/2025", "publishedBefore", "Must be an RFC 3339 date-time.")]
    [InlineData("publishedAfter=2024-04-01T00:00:00Z&publishedBefore=2024-03-01T00:00:00Z", "publishedBefore", "Must be later than publishedAfter.")]
    [InlineData("publishedAfter=2024-03-01&publishedBefore=2024-03-01", "publishedBefore", "Must be later than publishedAfter.")]
    public async Task Search_invalid_dates_are_400_naming_the_parameter_as_on_the_list(string query, string parameter, string message)
    {
        var search = await factory.Anonymous().GetErrorsAsync(SearchApi.Url("x", query));
        var list = await factory.Anonymous().GetErrorsAsync("/api/v1/articles?" + query);

        Assert.Equal(message, search.Message(parameter));
        Assert.Equal(list.Message(parameter), search.Message(parameter));
    }
}
