using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A body placing an image that does not exist was told to add it to imageIds, and only then that there is no such
/// image: two round trips to learn one fact. Now the first answer says it does not exist.
/// </summary>
public sealed class NonexistentPlacedImageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_placing_a_nonexistent_image_is_told_it_does_not_exist()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);

        var response = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "Missing image",
            body = "One.\n\n![a](image:99999)",
            language = "en",
            authorIds = new[] { await content.AuthorAsync() },
        }, HttpAssertions.Json);

        var messages = (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["body"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        var message = Assert.Single(messages);
        Assert.Contains("image:99999", message, StringComparison.Ordinal);
        Assert.Contains("no image with", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Add them to imageIds", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_placing_a_nonexistent_and_an_unlisted_image_is_told_both_at_once()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var existing = await content.ImageAsync();

        var response = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "Missing and unlisted",
            body = $"One.\n\n![a](image:99998)\n\nTwo.\n\n![b](image:{existing})",
            language = "en",
            authorIds = new[] { await content.AuthorAsync() },
        }, HttpAssertions.Json);

        var messages = (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["body"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("no image with", StringComparison.Ordinal) && m.Contains("image:99998", StringComparison.Ordinal)
            && !m.Contains($"image:{existing}", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Add them to imageIds", StringComparison.Ordinal) && m.Contains($"image:{existing}", StringComparison.Ordinal)
            && !m.Contains("image:99998", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_of_the_body_placing_a_nonexistent_image_is_told_it_does_not_exist()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync();

        var problem = await (await writer.PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { body = "One.\n\n![a](image:99997)" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]!["body"]!.AsArray())!.GetValue<string>();
        Assert.Contains("image:99997", message, StringComparison.Ordinal);
        Assert.Contains("no image with", message, StringComparison.Ordinal);
    }
}
