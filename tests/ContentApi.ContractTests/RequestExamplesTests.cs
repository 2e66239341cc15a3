using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.ContractTests;

/// <summary>
/// The examples the document gives for request properties, put together, make a request the schema and the server
/// accept (the ids they name replaced by the ids of what the test creates): Swagger UI's "Try it out" and generated
/// clients' samples start from them.
/// </summary>
public sealed class RequestExamplesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_examples_of_each_request_schema_make_a_valid_create()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();

        var image = await CreateAsync(document, writer, "ImageRequest", "/api/v1/images", _ => { });
        var author = await CreateAsync(document, writer, "AuthorRequest", "/api/v1/authors", request => request["avatarImageId"] = image);
        var tag = await CreateAsync(document, writer, "TagRequest", "/api/v1/tags", _ => { });
        await CreateAsync(document, writer, "ArticleRequest", "/api/v1/articles", request =>
        {
            request["authorIds"] = new JsonArray(author);
            request["tagIds"] = new JsonArray(tag);
            request["coverImageId"] = image;
            request["imageIds"] = new JsonArray(image);
            request["body"] = request["body"]!.GetValue<string>().Replace("image:12", $"image:{image}", StringComparison.Ordinal);
        });
    }

    private static async Task<long> CreateAsync(JsonNode document, HttpClient writer, string schemaName, string url, Action<JsonObject> withOwnIds)
    {
        var schema = document["components"]!["schemas"]![schemaName]!;
        var request = new JsonObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (property!["example"] is { } example)
            {
                request[name] = example.DeepClone();
            }
        }
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            Assert.True(request.ContainsKey(required!.GetValue<string>()), $"{schemaName}.{required} has no example");
        }
        Assert.Empty(SchemaConformance.Violations(document, schema, request, schemaName));

        withOwnIds(request);
        var response = await writer.PostAsJsonAsync(url, request);
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<long>();
    }
}
