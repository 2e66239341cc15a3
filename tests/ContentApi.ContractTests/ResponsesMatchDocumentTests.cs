using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.ContractTests;

/// <summary>
/// Real responses against the document: each body conforms to its schema as a strict validator reads it (at any depth;
/// see <see cref="SchemaConformance"/>), and every header documented for the status is sent, so a generated client's
/// types hold at run time.
/// </summary>
public sealed class ResponsesMatchDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Headers documented as sent only sometimes: a replay's marker, a key holder's answer under an article's earlier slug.</summary>
    private static readonly HashSet<string> Conditional = ["Idempotent-Replayed", "Content-Location"];

    [Fact]
    public async Task Responses_carry_every_required_property_and_every_documented_header()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();
        var anonymous = factory.Anonymous();
        var content = new TestContent(writer);
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        // Two of everything, so that every list of one item has a next page (and a Link).
        var tag = await content.TagAsync();
        var otherTag = await content.TagAsync();
        var image = await content.ImageAsync("圖源:ifanr", "A caption");
        await content.ImageAsync();
        // Both tags on a published article, as anonymous callers see only tags that one carries.
        var article = await content.ArticleAsync(new() { ["title"] = $"{word} first", ["tagIds"] = new[] { tag, otherTag }, ["coverImageId"] = image, ["imageIds"] = new[] { image } });
        // Nullable references both ways: an article without a cover (the first has one), an image with a focal point
        // (ImageAsync sets none), an author with an avatar (the articles' author has none).
        var uncoveredArticle = await content.ArticleAsync(new() { ["title"] = $"{word} second" });
        var uncovered = uncoveredArticle["id"]!.GetValue<long>();
        // Two earlier slugs, to list a page of one (with a next page) and remove one.
        var earlierSlug = uncoveredArticle["slug"]!.GetValue<string>();
        foreach (var moved in new[] { $"moved-{word}", $"moved-again-{word}" })
        {
            (await writer.PatchAsync($"/api/v1/articles/{uncovered}", new StringContent($"{{\"slug\":\"{moved}\"}}", System.Text.Encoding.UTF8, "application/merge-patch+json"))).EnsureSuccessStatusCode();
        }
        var focused = (await writer.PostOkAsync("/api/v1/images", new { url = "https://images.example.com/focused.jpg", altText = "x", focalPoint = new { x = 0.25, y = 0.75 } }))["id"]!.GetValue<long>();
        var pictured = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Pictured {word}", avatarImageId = focused }))["id"]!.GetValue<long>();
        // Anonymous callers see an author, and its avatar, once a published article credits it.
        await content.ArticleAsync(new() { ["title"] = $"{word} third", ["authorIds"] = new[] { pictured } });
        // And a tag's and an author's: each moved twice, so that each has two earlier slugs.
        foreach (var (collection, owner) in new[] { ("tags", tag), ("authors", pictured) })
        {
            foreach (var moved in new[] { $"moved-{word}", $"moved-again-{word}" })
            {
                (await writer.PatchAsync($"/api/v1/{collection}/{owner}", new StringContent($"{{\"slug\":\"{moved}\"}}", System.Text.Encoding.UTF8, "application/merge-patch+json"))).EnsureSuccessStatusCode();
            }
        }
        var id = article["id"]!.GetValue<long>();
        var slug = article["slug"]!.GetValue<string>();
        var author = article["authors"]![0]!["id"]!.GetValue<long>();
        var etag = (await anonymous.GetAsync($"/api/v1/articles/{id}")).Headers.ETag!.Tag;
        var listEtag = (await anonymous.GetAsync("/api/v1/articles?limit=1")).Headers.ETag!.Tag;

        var cases = new (string OperationId, HttpClient Client, HttpRequestMessage Request, HttpStatusCode Status)[]
        {
            ("ListArticles", anonymous, Get("/api/v1/articles?limit=1"), HttpStatusCode.OK),
            ("GetArticle", anonymous, Get($"/api/v1/articles/{id}"), HttpStatusCode.OK),
            ("GetArticle", anonymous, Get($"/api/v1/articles/{id}?include="), HttpStatusCode.OK),
            ("GetArticle", anonymous, Get($"/api/v1/articles/{uncovered}"), HttpStatusCode.OK),
            ("ListArticles", anonymous, Get("/api/v1/articles?limit=1&include=authors&format=html,text"), HttpStatusCode.OK),
            ("GetArticle", anonymous, Get($"/api/v1/articles/{id}", ("If-None-Match", etag)), HttpStatusCode.NotModified),
            ("ListArticles", anonymous, Get("/api/v1/articles?limit=1", ("If-None-Match", listEtag)), HttpStatusCode.NotModified),
            ("GetArticleBySlug", writer, Get($"/api/v1/articles/slug/{slug}"), HttpStatusCode.OK),
            ("SearchArticles", anonymous, Get($"/api/v1/search?q={word}&limit=1"), HttpStatusCode.OK),
            // A hit with its body (optional in its schema: sent when fields names it) and without embeds (optional too).
            ("SearchArticles", anonymous, Get($"/api/v1/search?q={word}&limit=1&include=none&fields={string.Join(',', ContentApi.Articles.ArticleView.SearchFieldNames.Except(ContentApi.Articles.ArticleView.IncludeNames))}"), HttpStatusCode.OK),
            ("SearchArticles", writer, Get($"/api/v1/search?q={word}&limit=1&sort=-publishedAt"), HttpStatusCode.OK),
            ("ListAuthors", anonymous, Get("/api/v1/authors?limit=1"), HttpStatusCode.OK),
            ("GetAuthor", writer, Get($"/api/v1/authors/{author}"), HttpStatusCode.OK),
            ("GetAuthor", anonymous, Get($"/api/v1/authors/{pictured}"), HttpStatusCode.OK),
            ("GetImage", anonymous, Get($"/api/v1/images/{focused}"), HttpStatusCode.OK),
            ("ListTags", anonymous, Get("/api/v1/tags?limit=1"), HttpStatusCode.OK),
            ("GetTag", anonymous, Get($"/api/v1/tags/{tag}"), HttpStatusCode.OK),
            ("ListImages", anonymous, Get("/api/v1/images?limit=1"), HttpStatusCode.OK),
            ("GetImage", anonymous, Get($"/api/v1/images/{image}"), HttpStatusCode.OK),
            ("CreateTag", writer, Send(HttpMethod.Post, "/api/v1/tags", new { name = $"Tag {word}" }), HttpStatusCode.Created),
            ("CreateImage", anonymous, Send(HttpMethod.Post, "/api/v1/images", new { url = "https://images.example.com/x.jpg", altText = "x" }), HttpStatusCode.Unauthorized),
            ("PatchArticle", writer, Send(HttpMethod.Patch, $"/api/v1/articles/{id}", new { title = "Changed" }, ("If-Match", "\"99-0\"")), HttpStatusCode.PreconditionFailed),
            ("PatchArticle", writer, Send(HttpMethod.Patch, $"/api/v1/articles/{id}", new { subtitle = "A subtitle" }, ("If-Match", etag)), HttpStatusCode.OK),
            // 400s of each kind: the schema requires their errors.
            ("ListArticles", anonymous, Get("/api/v1/articles?limit=abc"), HttpStatusCode.BadRequest),
            ("ListArticles", anonymous, Get("/api/v1/articles?colour=red"), HttpStatusCode.BadRequest),
            ("GetArticle", anonymous, Get("/api/v1/articles/abc"), HttpStatusCode.BadRequest),
            ("CreateTag", writer, Send(HttpMethod.Post, "/api/v1/tags", new { name = "" }), HttpStatusCode.BadRequest),
            ("CreateTag", writer, new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json") }, HttpStatusCode.BadRequest),
            ("DeleteTag", writer, Delete($"/api/v1/tags/{tag}", ("If-Match", "not-an-etag")), HttpStatusCode.BadRequest),
            ("ListArticleEarlierSlugs", writer, Get($"/api/v1/articles/{uncovered}/earlier-slugs?limit=1"), HttpStatusCode.OK),
            ("DeleteArticleEarlierSlug", writer, Delete($"/api/v1/articles/{uncovered}/earlier-slugs/{Uri.EscapeDataString(earlierSlug)}"), HttpStatusCode.NoContent),
            ("DeleteArticleEarlierSlug", writer, Delete($"/api/v1/articles/{uncovered}/earlier-slugs/{Uri.EscapeDataString(earlierSlug)}"), HttpStatusCode.NotFound),
            ("ListTagEarlierSlugs", writer, Get($"/api/v1/tags/{tag}/earlier-slugs?limit=1"), HttpStatusCode.OK),
            ("DeleteTagEarlierSlug", writer, Delete($"/api/v1/tags/{tag}/earlier-slugs/moved-{word}"), HttpStatusCode.NoContent),
            ("DeleteTagEarlierSlug", writer, Delete($"/api/v1/tags/{tag}/earlier-slugs/moved-{word}"), HttpStatusCode.NotFound),
            ("ListAuthorEarlierSlugs", writer, Get($"/api/v1/authors/{pictured}/earlier-slugs?limit=1"), HttpStatusCode.OK),
            ("DeleteAuthorEarlierSlug", writer, Delete($"/api/v1/authors/{pictured}/earlier-slugs/moved-{word}"), HttpStatusCode.NoContent),
            ("DeleteAuthorEarlierSlug", writer, Delete($"/api/v1/authors/{pictured}/earlier-slugs/moved-{word}"), HttpStatusCode.NotFound),
        };
        foreach (var (operationId, client, request, status) in cases)
        {
            var where = $"{operationId} {(int)status}";
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == status, $"{where}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var documented = Operation(document, operationId)["responses"]![((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.True(documented is not null, $"{where} is not documented");
            foreach (var (header, _) in documented["headers"]?.AsObject() ?? [])
            {
                if (!Conditional.Contains(header))
                {
                    Assert.True(Sent(response, header), $"{where}: documented header {header} was not sent");
                }
            }
            if (documented["content"]?.AsObject().FirstOrDefault().Value?["schema"] is { } schema && status != HttpStatusCode.NotModified)
            {
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                Assert.True((int)status < 400 || body?["code"] is not null, $"{where}: the problem has no code");
                var violations = SchemaConformance.Violations(document, schema, body, where);
                Assert.True(violations.Count == 0, string.Join("\n", violations));
            }
        }
    }

    /// <summary>
    /// A hit is a <c>SearchResult</c>, not an <c>ArticleResponse</c>: it lacks the body reads always send and carries
    /// highlights reads never do, which is why it has a schema of its own (with one for both, every read's body was optional).
    /// </summary>
    [Fact]
    public async Task Search_hits_are_search_results_and_would_not_be_article_reads()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"{word} found" });

        var hit = (await (await factory.Anonymous().GetAsync($"/api/v1/search?q={word}")).AssertJsonAsync())["items"]![0]!;

        Assert.Empty(SchemaConformance.Violations(document, Schema("SearchResult"), hit, "hit"));
        Assert.Equal(["hit (ArticleResponse): required property body is missing", "hit (ArticleResponse): property highlights is not in its schema"],
            SchemaConformance.Violations(document, Schema("ArticleResponse"), hit, "hit"));

        static JsonNode Schema(string name) => new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    [Fact]
    public async Task Conflicts_carry_the_members_their_schema_documents()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var image = await content.ImageAsync();
        var article = await content.ArticleAsync(new() { ["coverImageId"] = image });
        var imageTag = (await factory.Anonymous().GetAsync($"/api/v1/images/{image}")).Headers.ETag!.Tag;
        var delete = Get($"/api/v1/images/{image}", ("If-Match", imageTag));
        delete.Method = HttpMethod.Delete;

        var inUse = await (await writer.SendAsync(delete)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(article["id"]!.GetValue<long>(), inUse["articles"]![0]!["id"]!.GetValue<long>());
        Assert.Empty(inUse["authors"]!.AsArray());
        AssertDocuments(document, "DeleteImage", inUse);

        var taken = await (await writer.SendAsync(Send(HttpMethod.Post, "/api/v1/articles", new
        {
            title = "Same slug", slug = article["slug"]!.GetValue<string>(), body = "x", language = "en",
            authorIds = new[] { article["authors"]![0]!["id"]!.GetValue<long>() },
        }))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(article["id"]!.GetValue<long>(), taken["conflictingId"]!.GetValue<long>());
        AssertDocuments(document, "CreateArticle", taken);

        // Every member the problem carries beyond RFC 9457's is a property of the 409's schema.
        static void AssertDocuments(JsonNode document, string operationId, JsonNode problem)
        {
            var reference = Operation(document, operationId)["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>();
            var schemas = document["components"]!["schemas"]!;
            // Its own members and those of ProblemDetails, which it extends.
            var properties = new[] { OpenApiDocumentTests.OwnMembers(schemas[reference.Split('/')[^1]]!), schemas["ProblemDetails"]! }
                .SelectMany(s => s["properties"]!.AsObject().Select(p => p.Key)).ToHashSet();
            Assert.All(problem.AsObject().Select(m => m.Key), member => Assert.True(properties.Contains(member), $"{operationId} 409: {member} is not documented"));
        }
    }

    /// <summary>
    /// A delete refused while in use always names the articles (none, for an image only an author uses), and an image's
    /// also the authors: the schema requires what every such 409 carries, so a generated client reads
    /// <c>error.articles</c> without a check for undefined (openapi-typescript), and NSwag does not type it nullable.
    /// </summary>
    [Fact]
    public async Task In_use_conflicts_carry_every_member_their_schema_does_not_mark_optional_and_it_requires_articles()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        // Its own required members and those of ProblemDetails, which it extends.
        var required = new[] { OpenApiDocumentTests.OwnMembers(schemas["InUseProblemDetails"]!), schemas["ProblemDetails"]! }
            .SelectMany(s => s["required"]!.AsArray().Select(r => r!.GetValue<string>())).ToHashSet();
        Assert.Contains("traceId", required);
        Assert.Contains("articles", required);
        Assert.DoesNotContain("authors", required); // only an image's delete names authors

        var writer = factory.Writer();
        var content = new TestContent(writer);
        var tag = await content.TagAsync();
        var author = await content.AuthorAsync();
        var avatar = await content.ImageAsync();
        await content.ArticleAsync(new() { ["tagIds"] = new[] { tag }, ["authorIds"] = new[] { author } });
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(Send(HttpMethod.Patch, $"/api/v1/authors/{author}", new { avatarImageId = avatar }))).StatusCode);

        foreach (var url in new[] { $"/api/v1/tags/{tag}", $"/api/v1/authors/{author}", $"/api/v1/images/{avatar}" })
        {
            var problem = await (await writer.SendAsync(Delete(url))).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.All(required, member => Assert.True(problem[member] is not null, $"{url}: the 409 lacks {member}"));
        }
    }

    private static HttpRequestMessage Get(string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static HttpRequestMessage Delete(string url, params (string Name, string Value)[] headers)
    {
        var request = Get(url, headers);
        request.Method = HttpMethod.Delete;
        return request;
    }

    private static HttpRequestMessage Send(HttpMethod method, string url, object body, params (string Name, string Value)[] headers)
    {
        var request = Get(url, headers);
        request.Method = method;
        request.Content = method == HttpMethod.Patch
            ? new StringContent(System.Text.Json.JsonSerializer.Serialize(body, HttpAssertions.Json), new MediaTypeHeaderValue("application/merge-patch+json"))
            : HttpAssertions.JsonBody(body);
        return request;
    }

    private static bool Sent(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out _) || response.Content.Headers.TryGetValues(header, out _);

    private static JsonNode Operation(JsonNode document, string operationId) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!))
            .Single(o => o["operationId"]!.GetValue<string>() == operationId);
}
