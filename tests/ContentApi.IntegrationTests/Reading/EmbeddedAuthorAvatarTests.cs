using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An article's authors embed their avatars as an author read shows them, so a byline with a photo needs no request
/// per author; every read of the article (by id, by slug, in a list, in search) carries them and moves when they change.
/// </summary>
public sealed class EmbeddedAuthorAvatarTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Byline(long Article, string ArticleSlug, long Pictured, long Unpictured, long Avatar)
    {
        public string[] Urls(string word) =>
        [
            $"/api/v1/articles/{Article}", $"/api/v1/articles/slug/{ArticleSlug}", $"/api/v1/articles?author={Pictured}",
            $"/api/v1/search?q={word}",
        ];
    }

    /// <summary>A published article by an author with an avatar and one without; <paramref name="word"/> finds it in search.</summary>
    private async Task<Byline> BylineAsync(string word, string status = "published")
    {
        var writer = _factory.Writer();
        var avatar = await new TestContent(writer).ImageAsync("圖源:ifanr", "作者近照");
        var pictured = await writer.PostOkAsync("/api/v1/authors", new { name = $"Pictured {Guid.NewGuid():N}", avatarImageId = avatar });
        var unpictured = await writer.PostOkAsync("/api/v1/authors", new { name = $"Unpictured {Guid.NewGuid():N}" });
        var article = await writer.CreateArticleAsync([pictured.Id(), unpictured.Id()], new()
        {
            ["title"] = $"The {word} story",
            ["status"] = status,
        });
        return new Byline(article.Id(), article.Text("slug"), pictured.Id(), unpictured.Id(), avatar);
    }

    private static JsonArray AuthorsIn(JsonObject body) =>
        (body["items"] is JsonArray items ? items[0]! : body)["authors"]!.AsArray();

    [Fact]
    public async Task Every_read_of_an_article_embeds_each_authors_avatar_as_an_author_read_shows_it_or_null()
    {
        var byline = await BylineAsync("zanzibar");
        var client = _factory.Anonymous();
        var expected = (await client.GetJsonAsync($"/api/v1/authors/{byline.Pictured}"))["avatar"]!;
        Assert.Equal(byline.Avatar, expected.Id());

        foreach (var url in byline.Urls("zanzibar"))
        {
            var authors = AuthorsIn(await client.GetJsonAsync(url));
            Assert.Equal(2, authors.Count);
            Assert.True(JsonNode.DeepEquals(expected, authors[0]!["avatar"]), $"{url}: {authors[0]!["avatar"]?.ToJsonString()}");
            var unpictured = authors[1]!.AsObject();
            Assert.True(unpictured.ContainsKey("avatar"), $"{url}: an author without an avatar has avatar null, not left out");
            Assert.Null(unpictured["avatar"]);
        }
    }

    [Fact]
    public async Task A_write_answers_the_avatars_a_read_right_after_returns()
    {
        var writer = _factory.Writer();
        var avatar = await new TestContent(writer).ImageAsync();
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = $"Writer {Guid.NewGuid():N}", avatarImageId = avatar });
        var created = await writer.PostAsync("/api/v1/articles", HttpAssertions.JsonBody(new
        {
            title = "Written with a byline", body = "Text.", language = "en", authorIds = new[] { author.Id() }, status = "published",
        }));
        var written = await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(avatar, written["authors"]![0]!["avatar"]!.Id());

        // Read as written, by a key holder: anonymous callers get the representation without createdBy and updatedBy.
        var read = await writer.GetAsync($"/api/v1/articles/{written.Id()}");
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task Fields_naming_authors_keep_their_avatars_and_include_without_authors_leaves_them_out()
    {
        var byline = await BylineAsync("quokka");
        var client = _factory.Anonymous();

        var sparse = await client.GetJsonAsync($"/api/v1/articles/{byline.Article}?fields=id,authors");
        Assert.Equal(byline.Avatar, sparse["authors"]![0]!["avatar"]!.Id());
        var none = await client.GetJsonAsync($"/api/v1/articles/{byline.Article}?include=tags");
        Assert.False(none.ContainsKey("authors"));
    }

    [Fact]
    public async Task A_key_holder_reading_a_draft_sees_the_avatar_anonymous_callers_cannot_see()
    {
        var byline = await BylineAsync("okapi", status: "draft");

        var draft = await _factory.Reader().GetJsonAsync($"/api/v1/articles/{byline.Article}");
        Assert.Equal(byline.Avatar, draft["authors"]![0]!["avatar"]!.Id());
        var anonymous = _factory.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/articles/{byline.Article}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/images/{byline.Avatar}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"altText\":\"新的替代文字\"}")]
    [InlineData("{\"credit\":\"圖源:Apple\"}")]
    [InlineData("{\"url\":\"https://images.example.com/moved.jpg\"}")]
    public async Task Patching_the_avatar_image_changes_every_read_of_the_article_its_ETag_and_Last_Modified(string patch)
    {
        var byline = await BylineAsync("pangolin");
        await AssertEveryReadChangesAsync(byline, "pangolin", async () =>
            await (await _factory.Writer().PatchAsync($"/api/v1/images/{byline.Avatar}", HttpAssertions.RawJson(patch, "application/merge-patch+json"))).AssertJsonAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Changing_or_removing_an_authors_avatar_changes_every_read_of_the_article(bool replace)
    {
        var byline = await BylineAsync("wombat");
        var other = await new TestContent(_factory.Writer()).ImageAsync();
        await AssertEveryReadChangesAsync(byline, "wombat", async () =>
            await (await _factory.Writer().PatchMergeAsync($"/api/v1/authors/{byline.Pictured}", new { avatarImageId = replace ? other : (long?)null })).AssertJsonAsync());

        var avatar = AuthorsIn(await _factory.Anonymous().GetJsonAsync($"/api/v1/articles/{byline.Article}"))[0]!["avatar"];
        Assert.Equal(replace ? other : null, avatar?.Id());
    }

    /// <summary>
    /// Every read is made twice first (the second from the response cache), then <paramref name="change"/> is made a
    /// minute later: each read must answer the new content, a 200 to its old ETag and a later Last-Modified.
    /// </summary>
    private async Task AssertEveryReadChangesAsync(Byline byline, string word, Func<Task> change)
    {
        var client = _factory.Anonymous();
        var before = new Dictionary<string, (EntityTagHeaderValue ETag, DateTimeOffset? LastModified, string Authors)>();
        foreach (var url in byline.Urls(word))
        {
            await client.GetAsync(url);
            var response = await client.GetAsync(url);
            var body = await response.AssertJsonAsync();
            before[url] = (response.Headers.ETag!, response.Content.Headers.LastModified, AuthorsIn(body).ToJsonString());
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await change();

        foreach (var url in byline.Urls(word))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(before[url].ETag);
            var after = await client.SendAsync(request);
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"{url}: the avatar changed, so the old ETag must not give 304");
            Assert.NotEqual(before[url].Authors, AuthorsIn(await after.AssertJsonAsync()).ToJsonString());
            Assert.NotEqual(before[url].ETag, after.Headers.ETag);
            if (before[url].LastModified is { } lastModified)
            {
                Assert.True(after.Content.Headers.LastModified > lastModified, $"{url}: Last-Modified {after.Content.Headers.LastModified} is not after {lastModified}");
                using var since = new HttpRequestMessage(HttpMethod.Get, url);
                since.Headers.IfModifiedSince = lastModified;
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(since)).StatusCode);
            }
        }
    }
}
