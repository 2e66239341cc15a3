using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A site syncing authors, tags and images (whose withdrawals the deletions feed now names) asks for those changed
/// since its last sync as it does for articles: <c>updatedAfter</c> (inclusive) and <c>updatedBefore</c> (exclusive).
/// They were a 400 "Unknown query parameter" on these lists.
/// </summary>
public sealed class UpdatedRangeOfOtherListsTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();
    private readonly TestContent _content;

    public UpdatedRangeOfOtherListsTests() => _content = new(_factory.Writer());

    public void Dispose() => _factory.Dispose();

    private async Task<long> MakeAsync(string list) => list switch
    {
        "authors" => await _content.AuthorAsync(),
        "tags" => await _content.TagAsync(),
        _ => await _content.ImageAsync(),
    };

    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task UpdatedAfter_takes_its_instant_and_updatedBefore_leaves_it_out(string list)
    {
        var items = new List<(long Id, string UpdatedAt)>();
        for (var i = 0; i < 4; i++)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var id = await MakeAsync(list);
            items.Add((id, (await _factory.Reader().GetJsonAsync($"/api/v1/{list}/{id}")).Text("updatedAt")));
        }

        var page = await _factory.Reader().GetJsonAsync($"/api/v1/{list}?updatedAfter={items[1].UpdatedAt}&updatedBefore={items[3].UpdatedAt}&sort=updatedAt");

        Assert.Equal([items[1].Id, items[2].Id], page.ItemIds());
        Assert.Equal(2, page.Total());
    }

    [Theory]
    [InlineData("authors", "updatedAfter=2025-01-03&updatedBefore=2025-01-02", "updatedBefore")]
    [InlineData("tags", "updatedAfter=yesterday", "updatedAfter")]
    [InlineData("images", "updatedBefore=01/02/2025", "updatedBefore")]
    public async Task A_bad_instant_or_an_end_not_after_the_start_is_a_400_naming_the_parameter(string list, string query, string named)
    {
        var errors = await _factory.Anonymous().GetErrorsAsync($"/api/v1/{list}?{query}");
        Assert.DoesNotContain("Unknown query parameter", errors.Message(named), StringComparison.Ordinal);
    }
}
