using ContentApi.Data;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// An image edit that writes more per placement is judged against every article placing the image; the judgement read
/// each article's images in two statements of its own, so an edit of a logo placed by thousands of articles ran
/// thousands of reads before it queued.
/// </summary>
public sealed class ImageEditJudgementReadsTests(StatementCountingApiFactory factory) : IClassFixture<StatementCountingApiFactory>
{
    private SqlStatementCounter Counter => factory.Services.GetRequiredService<SqlStatementCounter>();

    private async Task<long> PlacedImageAsync(TestContent content, int placingArticles)
    {
        var image = await content.ImageAsync();
        var other = await content.ImageAsync();
        for (var i = 0; i < placingArticles; i++)
        {
            await content.ArticleAsync(new()
            {
                ["body"] = $"正文。\n\n![](image:{image})\n\n![](image:{other})",
                ["imageIds"] = new[] { image, other },
                ["status"] = "draft",
            });
        }
        return image;
    }

    /// <summary>
    /// The fewest statements of three alt text edits, each longer than the last, so each is judged (an alt text, unlike a
    /// caption, is not indexed, so the write itself does nothing per article): background work only adds to a count.
    /// </summary>
    private async Task<long> FewestEditStatementsAsync(HttpClient writer, long image)
    {
        var fewest = long.MaxValue;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = Counter.Count;
            await (await writer.PatchMergeAsync($"/api/v1/images/{image}", new { altText = new string('圖', attempt * 10) })).AssertJsonAsync();
            fewest = Math.Min(fewest, Counter.Count - before);
        }
        return fewest;
    }

    [Fact]
    public async Task Judging_an_image_edit_reads_the_placing_articles_images_in_as_many_statements_for_eight_articles_as_for_one()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var placedOnce = await PlacedImageAsync(content, 1);
        var placedEightTimes = await PlacedImageAsync(content, 8);
        await FewestEditStatementsAsync(writer, await content.ImageAsync()); // a connection's first statements, unmeasured

        // Two statements per placing article before (14 more for eight than for one); a few lookups the app caches can
        // differ between the two measurements in a full, loaded run (6 once), never one per article.
        var once = await FewestEditStatementsAsync(writer, placedOnce);
        Assert.InRange(await FewestEditStatementsAsync(writer, placedEightTimes) - once, -7, 6);
    }
}
