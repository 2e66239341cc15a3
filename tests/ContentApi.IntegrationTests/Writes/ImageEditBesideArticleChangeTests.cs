using System.Net;
using ContentApi.Data;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// An image edit is judged against the articles placing it on a read snapshot, before it queues, so that parsing them
/// holds no other write up. A write queued before it, committing first, can change what that judgement read: the
/// article placing the image more times, or another image it places growing. Each test holds the writer, queues such a
/// write and then the edit, judged on the state before either, and lets them go together: the edit is judged again on
/// what the write left, and refused as a judgement made in its transaction would refuse it.
/// </summary>
public sealed class ImageEditBesideArticleChangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private Db Db => factory.Services.GetRequiredService<Db>();

    /// <summary>3,500 characters of ", each written &amp;quot;: 21,000 characters at each place the image shows.</summary>
    private static readonly object QuotedTexts = new
    {
        altText = new string('"', 1_000),
        caption = new string('"', 2_000),
        credit = new string('"', 500),
    };

    private static string Placing(long image, int times) => string.Concat(Enumerable.Repeat($"![](image:{image})\n\n", times));

    private async Task<long> ImageAsync() => (await factory.Writer().PostOkAsync("/api/v1/images", new Dictionary<string, object?>
    {
        ["url"] = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
        ["altText"] = "示意圖",
        ["width"] = 1200,
        ["height"] = 675,
        ["mimeType"] = "image/jpeg",
    }))["id"]!.GetValue<long>();

    private async Task<long> ArticleAsync(string body, params long[] images) => (await factory.Writer().PostOkAsync("/api/v1/articles", new Dictionary<string, object?>
    {
        ["title"] = $"Article {Guid.NewGuid():N}",
        ["body"] = "引言。\n\n" + body,
        ["language"] = "zh-Hant",
        ["authorIds"] = new[] { await _content.AuthorAsync() },
        ["imageIds"] = images,
        ["status"] = "published",
    }))["id"]!.GetValue<long>();

    private static async Task AssertRefusedNamingAsync(HttpResponseMessage response, long article)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["caption"]![0]!.GetValue<string>();
        Assert.Contains($"article {article}", message, StringComparison.Ordinal);
        Assert.Contains("a million characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_judged_before_the_article_came_to_place_the_image_more_times_is_refused()
    {
        var image = await ImageAsync();
        var article = await ArticleAsync(Placing(image, 1), image);

        Task<HttpResponseMessage> articleEdit, imageEdit;
        await using (await WriterHeld.StartAsync(Db))
        {
            articleEdit = factory.Writer().PatchMergeAsync($"/api/v1/articles/{article}", new { body = "引言。\n\n" + Placing(image, 120) });
            await WriterHeld.UntilQueuedAsync(Db, 1);
            imageEdit = factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", QuotedTexts);
            await WriterHeld.UntilQueuedAsync(Db, 2);
        }

        await (await articleEdit).AssertJsonAsync(HttpStatusCode.OK);
        await AssertRefusedNamingAsync(await imageEdit, article);
    }

    [Fact]
    public async Task An_edit_judged_before_another_image_of_the_article_grew_is_refused()
    {
        var image = await ImageAsync();
        var other = await ImageAsync();
        var article = await ArticleAsync(Placing(image, 30) + Placing(other, 30), image, other);

        Task<HttpResponseMessage> otherEdit, imageEdit;
        await using (await WriterHeld.StartAsync(Db))
        {
            otherEdit = factory.Writer().PatchMergeAsync($"/api/v1/images/{other}", QuotedTexts);
            await WriterHeld.UntilQueuedAsync(Db, 1);
            imageEdit = factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", QuotedTexts);
            await WriterHeld.UntilQueuedAsync(Db, 2);
        }

        await (await otherEdit).AssertJsonAsync(HttpStatusCode.OK);
        await AssertRefusedNamingAsync(await imageEdit, article);
    }
}
