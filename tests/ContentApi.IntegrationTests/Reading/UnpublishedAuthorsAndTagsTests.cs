using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Anonymous callers see an author or a tag only while an article they see (published and live) uses it, as they see
/// images: a guest author or a tag made for an embargoed story leaked before the embargo ended.
/// </summary>
public sealed class UnpublishedAuthorsAndTagsTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("draft")]
    [InlineData("scheduled")]
    public async Task An_author_and_a_tag_only_an_unpublished_article_uses_are_hidden_from_anonymous_callers(string state)
    {
        var (author, tag, avatar) = await EmbargoedAsync();
        await ArticleAsync(author, tag, state == "draft" ? new() { ["status"] = "draft" } : Scheduled());

        await AssertHiddenAsync(author, tag, avatar);
    }

    [Fact]
    public async Task Key_holders_see_an_author_and_a_tag_only_an_unpublished_article_uses()
    {
        var (author, tag, avatar) = await EmbargoedAsync();
        await ArticleAsync(author, tag, Scheduled());

        await AssertShownAsync(_factory.Reader(), author, tag, avatar);
    }

    [Fact]
    public async Task An_author_and_a_tag_appear_the_moment_their_scheduled_article_goes_live()
    {
        var (author, tag, avatar) = await EmbargoedAsync();
        await ArticleAsync(author, tag, Scheduled());
        await AssertHiddenAsync(author, tag, avatar);

        _factory.Clock.Advance(TimeSpan.FromSeconds(41));

        await AssertShownAsync(_factory.Anonymous(), author, tag, avatar);
    }

    [Fact]
    public async Task Publishing_shows_them_and_unpublishing_or_deleting_the_only_published_article_hides_them_again()
    {
        var writer = _factory.Writer();
        var (author, tag, avatar) = await EmbargoedAsync();
        var article = (await ArticleAsync(author, tag, new() { ["status"] = "draft" })).Id();
        await AssertHiddenAsync(author, tag, avatar);

        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["status"] = "published" });
        await AssertShownAsync(_factory.Anonymous(), author, tag, avatar);

        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["status"] = "draft" });
        await AssertHiddenAsync(author, tag, avatar);

        await writer.PatchOkAsync($"/api/v1/articles/{article}", new() { ["status"] = "published" });
        await AssertShownAsync(_factory.Anonymous(), author, tag, avatar);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/articles/{article}")).StatusCode);
        await AssertHiddenAsync(author, tag, avatar);
    }

    private sealed record Resource(long Id, string Slug);

    private Dictionary<string, object?> Scheduled() => new() { ["publishedAt"] = _factory.Clock.GetUtcNow().AddSeconds(40) };

    /// <summary>A guest author (with an avatar) and a tag made for the iphone-18-launch story, used by nothing yet.</summary>
    private async Task<(Resource Author, Resource Tag, long Avatar)> EmbargoedAsync()
    {
        var writer = _factory.Writer();
        var avatar = await new TestContent(writer).ImageAsync();
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = "Guest Reviewer", slug = "guest-reviewer", avatarImageId = avatar });
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = "iPhone 18", slug = "iphone-18" });
        return (new(author.Id(), "guest-reviewer"), new(tag.Id(), "iphone-18"), avatar);
    }

    private Task<JsonObject> ArticleAsync(Resource author, Resource tag, Dictionary<string, object?> visibility) =>
        new TestContent(_factory.Writer()).ArticleAsync(new(visibility)
        {
            ["slug"] = "iphone-18-launch",
            ["authorIds"] = new[] { author.Id },
            ["tagIds"] = new[] { tag.Id },
        });

    private async Task AssertHiddenAsync(Resource author, Resource tag, long avatar)
    {
        var anonymous = _factory.Anonymous();
        foreach (var (collection, resource) in new[] { ("authors", author), ("tags", tag) })
        {
            await (await anonymous.GetAsync($"/api/v1/{collection}/{resource.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await anonymous.GetAsync($"/api/v1/{collection}/slug/{resource.Slug}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await anonymous.GetAsync($"/api/v1/{collection}/slug/{FullWidthFirstLetter(resource.Slug)}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var bySlug = await anonymous.GetJsonAsync($"/api/v1/{collection}?slug={resource.Slug}");
            Assert.Empty(bySlug.ItemIds());
            Assert.Equal(0, bySlug.Total());
            var all = await anonymous.GetJsonAsync($"/api/v1/{collection}?limit=100");
            Assert.DoesNotContain(resource.Id, all.ItemIds());
            Assert.Equal(all.ItemIds().Count, all.Total());
        }
        await (await anonymous.GetAsync($"/api/v1/images/{avatar}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var images = await anonymous.GetJsonAsync("/api/v1/images?limit=100");
        Assert.DoesNotContain(avatar, images.ItemIds());
        Assert.Equal(images.ItemIds().Count, images.Total());
    }

    private static async Task AssertShownAsync(HttpClient client, Resource author, Resource tag, long avatar)
    {
        foreach (var (collection, resource) in new[] { ("authors", author), ("tags", tag) })
        {
            Assert.Equal(resource.Id, (await client.GetJsonAsync($"/api/v1/{collection}/{resource.Id}")).Id());
            Assert.Equal(resource.Id, (await client.GetJsonAsync($"/api/v1/{collection}/slug/{resource.Slug}")).Id());
            var bySlug = await client.GetJsonAsync($"/api/v1/{collection}?slug={resource.Slug}");
            Assert.Equal([resource.Id], bySlug.ItemIds());
            Assert.Equal(1, bySlug.Total());
            var all = await client.GetJsonAsync($"/api/v1/{collection}?limit=100");
            Assert.Contains(resource.Id, all.ItemIds());
            Assert.Equal(all.ItemIds().Count, all.Total());
        }
        Assert.Equal(avatar, (await client.GetJsonAsync($"/api/v1/images/{avatar}")).Id());
        var images = await client.GetJsonAsync("/api/v1/images?limit=100");
        Assert.Contains(avatar, images.ItemIds());
        Assert.Equal(images.ItemIds().Count, images.Total());
    }

    /// <summary>Another spelling of the slug (NFKC reads ｉ as i), which anonymous callers are sent on from with a 301.</summary>
    private static string FullWidthFirstLetter(string slug) => Uri.EscapeDataString((char)(slug[0] - 'a' + 'ａ') + slug[1..]);
}
