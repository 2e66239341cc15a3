using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A static or ISR site syncing content asks for the articles changed since its last sync (Ghost's
/// <c>updated_at:&gt;</c>, Strapi's <c>$gt</c>): <c>updatedAfter</c> (inclusive) and <c>updatedBefore</c> (exclusive),
/// read as <c>publishedAfter</c> and <c>publishedBefore</c> are. They were a 400 "Unknown query parameter".
/// </summary>
public sealed class UpdatedRangeFilterTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();
    private readonly TestContent _content;

    public UpdatedRangeFilterTests() => _content = new(_factory.Writer());

    public void Dispose() => _factory.Dispose();

    /// <summary>Articles written a minute apart on the test's clock, each with its updatedAt as served.</summary>
    private async Task<List<(long Id, string UpdatedAt)>> ArticlesMinutesApartAsync(int count, Dictionary<string, object?>? extra = null)
    {
        var articles = new List<(long, string)>();
        for (var i = 0; i < count; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var article = await _content.ArticleAsync(extra);
            articles.Add((article.Id(), article.Text("updatedAt")));
        }
        return articles;
    }

    [Fact]
    public async Task UpdatedAfter_takes_its_instant_and_updatedBefore_leaves_it_out()
    {
        var articles = await ArticlesMinutesApartAsync(4);

        var page = await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedAfter={articles[1].UpdatedAt}&updatedBefore={articles[3].UpdatedAt}&sort=updatedAt");
        Assert.Equal([articles[1].Id, articles[2].Id], page.ItemIds());
        Assert.Equal(2, page.Total());
        Assert.Equal(articles.Skip(2).Select(a => a.Id), (await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedAfter={articles[2].UpdatedAt}&sort=updatedAt")).ItemIds());
        Assert.Equal(articles.Take(1).Select(a => a.Id), (await _factory.Reader().GetJsonAsync($"/api/v1/articles?updatedBefore={articles[1].UpdatedAt}&sort=-updatedAt")).ItemIds());
    }

    [Fact]
    public async Task An_edit_moves_an_article_into_the_changes_since_a_sync_and_drafts_are_for_key_holders()
    {
        var articles = await ArticlesMinutesApartAsync(3);
        var draft = (await ArticlesMinutesApartAsync(1, new() { ["status"] = "draft" }))[0];
        var since = $"/api/v1/articles?updatedAfter={draft.UpdatedAt}&sort=updatedAt";
        Assert.Empty((await _factory.Anonymous().GetJsonAsync(since)).ItemIds());
        Assert.Equal([draft.Id], (await _factory.Reader().GetJsonAsync(since)).ItemIds());

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _factory.Writer().PatchMergeAsync($"/api/v1/articles/{articles[0].Id}", new { title = "Edited" })).EnsureSuccessStatusCode();
        Assert.Equal([articles[0].Id], (await _factory.Anonymous().GetJsonAsync(since)).ItemIds());
        Assert.Equal([draft.Id, articles[0].Id], (await _factory.Reader().GetJsonAsync(since)).ItemIds());
    }

    [Fact]
    public async Task Cursor_pages_go_through_the_changes_in_updatedAt_order_with_other_filters()
    {
        var tag = await _content.TagAsync();
        var articles = await ArticlesMinutesApartAsync(6, new() { ["tagIds"] = new[] { tag } });
        await ArticlesMinutesApartAsync(2);
        var seen = await _factory.Anonymous().IdsOfEveryPageAsync($"/api/v1/articles?updatedAfter={articles[2].UpdatedAt}&tagId={tag}&limit=2&sort=updatedAt", 4);
        Assert.Equal(articles.Skip(2).Select(a => a.Id), seen);
    }

    [Theory]
    [InlineData("updatedAfter=01/02/2025", "updatedAfter")]
    [InlineData("updatedBefore=yesterday", "updatedBefore")]
    [InlineData("updatedAfter=2025-01-02&updatedBefore=2025-01-02", "updatedBefore")]
    [InlineData("updatedAfter=2025-01-03&updatedBefore=2025-01-02", "updatedBefore")]
    [InlineData("updatedAfter=2025-01-02&updatedAfter=2025-01-03", "updatedAfter")]
    public async Task A_bad_instant_or_an_end_not_after_the_start_is_a_400_naming_the_parameter(string query, string named)
    {
        var errors = await _factory.Anonymous().GetErrorsAsync($"/api/v1/articles?{query}");
        Assert.DoesNotContain("Unknown query parameter", errors.Message(named), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_is_midnight_utc_and_a_time_without_an_offset_is_utc()
    {
        var articles = await ArticlesMinutesApartAsync(1);
        var updated = DateTimeOffset.Parse(articles[0].UpdatedAt, System.Globalization.CultureInfo.InvariantCulture);
        var day = updated.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var local = updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(articles[0].Id, (await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedAfter={day}")).ItemIds());
        Assert.Contains(articles[0].Id, (await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedAfter={local}")).ItemIds());
        Assert.DoesNotContain(articles[0].Id, (await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedBefore={local}")).ItemIds());
    }
}
