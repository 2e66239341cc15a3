using System.Net;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Deleting a tag, author or image that more than 20 articles use said "still used by 20 or more article(s)" and listed
/// 20: a writer could not tell how many articles to change. The problem says how many in "total", drafts included, as
/// the writer who may delete sees them.
/// </summary>
public sealed class InUseTotalTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Using = 23;

    [Fact]
    public async Task A_refused_delete_counts_every_article_using_it_drafts_included()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var tag = await content.TagAsync();
        var image = await content.ImageAsync();
        var author = await content.AuthorAsync();
        for (var i = 0; i < Using; i++)
        {
            await content.ArticleAsync(new()
            {
                ["tagIds"] = new[] { tag }, ["coverImageId"] = image, ["authorIds"] = new[] { author },
                ["status"] = i % 2 == 0 ? "draft" : "published",
            });
        }

        foreach (var url in new[] { $"/api/v1/tags/{tag}", $"/api/v1/images/{image}", $"/api/v1/authors/{author}" })
        {
            var problem = await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(Using, problem["total"]!.GetValue<int>());
            Assert.Equal(20, problem["articles"]!.AsArray().Count);
            Assert.Contains($"still used by {Using} articles, the first 20 by id: ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_image_only_an_author_uses_has_a_total_of_no_articles()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var image = await content.ImageAsync();
        await writer.PostOkAsync("/api/v1/authors", new { name = "Portrait", avatarImageId = image });

        var problem = await (await writer.DeleteAsync($"/api/v1/images/{image}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(0, problem["total"]!.GetValue<int>());
        Assert.StartsWith("The image is still used by 1 author: ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_delete_names_one_article_in_the_singular()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var tag = await content.TagAsync();
        var article = await content.ArticleAsync(new() { ["tagIds"] = new[] { tag } });

        var problem = await (await writer.DeleteAsync($"/api/v1/tags/{tag}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"still used by 1 article: {article["id"]} (", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
