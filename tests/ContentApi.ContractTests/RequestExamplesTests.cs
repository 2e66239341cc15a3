using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.Seeding;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.ContractTests;

/// <summary>
/// The examples the document gives for request properties, put together, make a request the schema and the server
/// accept (the ids they name replaced by the ids of what the test creates): Swagger UI's "Try it out" and generated
/// clients' samples start from them.
/// </summary>
public sealed class RequestExamplesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public Task The_examples_of_each_request_schema_make_a_valid_create() => CreateEachAsync(factory, asSwaggerUi: false);

    internal static async Task CreateEachAsync(ApiFactory factory, bool asSwaggerUi, bool withOwnIds = true)
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();
        if (!withOwnIds)
        {
            // The examples' own ids, and their slugs, on the database they were written for.
            foreach (var (schema, url) in new[] { ("ImageRequest", "/api/v1/images"), ("AuthorRequest", "/api/v1/authors"), ("TagRequest", "/api/v1/tags"), ("ArticleRequest", "/api/v1/articles") })
            {
                await CreateAsync(document, writer, schema, url, asSwaggerUi, _ => { });
            }
            return;
        }

        var image = await CreateAsync(document, writer, "ImageRequest", "/api/v1/images", asSwaggerUi, _ => { });
        var author = await CreateAsync(document, writer, "AuthorRequest", "/api/v1/authors", asSwaggerUi, request => request["avatarImageId"] = image);
        var tag = await CreateAsync(document, writer, "TagRequest", "/api/v1/tags", asSwaggerUi, _ => { });
        await CreateAsync(document, writer, "ArticleRequest", "/api/v1/articles", asSwaggerUi, request =>
        {
            request["authorIds"] = new JsonArray(author);
            request["tagIds"] = new JsonArray(tag);
            request["coverImageId"] = image;
            request["imageIds"] = new JsonArray(image);
            request["body"] = request["body"]!.GetValue<string>().Replace("image:12", $"image:{image}", StringComparison.Ordinal);
        });
    }

    private static async Task<long> CreateAsync(JsonNode document, HttpClient writer, string schemaName, string url, bool asSwaggerUi, Action<JsonObject> withOwnIds)
    {
        var schema = document["components"]!["schemas"]![schemaName]!;
        var request = new JsonObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (property!.AsObject().TryGetPropertyValue("example", out var example))
            {
                request[name] = example?.DeepClone();
            }
            else if (asSwaggerUi)
            {
                request[name] = SwaggerUiSample(property);
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

    // What Swagger UI 5 fills in for a member without an example (its sampleFromSchema): the default, else the first
    // enum value, else a value of the member's type and format. Members the sample needs for its own ids come from
    // the examples, which the test replaces.
    private static JsonNode? SwaggerUiSample(JsonNode property)
    {
        if (property["default"] is { } defaultValue)
        {
            return defaultValue.DeepClone();
        }
        if (property["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }
        return (property["type"]?.GetValue<string>(), property["format"]?.GetValue<string>()) switch
        {
            ("string", "date-time") => "2020-01-02T03:04:05.678Z",
            ("string", _) => "string",
            ("integer", _) or ("number", _) => 0,
            ("boolean", _) => true,
            _ => null,
        };
    }
}

/// <summary>
/// Swagger UI's "Try it out" sends every member of a request schema, not only those with an example: one without takes
/// its default, else a value made up from its type and format (a date-time is the time the page was drawn). For an
/// article that was a draft (status's default) with a publishedAt, which the API refuses, so a newcomer's first create
/// from Swagger UI was a 400. (Its own database: the samples' slugs are the examples'.)
/// </summary>
public sealed class SwaggerUiSampleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public Task Swagger_UIs_sample_of_each_request_schema_makes_a_valid_create() =>
        RequestExamplesTests.CreateEachAsync(factory, asSwaggerUi: true);
}

/// <summary>
/// The README's first steps seed demo content "so Swagger UI has something to show", then open Swagger UI: there each
/// create's "Try it out" sample, sent as it is, names the demo content's ids (author 3, tags 5 and 8, image 12) and
/// must not name a slug the demo content already holds (the tag example's '人工智慧' was the first demo tag's: a 409).
/// </summary>
public sealed class SwaggerUiSampleOnSeededDatabaseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Swagger_UIs_sample_of_each_create_is_accepted_on_the_demo_content()
    {
        var db = factory.Services.GetRequiredService<Db>();
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var generator = new SeedContentGenerator(1, now);
        var writer = new SeedWriter(db);
        var (authors, tags) = await writer.EnsurePeopleAndTagsAsync(generator, now, CancellationToken.None);
        await writer.WriteBatchAsync(SeedWriter.Prepare([.. generator.Generate(20)], generator), authors, tags, now, CancellationToken.None);

        await RequestExamplesTests.CreateEachAsync(factory, asSwaggerUi: true, withOwnIds: false);
    }
}

/// <summary>
/// Swagger UI's "Try it out" for a PATCH sent every member of the patch schema, each at its example or made up (the
/// article's status at its first value, draft): run on a published article to try a merge patch, it unpublished it and
/// replaced its title, body, authors, tags, images and slug with the examples'. Each PATCH now has an example of its
/// own, which Swagger UI sends instead: one optional member, changed and nothing else.
/// </summary>
public sealed class SwaggerUiPatchSampleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("images")]
    [InlineData("tags")]
    public async Task Swagger_UIs_sample_of_a_patch_changes_one_member_and_keeps_the_rest(string collection)
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();
        var id = await new TestContent(writer).ResourceAsync(collection);
        var before = await (await writer.GetAsync($"/api/v1/{collection}/{id}")).AssertJsonAsync();

        var content = document["paths"]![$"/api/v1/{collection}/{{id}}"]!["patch"]!["requestBody"]!["content"]!["application/merge-patch+json"]!;
        var example = Assert.IsType<JsonObject>(content["example"], exactMatch: false);
        var (member, value) = Assert.Single(example);
        Assert.NotEqual("slug", member);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/{collection}/{id}") { Content = HttpAssertions.RawJson(example.ToJsonString(), "application/merge-patch+json") };
        var after = await (await writer.SendAsync(request)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(value!.ToJsonString(), after[member]!.ToJsonString());
        foreach (var (name, kept) in before)
        {
            if (name is not ("updatedAt" or "version" or "excerpt") && name != member)
            {
                Assert.True(JsonNode.DeepEquals(kept, after[name]), $"{collection}.{name} changed: {kept?.ToJsonString()} -> {after[name]?.ToJsonString()}");
            }
        }
    }
}
