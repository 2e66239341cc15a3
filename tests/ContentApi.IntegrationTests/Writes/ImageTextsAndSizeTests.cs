using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// An image's credit, caption and license took blank text ({"credit":"   ","caption":""} was a 201, and a cover's
/// credit then read "   "), and a width without a height (or the reverse) was kept, so a figure was sized on one side
/// only: a PATCH {"height":null} left width 640 and no height.
/// </summary>
public sealed class ImageTextsAndSizeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("credit", "   ")]
    [InlineData("caption", "")]
    [InlineData("license", "\u3000")]
    [InlineData("credit", "")]
    public async Task A_blank_credit_caption_or_license_is_a_400_naming_it(string field, string text)
    {
        var writer = factory.Writer();
        var image = await new TestContent(writer).ImageAsync();

        var created = await writer.PostAsJsonAsync("/api/v1/images",
            new Dictionary<string, object?> { ["url"] = "https://cdn.example.com/a.jpg", ["altText"] = "a", [field] = text }, HttpAssertions.Json);
        var patched = await writer.PatchMergeAsync($"/api/v1/images/{image}", new Dictionary<string, object?> { [field] = text });

        foreach (var response in new[] { created, patched })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Fact]
    public async Task Null_credit_caption_and_license_mean_none()
    {
        var image = await factory.Writer().PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = "a", credit = (string?)null, caption = (string?)null, license = (string?)null });

        Assert.Null(image["credit"]);
    }

    [Theory]
    [InlineData(100, null, "height")]
    [InlineData(null, 100, "width")]
    public async Task A_width_without_a_height_or_the_reverse_is_a_400_naming_the_missing_one(int? width, int? height, string missing)
    {
        var writer = factory.Writer();

        var created = await writer.PostAsJsonAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = "a", width, height }, HttpAssertions.Json);
        var replaced = await writer.PutAsJsonAsync($"/api/v1/images/{await new TestContent(writer).ImageAsync()}",
            new { url = "https://cdn.example.com/a.jpg", altText = "a", width, height }, HttpAssertions.Json);

        foreach (var response in new[] { created, replaced })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![missing]);
        }
    }

    [Fact]
    public async Task A_patch_dropping_one_side_is_a_400_and_dropping_both_is_taken()
    {
        var writer = factory.Writer();
        var image = await writer.PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = "a", width = 640, height = 480 });
        var url = $"/api/v1/images/{image["id"]}";

        var oneSide = await writer.PatchMergeAsync(url, new Dictionary<string, object?> { ["height"] = null });
        var problem = await oneSide.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["height"]);
        var kept = await (await writer.GetAsync(url)).AssertJsonAsync();
        Assert.Equal(480, kept["height"]!.GetValue<int>());

        var bothSides = await (await writer.PatchMergeAsync(url, new Dictionary<string, object?> { ["width"] = null, ["height"] = null })).AssertJsonAsync();
        Assert.Null(bothSides["width"]);
        Assert.Null(bothSides["height"]);
    }
}
