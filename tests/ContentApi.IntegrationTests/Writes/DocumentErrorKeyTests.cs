using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A problem with the JSON document as a whole is filed under the root's JSON path, <c>$</c>: under <c>body</c>, as it
/// was, clients flagged an article's Markdown field for it.
/// </summary>
public sealed class DocumentErrorKeyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ValidArticle = "\"title\":\"t\",\"body\":\"b\",\"language\":\"en\",\"authorIds\":[{author}]";

    [Theory]
    [InlineData("POST", "articles", "[]", "$")]
    [InlineData("POST", "articles", "\"x\"", "$")]
    [InlineData("POST", "articles", "{\"\\ud800\":1," + ValidArticle + "}", "$")]
    [InlineData("PUT", "articles", "[]", "$")]
    [InlineData("PUT", "articles", "{\"\\ud800\":1," + ValidArticle + "}", "$")]
    [InlineData("PATCH", "articles", "{\"\\ud800\":1}", "$")]
    [InlineData("POST", "tags", "[]", "$")]
    [InlineData("PUT", "tags", "1", "$")]
    [InlineData("POST", "authors", "\"x\"", "$")]
    [InlineData("PATCH", "authors", "{\"\\udc00\":null}", "$")]
    [InlineData("POST", "images", "true", "$")]
    [InlineData("PATCH", "images", "[]", "$")]
    [InlineData("PATCH", "tags", "null", "$")]
    // A member named "" is no more the document than "title" is: its key is its name, as every member's is.
    [InlineData("POST", "articles", "{\"\":1," + ValidArticle + "}", "")]
    [InlineData("PATCH", "tags", "{\"\":1}", "")]
    public async Task Error_about_the_document_is_keyed_by_the_roots_path_not_a_field(string method, string resource, string json, string key)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var author = await content.AuthorAsync();
        var target = method == "POST" ? $"/api/v1/{resource}" : $"/api/v1/{resource}/{await content.ResourceAsync(resource)}";
        var mediaType = method == "PATCH" ? "application/merge-patch+json" : "application/json";
        using var request = new HttpRequestMessage(new HttpMethod(method), target)
        {
            Content = HttpAssertions.RawJson(json.Replace("{author}", author.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), mediaType),
        };

        var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = Assert.IsType<JsonObject>(problem["errors"]);
        Assert.Equal([key], errors.Select(e => e.Key));
    }
}
