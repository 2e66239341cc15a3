using System.Net;
using System.Net.Http.Headers;
using ContentApi.Data;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Review: an image edit judged every article placing the image on a snapshot (parsing each, and loading the images it
/// lists) before the write's preconditions, so a PUT with a stale If-Match of a widely used image parsed them all before
/// its 412.
/// </summary>
public sealed class StaleImageEditTests(StatementCountingApiFactory factory) : IClassFixture<StatementCountingApiFactory>
{
    private const int PlacingArticles = 12;

    private SqlStatementCounter Counter => factory.Services.GetRequiredService<SqlStatementCounter>();

    /// <summary>The statements a PUT of image <paramref name="image"/> with a stale If-Match ran, once it answered 412.</summary>
    private async Task<long> StaleEditStatementsAsync(HttpClient writer, long image)
    {
        var url = $"/api/v1/images/{image}";
        await (await writer.PatchMergeAsync(url, new { caption = "第二版" })).AssertJsonAsync();
        var stale = new HttpRequestMessage(HttpMethod.Put, url)
        {
            // A longer caption writes more per placement: judged against the articles placing it, were the If-Match current.
            Content = HttpAssertions.JsonBody(new { url = "https://images.example.com/a.jpg", altText = "示意圖", caption = "一段更長的圖說，每處放置都多寫一些字。" }),
        };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("\"1\""));
        var before = Counter.Count;
        var response = await writer.SendAsync(stale);
        var statements = Counter.Count - before;
        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        return statements;
    }

    [Fact]
    public async Task A_stale_If_Match_edit_of_an_image_many_articles_place_is_a_412_without_judging_them()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var placed = await content.ImageAsync();
        for (var i = 0; i < PlacingArticles; i++)
        {
            await content.ArticleAsync(new() { ["body"] = $"正文。\n\n![](image:{placed})", ["imageIds"] = new[] { placed } });
        }
        var unplaced = await content.ImageAsync();
        await StaleEditStatementsAsync(writer, unplaced); // once unmeasured: a connection's first statements

        // Judging the articles would load each one's images: two statements per article more than for an image none places.
        Assert.Equal(await FewestStaleEditStatementsAsync(writer, unplaced), await FewestStaleEditStatementsAsync(writer, placed));
    }

    /// <summary>
    /// The fewest statements of three such PUTs: the counter counts the app's background work too (28 against 22 once in
    /// a full, loaded suite run), which only ever adds to a request's count.
    /// </summary>
    private async Task<long> FewestStaleEditStatementsAsync(HttpClient writer, long image)
    {
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            fewest = Math.Min(fewest, await StaleEditStatementsAsync(writer, image));
        }
        return fewest;
    }
}
