using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Reads the response cache does not answer are built a few at a time (here one), so that many large pages at once
/// do not run the server out of memory. A read keeps its turn only briefly once its response is being sent, so a
/// client that does not take its response does not hold the others back.
/// </summary>
public sealed class ReadTurnsTests(ReadTurnsTests.OneReadAtATimeFactory factory) : IClassFixture<ReadTurnsTests.OneReadAtATimeFactory>
{
    public sealed class OneReadAtATimeFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:ConcurrentReads"] = "1",
            ["Limits:ReadWaitSeconds"] = "30", // far longer than a turn is kept once sending (1 s): a read held back fails plainly
        };
    }

    /// <summary>A list page of about 600 KB: more than the test server buffers for a client that does not read.</summary>
    private async Task<string> LargePageAsync()
    {
        var content = new TestContent(factory.Writer());
        var tag = await content.TagAsync();
        for (var i = 0; i < 6; i++)
        {
            await content.ArticleAsync(new() { ["body"] = new string('字', 30_000), ["tagIds"] = new[] { tag } });
        }
        var slug = (await (await factory.Anonymous().GetAsync($"/api/v1/tags/{tag}")).AssertJsonAsync())["slug"]!.GetValue<string>();
        return $"/api/v1/articles?tag={Uri.EscapeDataString(slug)}&limit=6";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_that_does_not_take_its_large_response_does_not_hold_back_other_reads(bool withKey)
    {
        var page = await LargePageAsync();
        var client = withKey ? factory.Reader() : factory.Anonymous();

        using var untaken = await client.GetAsync(page, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, untaken.StatusCode);

        // Each of these needs the one turn: held back, they would wait 30 s and get 503.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/articles?limit={i + 1}&sort=title")).StatusCode);
        }
        Assert.Equal(6, (await (await client.GetAsync(page)).AssertJsonAsync())["items"]!.AsArray().Count);
    }
}
