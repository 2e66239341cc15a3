using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A PUT restating exactly what was stored made a new version, ETag and updatedAt (and, for an article, a revision),
/// where a PATCH that changes nothing answers the resource as it is: a desk saving on every pause, or a sync job
/// re-putting everything, filled the history with copies and failed other editors' If-Match for nothing.
/// </summary>
public sealed class RestatingPutTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<object> BodyAsync(string collection, HttpClient writer, long id) => collection switch
    {
        "articles" => new
        {
            title = "重述的標題", body = "重述的正文。", language = "zh-Hant",
            authorIds = (await writer.GetJsonAsync($"/api/v1/articles/{id}"))["authors"]!.AsArray().Select(a => a!.Id()).ToArray(),
        },
        "authors" => new { name = $"Restated {Guid.NewGuid():N}", bio = "重述的簡介" },
        "tags" => new { name = $"Restated {Guid.NewGuid():N}", description = "重述的說明" },
        _ => new { url = $"https://images.example.com/{Guid.NewGuid():N}.jpg", altText = "重述", caption = "重述的圖說", width = 800, height = 600, mimeType = "image/jpeg" },
    };

    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("images")]
    public async Task A_put_of_what_is_stored_answers_it_as_it_is(string collection)
    {
        var (alice, _) = await factory.DeskKeyAsync("alice");
        var (bob, bobName) = await factory.DeskKeyAsync("bob");
        var id = await new TestContent(alice).ResourceAsync(collection);
        var url = $"/api/v1/{collection}/{id}";
        var body = await BodyAsync(collection, alice, id);
        var saved = await bob.PutAsJsonAsync(url, body);
        var savedJson = await saved.AssertJsonAsync();

        var again = await alice.PutAsJsonAsync(url, body);

        var againJson = await again.AssertJsonAsync();
        Assert.Equal(saved.Headers.ETag, again.Headers.ETag);
        Assert.Equal(savedJson["version"]!.GetValue<long>(), againJson["version"]!.GetValue<long>());
        Assert.Equal(savedJson["updatedAt"]!.GetValue<string>(), againJson["updatedAt"]!.GetValue<string>());
        Assert.Equal(bobName, againJson["updatedBy"]!.GetValue<string>());
        Assert.Equal(savedJson.ToJsonString(), (await factory.Reader().GetJsonAsync(url)).ToJsonString());
        if (collection == "articles")
        {
            Assert.Single((await factory.Reader().GetJsonAsync($"{url}/revisions"))["items"]!.AsArray());
        }
    }

    /// <summary>An editor app that reads an article and sends all of it back: its derived excerpt, slug and publishedAt restated.</summary>
    [Fact]
    public async Task An_article_read_and_put_back_whole_makes_no_version()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var image = await content.ImageAsync();
        var article = await content.ArticleAsync(new()
        {
            ["status"] = "published", ["tagIds"] = new[] { await content.TagAsync(), await content.TagAsync() },
            ["body"] = $"第一段正文。\n\n![圖](image:{image})\n圖源:測試", ["imageIds"] = new[] { image }, ["subtitle"] = "副標",
        });
        var url = $"/api/v1/articles/{article.Id()}";
        var read = await writer.GetAsync(url);
        var current = await read.AssertJsonAsync();
        var request = new JsonObject
        {
            ["title"] = current["title"]!.DeepClone(), ["body"] = current["body"]!.DeepClone(), ["language"] = current["language"]!.DeepClone(),
            ["authorIds"] = new JsonArray([.. current["authors"]!.AsArray().Select(a => (JsonNode)a!.Id())]),
            ["status"] = current["status"]!.DeepClone(), ["slug"] = current["slug"]!.DeepClone(), ["subtitle"] = current["subtitle"]!.DeepClone(),
            ["excerpt"] = current["excerpt"]!.DeepClone(), ["publishedAt"] = current["publishedAt"]!.DeepClone(),
            ["tagIds"] = new JsonArray([.. current["tags"]!.AsArray().Select(t => (JsonNode)t!.Id())]),
            ["imageIds"] = new JsonArray([.. current["images"]!.AsArray().Select(i => (JsonNode)i!.Id())]),
        };

        var put = await writer.PutAsync(url, HttpAssertions.RawJson(request.ToJsonString()));

        var answered = await put.AssertJsonAsync();
        Assert.Equal(read.Headers.ETag, put.Headers.ETag);
        Assert.Equal(current["version"]!.GetValue<long>(), answered["version"]!.GetValue<long>());
        Assert.Empty((await factory.Reader().GetJsonAsync($"{url}/revisions"))["items"]!.AsArray());
    }
}
