using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A JavaScript client (or a TypeScript one generated from the document) reads a timestamp into a Date, which holds
/// milliseconds, and writes it back with toISOString(): 08:30:00.123456Z goes back as 08:30:00.123Z. The app's
/// clock stands at a time with microseconds here, as a real one does 999 times in 1,000.
/// </summary>
public sealed class JavaScriptDateTests : IDisposable
{
    private readonly FakeClockApiFactory _app = new();

    public JavaScriptDateTests()
    {
        var now = _app.Clock.GetUtcNow();
        _app.Clock.SetUtcNow(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1).AddTicks(1_234_567));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Sending_back_a_published_article_through_a_javascript_date_keeps_its_publishedAt_and_place_in_the_list()
    {
        var writer = _app.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        var older = (await writer.CreateArticleAsync([author])).Id();
        _app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var newer = await writer.CreateArticleAsync([author]);
        var firstPage = await _app.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&limit=1");
        Assert.Equal([newer.Id()], firstPage.ItemIds());

        var replaced = await (await writer.PutAsJsonAsync($"/api/v1/articles/{newer.Id()}", new Dictionary<string, object?>
        {
            ["slug"] = newer.Text("slug"),
            ["title"] = newer.Text("title"),
            ["body"] = newer.Text("body"),
            ["language"] = newer.Text("language"),
            ["status"] = newer.Text("status"),
            ["publishedAt"] = AsJavaScriptDate(newer.Text("publishedAt")),
            ["authorIds"] = new[] { author },
        }, HttpAssertions.Json)).AssertJsonAsync();

        Assert.Equal(newer.Text("publishedAt"), replaced.Text("publishedAt"));
        // Moved back by its microseconds, the article came again after the cursor its first page handed out.
        var secondPage = await _app.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&limit=1&cursor={Uri.EscapeDataString(firstPage.NextCursor()!)}");
        Assert.Equal([older], secondPage.ItemIds());
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task The_times_the_server_sets_are_whole_milliseconds(string collection)
    {
        var writer = _app.Writer();
        var id = await new TestContent(writer).ResourceAsync(collection);
        _app.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        var replaced = await (await writer.PatchMergeAsync($"/api/v1/{collection}/{id}", new { })).AssertJsonAsync();

        // Still written with six digits, the last three zeros: a Date reads the same instant back.
        foreach (var name in collection == "articles" ? ["createdAt", "updatedAt", "publishedAt"] : new[] { "createdAt", "updatedAt" })
        {
            Assert.EndsWith("000Z", replaced.Text(name), StringComparison.Ordinal);
        }
    }

    /// <summary>What <c>new Date(text).toISOString()</c> gives: the instant cut to the millisecond.</summary>
    private static string AsJavaScriptDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
