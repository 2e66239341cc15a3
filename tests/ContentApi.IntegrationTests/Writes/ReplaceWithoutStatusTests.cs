using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A replace that leaves out <c>status</c> keeps the article's status, as one leaving out <c>slug</c> keeps its slug
/// (editorial review): PUT {"title":"重複點擊",…} without a status from an editor app that does not send one answered
/// 200 with "status":"draft","publishedAt":null, and took a live story off the public site.
/// </summary>
public sealed class ReplaceWithoutStatusTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string OriginalTime = "2025-03-01T08:00:00.000000Z";

    [Fact]
    public async Task A_replace_without_status_keeps_a_live_article_live_with_its_publishedAt()
    {
        var content = new TestContent(factory.Writer());
        var article = await content.ArticleAsync(new() { ["publishedAt"] = OriginalTime });
        var url = $"/api/v1/articles/{article["id"]}";

        var replaced = await PutAsync(url, Replacement(article, await content.TagAsync()));

        Assert.Equal("published", replaced["status"]!.GetValue<string>());
        Assert.Equal(OriginalTime, replaced["publishedAt"]!.GetValue<string>());
        Assert.Equal("重複點擊", (await (await factory.Anonymous().GetAsync(url)).AssertJsonAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replace_without_status_keeps_a_scheduled_article_scheduled_and_takes_a_publishedAt_it_gives()
    {
        var content = new TestContent(factory.Writer());
        var article = await content.ArticleAsync(new() { ["publishedAt"] = "2999-01-01T00:00:00.000000Z" });
        var url = $"/api/v1/articles/{article["id"]}";

        var kept = await PutAsync(url, Replacement(article));
        Assert.Equal("published", kept["status"]!.GetValue<string>());
        Assert.Equal("2999-01-01T00:00:00.000000Z", kept["publishedAt"]!.GetValue<string>());

        var redated = Replacement(article);
        redated["publishedAt"] = OriginalTime;
        var moved = await PutAsync(url, redated);
        Assert.Equal("published", moved["status"]!.GetValue<string>());
        Assert.Equal(OriginalTime, moved["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replace_without_status_keeps_a_draft_a_draft_which_takes_no_publishedAt()
    {
        var content = new TestContent(factory.Writer());
        var draft = await content.ArticleAsync(new() { ["status"] = "draft" });
        var url = $"/api/v1/articles/{draft["id"]}";

        var replaced = await PutAsync(url, Replacement(draft));
        Assert.Equal("draft", replaced["status"]!.GetValue<string>());
        Assert.Null(replaced["publishedAt"]);

        var dated = Replacement(draft);
        dated["publishedAt"] = OriginalTime;
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.RawJson(dated.ToJsonString()) };
        var problem = await (await factory.Writer().SendAsync(put)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("publishedAt", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_create_without_status_is_a_draft_and_refuses_a_publishedAt()
    {
        var author = await new TestContent(factory.Writer()).AuthorAsync();
        var withoutStatus = $$"""{"title":"No status","body":"Body","language":"en","authorIds":[{{author}}]}""";
        var created = await (await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(withoutStatus))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", created["status"]!.GetValue<string>());

        var dated = $$"""{"title":"No status","body":"Body","language":"en","authorIds":[{{author}}],"publishedAt":"{{OriginalTime}}"}""";
        var problem = await (await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(dated))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("publishedAt", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>A merge patch is validated like a PUT: a null status leaves it out, which keeps it.</summary>
    [Fact]
    public async Task A_patch_removing_status_keeps_it_as_a_replace_leaving_it_out_does()
    {
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["publishedAt"] = OriginalTime });
        var url = $"/api/v1/articles/{article["id"]}";

        var patched = await (await factory.Writer().PatchAsync(url, HttpAssertions.RawJson("""{"status":null}""", "application/merge-patch+json"))).AssertJsonAsync();

        Assert.Equal("published", patched["status"]!.GetValue<string>());
        Assert.Equal(OriginalTime, patched["publishedAt"]!.GetValue<string>());
    }

    /// <summary>The review's request: every field an editor app sends, and no status.</summary>
    private static JsonObject Replacement(JsonObject article, long? tagId = null) => new()
    {
        ["title"] = "重複點擊",
        ["body"] = "內容",
        ["language"] = "zh-Hant",
        ["authorIds"] = new JsonArray([.. article["authors"]!.AsArray().Select(a => (JsonNode)a!["id"]!.GetValue<long>())]),
        ["tagIds"] = tagId is { } id ? new JsonArray(id) : new JsonArray(),
    };

    private async Task<JsonObject> PutAsync(string url, JsonObject replacement)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.RawJson(replacement.ToJsonString()) };
        return await (await factory.Writer().SendAsync(put)).AssertJsonAsync();
    }
}
