using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Operations;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A write judges a body's HTML with the images it places as a reader gets them: each placement writes its image's
/// URL, alt text, caption and credit. An image whose alt text, caption and credit held 3,500 characters of " (each
/// written &amp;quot;), placed 120 times in a body of under 2,000 characters, was stored with a 201, as the write
/// judged the body with images of no texts, and every reader got its escaped source (review). An edit of the image
/// itself could do the same to an article already stored.
/// </summary>
public sealed class RenderedSizeWithImageTextsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private static readonly object QuotedTexts = new
    {
        altText = new string('"', 1_000),
        caption = new string('"', 2_000),
        credit = new string('"', 500),
    };

    private static string Placing(long image, int times) =>
        "引言。\n\n" + string.Concat(Enumerable.Repeat($"![](image:{image})\n\n", times));

    private async Task<long> ImageAsync(bool quoted)
    {
        var image = await factory.Writer().PostOkAsync("/api/v1/images", new Dictionary<string, object?>
        {
            ["url"] = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            ["altText"] = quoted ? new string('"', 1_000) : "示意圖",
            ["caption"] = quoted ? new string('"', 2_000) : null,
            ["credit"] = quoted ? new string('"', 500) : null,
            ["width"] = 1200,
            ["height"] = 675,
            ["mimeType"] = "image/jpeg",
        });
        return image["id"]!.GetValue<long>();
    }

    private async Task<Dictionary<string, object?>> ArticleAsync(string body, long image) => new()
    {
        ["title"] = $"Article {Guid.NewGuid():N}",
        ["body"] = body,
        ["language"] = "zh-Hant",
        ["authorIds"] = new[] { await _content.AuthorAsync() },
        ["imageIds"] = new[] { image },
        ["status"] = "published",
    };

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var id = (await response.AssertJsonAsync(response.StatusCode))["id"]!.GetValue<long>();
            var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
            Assert.Fail($"stored with a {(int)response.StatusCode}, and read as {(html.StartsWith("<pre>", StringComparison.Ordinal) ? "its escaped source" : "HTML")}");
        }
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["body"]![0]!.GetValue<string>();
        Assert.Contains("a million characters", message, StringComparison.Ordinal);
        Assert.Contains("caption", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_placing_an_image_with_long_escaped_texts_many_times_is_refused_when_created()
    {
        var image = await ImageAsync(quoted: true);
        var body = Placing(image, 120);
        Assert.True(body.Length < 2_000, $"{body.Length} characters");

        await AssertRefusedAsync(await factory.Writer().PostAsJsonAsync("/api/v1/articles", await ArticleAsync(body, image), HttpAssertions.Json));
    }

    [Fact]
    public async Task Such_a_body_is_refused_when_it_replaces_or_patches_a_stored_one()
    {
        var image = await ImageAsync(quoted: true);
        var article = await ArticleAsync(Placing(image, 1), image);
        var id = (await factory.Writer().PostOkAsync("/api/v1/articles", article))["id"]!.GetValue<long>();

        article["body"] = Placing(image, 120);
        await AssertRefusedAsync(await factory.Writer().PutAsJsonAsync($"/api/v1/articles/{id}", article, HttpAssertions.Json));
        await AssertRefusedAsync(await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { body = Placing(image, 120) }));

        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Such_a_body_is_refused_when_imported()
    {
        _ = factory.Services;
        var image = await ImageAsync(quoted: true);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "quoted.md"),
            $"---\ntitle: Quoted {marker}\nauthors: J\nimageIds: [{image}]\n---\n\n{Placing(image, 120)}");

        var (_, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.Contains("failed: 1", output, StringComparison.Ordinal);
        Assert.Contains("a million characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"Quoted {marker}", (await (await factory.Reader().GetAsync("/api/v1/articles?limit=100")).AssertJsonAsync()).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_edit_that_would_push_an_article_placing_it_past_the_bound_is_refused_naming_the_article()
    {
        var image = await ImageAsync(quoted: false);
        var id = (await factory.Writer().PostOkAsync("/api/v1/articles", await ArticleAsync(Placing(image, 120), image)))["id"]!.GetValue<long>();

        var patched = await factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", QuotedTexts);
        var replaced = await factory.Writer().PutAsJsonAsync($"/api/v1/images/{image}", new Dictionary<string, object?>
        {
            ["url"] = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            ["altText"] = new string('"', 1_000),
            ["caption"] = new string('"', 2_000),
            ["credit"] = new string('"', 500),
            ["mimeType"] = "image/jpeg",
        }, HttpAssertions.Json);

        foreach (var response in new[] { patched, replaced })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            var message = problem["errors"]!["caption"]![0]!.GetValue<string>();
            Assert.Contains($"article {id}", message, StringComparison.Ordinal);
            Assert.Contains("a million characters", message, StringComparison.Ordinal);
        }
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Texts a placement does not write count for nothing: an alt text the body gives its own for, a caption a paragraph
    /// under the figure stands in for. Trading them for texts it writes, fewer characters in all, pushed the article past
    /// the bound unjudged (session review).
    /// </summary>
    [Fact]
    public async Task An_edit_trading_an_unwritten_text_for_a_written_one_is_judged()
    {
        var image = (await factory.Writer().PostOkAsync("/api/v1/images", new Dictionary<string, object?>
        {
            ["url"] = $"https://images.example.com/{Guid.NewGuid():N}.jpg",
            ["altText"] = new string('"', 1_000),
            ["caption"] = new string('y', 1_000),
            ["mimeType"] = "image/jpeg",
        }))["id"]!.GetValue<long>();
        var body = "引言。\n\n" + string.Concat(Enumerable.Repeat($"![x](image:{image})\n\n", 600));
        var id = (await factory.Writer().PostOkAsync("/api/v1/articles", await ArticleAsync(body, image)))["id"]!.GetValue<long>();

        var response = await factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", new { altText = new string('"', 800), caption = new string('y', 2_000) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"article {id}", problem["errors"]!["caption"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_edit_of_an_image_placed_in_articles_is_saved()
    {
        var image = await ImageAsync(quoted: false);
        await factory.Writer().PostOkAsync("/api/v1/articles", await ArticleAsync(Placing(image, 120), image));

        var response = await factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", new { caption = "阿里雲杭州發布會現場", credit = "圖源:ifanr" });

        Assert.Equal("圖源:ifanr", (await response.AssertJsonAsync())["credit"]!.GetValue<string>());
    }
}
