using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Dropping from imageIds an image the unchanged body still places is filed under imageIds, where the editor acted:
/// it was filed under body, which the request never sent, telling them to undo it.
/// </summary>
public sealed class UnlistedPlacedImageErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_patch_of_imageIds_alone_is_told_under_imageIds()
    {
        var (writer, article, first, second) = await ArticlePlacingTwoImagesAsync();

        var problem = await (await writer.PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { imageIds = Array.Empty<long>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["imageIds"], errors.Select(e => e.Key));
        var message = errors["imageIds"]!.AsArray().Single()!.GetValue<string>();
        Assert.Contains($"image:{first}, image:{second}", message, StringComparison.Ordinal);
        Assert.Contains("still places", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_that_changes_the_body_is_told_under_body()
    {
        var (writer, article, _, _) = await ArticlePlacingTwoImagesAsync();

        var problem = await (await writer.PatchMergeAsync($"/api/v1/articles/{article["id"]}",
            new { imageIds = Array.Empty<long>(), body = article["body"]!.GetValue<string>() + "\n\nMore." })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    private async Task<(HttpClient Writer, JsonObject Article, long First, long Second)> ArticlePlacingTwoImagesAsync()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var first = await content.ImageAsync();
        var second = await content.ImageAsync();
        var article = await content.ArticleAsync(new()
        {
            ["body"] = $"One.\n\n![a](image:{first})\n\nTwo.\n\n![b](image:{second})",
            ["imageIds"] = new[] { first, second },
        });
        return (writer, article, first, second);
    }
}
