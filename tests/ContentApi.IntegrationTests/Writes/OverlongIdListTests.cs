using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A list of ids past its maximum was refused with an error for each of its items as well: 1,300,000 zeros in
/// <c>authorIds</c> (a body of 2.6 MB) were answered with two errors an item, a 400 of 126 MB built in the server's
/// memory. A list over its count is refused for its count alone; its items are judged once it is within it.
/// </summary>
public sealed class OverlongIdListTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("authorIds", "At most 50 authors.")]
    [InlineData("tagIds", "At most 100 tags.")]
    [InlineData("imageIds", "At most 500 inline images.")]
    public async Task A_list_over_its_count_is_refused_for_its_count_not_item_by_item(string list, string message)
    {
        var writer = factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        var body = new Dictionary<string, object?>
        {
            ["title"] = "Too many", ["body"] = "", ["language"] = "en", ["authorIds"] = new[] { author },
            [list] = new long[100_000], // zeros, each repeating the first
        };

        var response = await writer.PostAsJsonAsync("/api/v1/articles", body, HttpAssertions.Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([list], errors.Select(e => e.Key));
        Assert.Equal([message], errors[list]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task A_list_within_its_count_still_has_each_bad_item_named()
    {
        var writer = factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();

        var response = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "Repeats", body = "", language = "en", authorIds = new[] { author, author, 0 },
        }, HttpAssertions.Json);

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["authorIds[1]", "authorIds[2]"], errors.Select(e => e.Key).Order());
    }
}
