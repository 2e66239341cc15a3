using System.Text.Json.Nodes;
using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Deletions;
using ContentApi.Http.Binding;
using ContentApi.Http.Lists;
using ContentApi.Images;
using ContentApi.Tags;
using ContentApi.Text;
using ContentApi.TestSupport;

namespace ContentApi.ContractTests;

/// <summary>The served OpenAPI document is the committed contract: any drift fails here.</summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public const string RefreshCommand = "UPDATE_OPENAPI=1 dotnet test tests/ContentApi.ContractTests --filter OpenApiDocumentTests";

    /// <summary>
    /// Byte for byte, not as parsed JSON: clients compare the file's hash with the served document's (API.md: "equal to
    /// openapi/v1.json"), and Microsoft.OpenApi wrote an empty array as <c>[ ]</c> where the file had <c>[]</c>.
    /// </summary>
    [Fact]
    public async Task ServedDocument_equals_committed_openapi_v1_json()
    {
        var served = await factory.Anonymous().GetByteArrayAsync("/openapi/v1.json");
        var path = Path.Combine(RepositoryRoot(), "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllBytesAsync(path, served);
        }
        Assert.True(File.Exists(path), $"openapi/v1.json is missing. Create it with: {RefreshCommand}");
        var committed = await File.ReadAllBytesAsync(path);
        Assert.True(committed.AsSpan().SequenceEqual(served), $"The served OpenAPI document differs from openapi/v1.json {FirstDifference(committed, served)}. " +
            $"If the change is intended (it breaks generated clients), refresh it with: {RefreshCommand}");
    }

    /// <summary>Where two documents part, with the committed text there.</summary>
    private static string FirstDifference(byte[] committed, byte[] served)
    {
        var at = committed.AsSpan().CommonPrefixLength(served);
        var line = committed.AsSpan(0, at).Count((byte)'\n') + 1;
        string Around(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes.AsSpan(at, Math.Min(40, bytes.Length - at)));
        return $"at byte {at} (line {line}): the file has \"{Around(committed)}\", the server \"{Around(served)}\"";
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    public async Task Served_document_has_a_strong_etag_public_caching_and_answers_a_matching_if_none_match_with_304(string? coding)
    {
        var client = factory.Anonymous();
        using var first = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (coding is not null)
        {
            first.Headers.AcceptEncoding.ParseAdd(coding);
        }
        using var served = await client.SendAsync(first);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        var etag = served.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal(coding is null ? [] : [coding], served.Content.Headers.ContentEncoding);
        Assert.Equal(coding is not null, etag.Tag.EndsWith($"-{coding}\"", StringComparison.Ordinal)); // each coding its own bytes, its own tag
        Assert.True(served.Headers.CacheControl!.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        if (coding is not null)
        {
            again.Headers.AcceptEncoding.ParseAdd(coding);
        }
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        using var head = new HttpRequestMessage(HttpMethod.Head, "/openapi/v1.json");
        if (coding is not null)
        {
            head.Headers.AcceptEncoding.ParseAdd(coding);
        }
        head.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await client.SendAsync(head)).StatusCode); // as the GET
    }

    [Fact]
    public async Task Document_is_pinned_to_OpenAPI_3_0()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        Assert.StartsWith("3.0.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A nullable reference is <c>oneOf: [$ref, {type: string, nullable: true, enum: [null]}]</c>. Strict validators
    /// refused null for <c>{type: object, oneOf: [$ref], nullable: true}</c> (the <c>oneOf</c> still refuses it, OAS
    /// 3.0.3); with <c>allOf</c>, Kiota made a wrapper class per property (<c>ArticleResponse_coverImage</c>) and NSwag
    /// copies (<c>FocalPoint2</c>), and with <c>anyOf</c> NSwag made empty wrappers, where this form gives all of them
    /// the referenced class. The null is typed <c>string</c> whatever the reference's type: typed <c>object</c>, the zod
    /// generators read it as an empty object, so openapi-zod-client's schemas refused every null cover, avatar and focal
    /// point (<c>z.object({})</c>) and orval's did not compile (<c>z.object({}).passthrough().literal(null)</c>), while
    /// Kiota, NSwag and openapi-typescript give the same types for both.
    /// </summary>
    [Fact]
    public async Task Nullable_references_are_oneOf_the_reference_and_a_typed_null()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var nullableReferences = 0;
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            foreach (var (property, value) in schema!["properties"]?.AsObject() ?? [])
            {
                var where = $"{name}.{property}";
                // allOf only to give a referenced enum its default, beside which generators keep the enum's own type.
                var defaultedEnum = value!["allOf"] is JsonArray { Count: 1 } single && value["default"] is not null &&
                    document["components"]!["schemas"]![single[0]!["$ref"]!.GetValue<string>().Split('/')[^1]]!["enum"] is not null;
                Assert.True((value["allOf"] is null || defaultedEnum) && value["anyOf"] is null, $"{where}: allOf or anyOf");
                if (value["oneOf"] is JsonArray oneOf)
                {
                    nullableReferences++;
                    Assert.True(value["type"] is null && value["nullable"] is null, $"{where}: type or nullable beside oneOf");
                    Assert.True(oneOf.Count == 2 && oneOf[0]!["$ref"] is not null, $"{where}: oneOf a $ref and null");
                    var referenced = document["components"]!["schemas"]![oneOf[0]!["$ref"]!.GetValue<string>().Split('/')[^1]]!;
                    var onlyNull = oneOf[1]!.AsObject();
                    Assert.True(referenced["type"] is not null && onlyNull["type"]?.GetValue<string>() == "string" && onlyNull["nullable"]?.GetValue<bool>() == true &&
                        onlyNull["enum"] is JsonArray { Count: 1 } only && only[0] is null && onlyNull.Count == 3,
                        $"{where}: the second schema is {onlyNull.ToJsonString()}");
                }
            }
        }
        // coverImage (of an article and of a search result), avatar (of an author and of its summary in an article),
        // focalPoint in the image response and both image requests, and the article request's and patch's status.
        Assert.Equal(9, nullableReferences);
    }

    /// <summary>
    /// Members a response leaves out rather than sends as null are optional and not nullable: typed <c>string | null</c>,
    /// they made generated clients check for a null that never comes (review).
    /// </summary>
    [Fact]
    public async Task Response_members_sent_only_with_a_value_are_optional_and_not_nullable()
    {
        var article = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!["ArticleResponse"]!;
        var required = article["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();

        foreach (var member in new[] { "bodyHtml", "toc", "plainText" })
        {
            Assert.DoesNotContain(member, required);
            Assert.Null(article["properties"]![member]!["nullable"]);
        }
        Assert.True(article["properties"]!["subtitle"]!["nullable"]!.GetValue<bool>());
    }

    /// <summary>
    /// Reads always send an article's body, and only search hits leave it out and carry highlights: with one schema for
    /// both, every article read was typed <c>body?: string</c> (openapi-typescript), and checked for a body that always comes.
    /// </summary>
    [Fact]
    public async Task Article_reads_require_the_body_and_search_results_require_highlights_instead()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var article = schemas["ArticleResponse"]!;
        var hit = schemas["SearchResult"]!;
        static HashSet<string> Required(JsonNode schema) => schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();

        Assert.Contains("body", Required(article));
        Assert.Null(article["properties"]!["highlights"]);
        Assert.Contains("highlights", Required(hit));
        Assert.DoesNotContain("body", Required(hit));
        Assert.Equal("Left out unless `fields` names it.", hit["properties"]!["body"]!["description"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/SearchHighlight", hit["properties"]!["highlights"]!["items"]!["$ref"]!.GetValue<string>());
        // Every other member as the article read has it, in its order; search takes no format, so no renderings, and
        // ranks what anyone may read, so no key names (createdBy, updatedBy: a key holder's reads of the article have them).
        var renderings = new[] { "bodyHtml", "toc", "plainText", "createdBy", "updatedBy" };
        var shared = article["properties"]!.AsObject().Select(p => p.Key).Except(renderings).ToList();
        Assert.Equal([.. shared, "highlights"], hit["properties"]!.AsObject().Select(p => p.Key));
        Assert.All(shared.Where(m => m != "body"), member =>
            Assert.True(JsonNode.DeepEquals(article["properties"]![member], hit["properties"]![member]), $"{member} differs from the article's"));
        Assert.Equal(Required(article).Except(["body"]).Order(), Required(hit).Except(["highlights"]).Order());
        Assert.Equal(article["additionalProperties"]?.ToJsonString(), hit["additionalProperties"]?.ToJsonString());

        // Search answers with hits, and every operation answering with an article (lists too: they send the body) with the article.
        var responses = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value!["responses"]!.AsObject().Select(r => (Operation: o.Value!["operationId"]!.GetValue<string>(),
                Schema: r.Value!["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>().Split('/')[^1])))
            .Where(r => r.Schema is not null).ToList();
        Assert.Equal(["SearchArticles"], responses.Where(r => r.Schema == "SearchResultListResponse").Select(r => r.Operation));
        Assert.Equal("#/components/schemas/SearchResult", schemas["SearchResultListResponse"]!["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["ListArticles"], responses.Where(r => r.Schema == "ArticleResponseListResponse").Select(r => r.Operation));
        Assert.Equal(["CreateArticle", "GetArticle", "GetArticleBySlug", "PatchArticle", "ReplaceArticle", "RestoreArticle"],
            responses.Where(r => r.Schema == "ArticleResponse").Select(r => r.Operation).Distinct().Order());
    }

    /// <summary>
    /// A key name no one recorded is left out, never sent as null: the revision list sent <c>"updatedBy": null</c> where
    /// articles, authors, tags and images leave it out, and its schema said it was always there.
    /// </summary>
    [Theory]
    [InlineData("ArticleResponse")]
    [InlineData("AuthorResponse")]
    [InlineData("TagResponse")]
    [InlineData("ImageResponse")]
    [InlineData("ArticleRevisionResponse")]
    public async Task Key_names_are_optional_and_never_null(string schema)
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var response = document["components"]!["schemas"]![schema]!;

        foreach (var member in new[] { "createdBy", "updatedBy" }.Where(m => response["properties"]![m] is not null))
        {
            Assert.DoesNotContain(member, response["required"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Null(response["properties"]![member]!["nullable"]);
        }
        Assert.NotNull(response["properties"]!["updatedBy"]);
    }

    /// <summary>A client behind a compressing proxy (weak ETags) or without response headers learns from the schema how to send If-Match.</summary>
    [Theory]
    [InlineData("ArticleResponse")]
    [InlineData("SearchResult")]
    [InlineData("AuthorResponse")]
    [InlineData("ImageResponse")]
    [InlineData("TagResponse")]
    public async Task Every_responses_version_says_it_is_an_If_Match_value(string schema)
    {
        var version = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]![schema]!["properties"]!["version"]!;

        Assert.Contains("`If-Match`", version["description"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// A merge patch's null removes a member (RFC 7396), which for an optional member with a default (an article's
    /// status) resets it: the patch schema must allow that null, or NSwag's clients send the default on every PATCH.
    /// </summary>
    [Fact]
    public async Task Patch_schemas_allow_null_for_every_optional_member_and_only_for_those()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var patches = schemas.Where(s => s.Key.EndsWith("RequestPatch", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, patches.Count);
        foreach (var (name, patch) in patches)
        {
            var replace = schemas[name[..^"Patch".Length]]!;
            var required = replace["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
            Assert.Null(patch!["required"]);
            foreach (var (property, value) in patch["properties"]!.AsObject())
            {
                var allowsNull = value!["nullable"]?.GetValue<bool>() == true || value["oneOf"]?.AsArray().Any(s => s!["nullable"]?.GetValue<bool>() == true) == true;
                Assert.True(allowsNull == !required.Contains(property), $"{name}.{property}: nullable exactly when optional");
            }
        }
        // A null status leaves it out, which keeps it, as a replace without one does: the patch says what the replace says.
        Assert.Equal(schemas["ArticleRequest"]!["properties"]!["status"]!.ToJsonString(), schemas["ArticleRequestPatch"]!["properties"]!["status"]!.ToJsonString());
        // An object member merges into the stored one ({"focalPoint": {"x": 0.2}} keeps y): its own members are optional.
        Assert.Equal("#/components/schemas/FocalPointPatch", schemas["ImageRequestPatch"]!["properties"]!["focalPoint"]!["oneOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Null(schemas["FocalPointPatch"]!["required"]);
        Assert.Equal(["x", "y"], schemas["FocalPointPatch"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.All(schemas["FocalPointPatch"]!["properties"]!.AsObject(), p => Assert.Null(p.Value!["nullable"]));
    }

    /// <summary>Kiota's exceptions take their Message from the member marked so; without it, every one read "Exception of type 'ProblemDetails' was thrown."</summary>
    /// <summary>
    /// Integrator review: every response schema was closed (<c>additionalProperties: false</c>, from the unknown-member
    /// rule of request bodies), so a member added in a later release would make strict response validators (ajv
    /// middleware, Prism's proxy, zod's <c>.strict()</c> from openapi-zod-client) refuse every response: an additive change
    /// would break them. Schemas a request body can reach stay closed, as the server refuses unknown members.
    /// </summary>
    [Fact]
    public async Task Response_schemas_are_open_and_request_schemas_closed()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var requests = new HashSet<string>();
        var pending = new Stack<JsonNode>(document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .Select(operation => operation.Value!["requestBody"]).OfType<JsonNode>());
        while (pending.TryPop(out var node))
        {
            if (node is JsonObject obj && obj["$ref"]?.GetValue<string>() is { } reference && requests.Add(reference.Split('/')[^1]))
            {
                pending.Push(schemas[reference.Split('/')[^1]]!);
            }
            foreach (var child in node switch { JsonObject o => o.Select(m => m.Value), JsonArray a => a, _ => [] })
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        Assert.Contains("ArticleRequest", requests);
        Assert.Contains("FocalPointPatch", requests);
        foreach (var (name, schema) in schemas.Where(s => s.Value!["properties"] is not null))
        {
            if (requests.Contains(name))
            {
                Assert.True(schema!["additionalProperties"]?.GetValue<bool>() == false, $"{name} (a request body's) admits unknown members");
            }
            else
            {
                Assert.True(schema!["additionalProperties"] is null, $"{name} (only in responses) states additionalProperties: {schema["additionalProperties"]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Every_problem_schema_marks_detail_as_the_primary_error_message()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var problems = schemas.Where(s => s.Key.EndsWith("ProblemDetails", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, problems.Count);
        foreach (var (name, schema) in problems)
        {
            // The others inherit it (allOf ProblemDetails and their own members).
            var marked = OwnMembers(schema!)["properties"]!.AsObject().Where(p => p.Value!["x-ms-primary-error-message"]?.GetValue<bool>() == true).Select(p => p.Key);
            Assert.True(marked.SequenceEqual(name == "ProblemDetails" ? ["detail"] : []), $"{name}: {string.Join(", ", marked)}");
        }
    }

    /// <summary>
    /// A search highlight's field has grown (authors, tags, images) and may grow again: as a closed enum, one highlight
    /// of a field added later failed a whole search page in an NSwag client. The known fields stay listed, open.
    /// </summary>
    [Fact]
    public async Task A_highlight_field_is_an_extensible_string_listing_the_known_fields()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        Assert.Equal("#/components/schemas/HighlightField", schemas["SearchHighlight"]!["properties"]!["field"]!["$ref"]!.GetValue<string>());
        var field = schemas["HighlightField"]!;
        Assert.Equal("string", field["type"]!.GetValue<string>());
        Assert.True(field["enum"] is null, "HighlightField is a closed enum");
        Assert.Equal(["title", "subtitle", "excerpt", "body", "authors", "tags", "images"], field["x-extensible-enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains("x-extensible-enum", field["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A count of articles is the same type wherever it is given: an in-use problem's total was int32, a page's int64.</summary>
    [Fact]
    public async Task Totals_have_one_integer_format()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        Assert.Equal("int64", schemas["PageInfo"]!["properties"]!["total"]!["format"]!.GetValue<string>());
        Assert.Equal("int64", OwnMembers(schemas["InUseProblemDetails"]!)["properties"]!["total"]!["format"]!.GetValue<string>());
    }

    /// <summary>
    /// A client gets every error of an operation as one union of problem types (openapi-fetch's <c>error</c>), so a 400
    /// must be told from the rest by a member: the validation problem requires <c>errors</c>, which no other problem
    /// declares or admits but a conflict about one field (a taken slug or tag name), which files it there in the same shape. With <c>additionalProperties: {}</c>, openapi-typescript gave each problem an index signature
    /// (<c>[key: string]: unknown</c>), which keeps every problem in <c>"errors" in error</c> and typed its errors as unknown.
    /// Every extension member the server sends is declared (traceId, errors, conflictingId, articles, authors).
    /// </summary>
    [Fact]
    public async Task A_validation_problem_is_told_from_the_other_problems_by_its_errors()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var problems = schemas.Where(s => s.Key.EndsWith("ProblemDetails", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value!);
        Assert.Contains("errors", OwnMembers(problems["HttpValidationProblemDetails"])["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        foreach (var (name, schema) in problems)
        {
            Assert.True(schema["additionalProperties"] is null, $"{name} states additionalProperties: {schema["additionalProperties"]?.ToJsonString()}");
            Assert.True(OwnMembers(schema)["additionalProperties"] is null, $"{name}'s own members state additionalProperties");
            if (name == "SlugConflictProblemDetails")
            {
                // A conflict about one field files it there too, in the same shape, but never requires errors.
                Assert.Equal(OwnMembers(problems["HttpValidationProblemDetails"])["properties"]!["errors"]!["additionalProperties"]!.ToJsonString(),
                    OwnMembers(schema)["properties"]!["errors"]!["additionalProperties"]!.ToJsonString());
                Assert.DoesNotContain("errors", OwnMembers(schema)["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []);
            }
            else if (name != "HttpValidationProblemDetails")
            {
                Assert.True(OwnMembers(schema)["properties"]!["errors"] is null, $"{name} declares errors");
            }
        }
    }

    /// <summary>
    /// The request and response records document their members in XML comments; without the documentation file they
    /// never reached the document, so integrators read "publishedAt: string" without "must be omitted for drafts".
    /// </summary>
    [Fact]
    public async Task Schema_members_carry_their_descriptions_and_no_description_names_code()
    {
        var text = await factory.Anonymous().GetStringAsync("/openapi/v1.json");
        var schemas = JsonNode.Parse(text)!["components"]!["schemas"]!;
        Assert.Contains("Must be omitted for drafts", schemas["ArticleRequest"]!["properties"]!["publishedAt"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("image:ID", schemas["ArticleRequest"]!["properties"]!["body"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("only with `format=html`", schemas["ArticleResponse"]!["properties"]!["bodyHtml"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ContentApi\.[A-Z]|<see |cref=", text);
    }

    [Fact]
    public async Task Every_operation_has_operationId_summary_tag_and_a_4xx_response()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var operationIds = new HashSet<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                var id = operation!["operationId"]?.GetValue<string>();
                Assert.False(string.IsNullOrEmpty(id), $"{where} has no operationId");
                Assert.True(operationIds.Add(id!), $"operationId {id} is used twice");
                Assert.False(string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
                var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
                Assert.Contains(statuses, s => s.StartsWith('2'));
                Assert.Contains(statuses, s => s.StartsWith('4'));
                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    Assert.False(string.IsNullOrEmpty(parameter!["description"]?.GetValue<string>()), $"{where} parameter {parameter["name"]} has no description");
                }
            }
        }
    }

    [Fact]
    public async Task Every_GET_documents_304_and_a_problem_400()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var gets = document["paths"]!.AsObject().Select(p => (Path: p.Key, Operation: p.Value!["get"])).Where(g => g.Operation is not null).ToList();
        Assert.NotEmpty(gets);
        foreach (var (path, operation) in gets)
        {
            var responses = operation!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("304"), $"GET {path} does not document 304 Not Modified");
            Assert.True(responses.ContainsKey("400"), $"GET {path} does not document 400");
            Assert.NotNull(responses["400"]!["content"]?["application/problem+json"]);
        }
    }

    [Fact]
    public async Task Request_schemas_carry_the_limits_the_validators_enforce()
    {
        var schemas = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        var article = schemas["ArticleRequest"]!["properties"]!;
        Assert.Equal(1, article["title"]!["minLength"]!.GetValue<int>());
        Assert.Equal(300, article["title"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(ArticleRequestValidator.MaxBodyLength, article["body"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(1, article["authorIds"]!["minItems"]!.GetValue<int>());
        Assert.Equal(ArticleRequestValidator.MaxAuthors, article["authorIds"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(ArticleRequestValidator.MaxInlineImages, article["imageIds"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(1, article["authorIds"]!["items"]!["minimum"]!.GetValue<int>());
        // IRIs and internationalised addresses: the validators accept https://例子.tw/新聞 and 李@例子.公司.
        Assert.Equal("iri", article["canonicalUrl"]!["format"]!.GetValue<string>());
        Assert.Null(article["publishedAt"]!["minimum"]);
        // ECMA-262, as JSON Schema patterns are: .NET's \z (which the validators use) written as $.
        var language = article["language"]!["pattern"]!.GetValue<string>();
        Assert.EndsWith("$", language, StringComparison.Ordinal);
        Assert.Matches(language, "zh-Hant");
        var image = schemas["ImageRequest"]!["properties"]!;
        Assert.Equal(100_000, image["width"]!["maximum"]!.GetValue<int>());
        Assert.Equal("iri", image["url"]!["format"]!.GetValue<string>());
        Assert.DoesNotContain(@"\z", image["mimeType"]!["pattern"]!.GetValue<string>(), StringComparison.Ordinal);
        var focalX = schemas["FocalPoint"]!["properties"]!["x"]!;
        Assert.Equal((0, 1), (focalX["minimum"]!.GetValue<int>(), focalX["maximum"]!.GetValue<int>()));
        Assert.Equal("idn-email", schemas["AuthorRequest"]!["properties"]!["email"]!["format"]!.GetValue<string>());
        // Found by a probe validating requests against the document: each of these was a 400 the schema allowed.
        Assert.Equal(LanguageTags.MaxLength, article["language"]!["maxLength"]!.GetValue<int>());
        Assert.All(new[] { "authorIds", "tagIds", "imageIds" }, ids => Assert.True(article[ids]!["uniqueItems"]!.GetValue<bool>(), ids));
        Assert.All(new[] { article["canonicalUrl"]!, image["url"]!, schemas["AuthorRequest"]!["properties"]!["website"]! }, url =>
        {
            Assert.Matches(url["pattern"]!.GetValue<string>(), "HTTPS://例子.tw/新聞");
            Assert.DoesNotMatch(url["pattern"]!.GetValue<string>(), "ftp://example.com/a");
        });
        Assert.All(new[] { "ArticleRequest", "AuthorRequest", "TagRequest" }, name =>
            Assert.Equal(Slugs.MaxLength, schemas[name]!["properties"]!["slug"]!["maxLength"]!.GetValue<int>()));
        // The slug's shape, which a client can check before it sends (the server's rule is the message alone without it).
        Assert.All(new[] { "ArticleRequest", "AuthorRequest", "TagRequest", "ArticleRequestPatch", "AuthorRequestPatch", "TagRequestPatch" }, name =>
        {
            var pattern = schemas[name]!["properties"]!["slug"]!["pattern"]!.GetValue<string>();
            Assert.Matches(pattern, "qwen3-max-發布");
            Assert.DoesNotMatch(pattern, "Qwen3 Max");
        });
        Assert.Equal(1, schemas["AuthorRequest"]!["properties"]!["avatarImageId"]!["minimum"]!.GetValue<int>());
        Assert.DoesNotMatch(article["title"]!["pattern"]!.GetValue<string>(), "  \t ");
        Assert.Matches(article["title"]!["pattern"]!.GetValue<string>(), "標題 二");
        // One line, with no white space at either end: the server refuses the rest.
        Assert.All(new[] { " 標題 ", "標題\u3000", "標\n題", "標\t題", "標\u2028題", "標\uFEFF題" }, text =>
            Assert.DoesNotMatch(article["title"]!["pattern"]!.GetValue<string>(), text));
    }

    /// <summary>
    /// A text the document allows is no 400: the server refuses control characters in every text a request takes (a
    /// vertical tab, as a word processor's line break pastes; a form feed; NUL), which an integrator syncing from
    /// another system met as 400s the schemas did not foretell. Each such text's pattern refuses them too, and passes
    /// the line breaks and tabs the server takes; and a title or name that must show something, or close its
    /// bidirectional controls, says so.
    /// </summary>
    [Fact]
    public async Task Text_properties_state_the_control_characters_the_server_refuses()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var writer = factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        var requests = new (string Schema, string Path, Dictionary<string, object?> Body)[]
        {
            ("ArticleRequest", "/api/v1/articles", new() { ["title"] = "T", ["body"] = "", ["language"] = "en", ["authorIds"] = new[] { author } }),
            ("AuthorRequest", "/api/v1/authors", new() { ["name"] = "N" }),
            ("ImageRequest", "/api/v1/images", new() { ["url"] = "https://images.example.com/a.jpg", ["altText"] = "" }),
            ("TagRequest", "/api/v1/tags", new() { ["name"] = "N" }),
        };
        foreach (var (schema, path, body) in requests)
        {
            foreach (var (name, property) in document["components"]!["schemas"]![schema]!["properties"]!.AsObject())
            {
                // Formats, slugs and languages have rules of their own that refuse these characters.
                if (property!["type"]?.GetValue<string>() != "string" || property["format"] is not null || name is "slug" or "language")
                {
                    continue;
                }
                foreach (var control in new[] { '\u000B', '\f', '\0', '\u0085' })
                {
                    var value = $"a{control}b";
                    var response = await writer.PostAsync(path, HttpAssertions.JsonBody(new Dictionary<string, object?>(body) { [name] = value }));
                    Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{schema}.{name} with U+{(int)control:X4}: {(int)response.StatusCode}");
                    Assert.True(property["pattern"] is { } pattern && !Ecma(pattern.GetValue<string>()).IsMatch(value),
                        $"{schema}.{name}: the server refuses U+{(int)control:X4}, which the document allows (pattern {property["pattern"]?.ToJsonString() ?? "none"})");
                }
                // Text that shows nothing (a zero-width space alone), which a pattern without Unicode classes cannot tell
                // from text that does: where the server refuses it, the description says so.
                var invisible = await writer.PostAsync(path, HttpAssertions.JsonBody(new Dictionary<string, object?>(body) { [name] = "\u200B" }));
                Assert.True(invisible.IsSuccessStatusCode || !Ecma(property["pattern"]!.GetValue<string>()).IsMatch("\u200B")
                    || property["description"]?.GetValue<string>().Contains(TextRules.ShowsSomething, StringComparison.Ordinal) == true,
                    $"{schema}.{name}: the server refuses a zero-width space alone, which the document does not say");
                // An override left open, which a pattern cannot tell from one closed: where the server refuses it, the description says so.
                var overriding = await writer.PostAsync(path, HttpAssertions.JsonBody(new Dictionary<string, object?>(body) { [name] = "a\u202Eb" }));
                Assert.True(overriding.IsSuccessStatusCode || property["pattern"] is { } refusing && !Ecma(refusing.GetValue<string>()).IsMatch("a\u202Eb")
                    || property["description"]?.GetValue<string>().Contains(TextRules.BidiControlsBalanced, StringComparison.Ordinal) == true,
                    $"{schema}.{name}: the server refuses a bidirectional override left open, which the document does not say");
                var text = await writer.PostAsync(path, HttpAssertions.JsonBody(new Dictionary<string, object?>(body) { [name] = "a\r\nb\tc" }));
                Assert.True(!text.IsSuccessStatusCode || property["pattern"] is not { } taken || Ecma(taken.GetValue<string>()).IsMatch("a\r\nb\tc"),
                    $"{schema}.{name}: the server takes line breaks and tabs, which the document refuses");
            }
        }

        static System.Text.RegularExpressions.Regex Ecma(string pattern) => new(pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript);
    }

    [Fact]
    public async Task Query_parameters_carry_the_limits_the_validators_enforce()
    {
        var paths = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;
        JsonNode Parameter(string path, string name) =>
            paths[path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;
        foreach (var path in new[] { "/api/v1/articles", "/api/v1/search" })
        {
            Assert.Equal(Search.SearchQuery.MaxLength, Parameter(path, "q")["maxLength"]!.GetValue<int>());
            Assert.Equal(LanguageRanges.MaxListLength, Parameter(path, "language")["maxLength"]!.GetValue<int>());
            Assert.Matches(Parameter(path, "language")["pattern"]!.GetValue<string>(), "zh-Hant");
            Assert.Matches(Parameter(path, "language")["pattern"]!.GetValue<string>(), "en, fr,zh-Hant");
            Assert.DoesNotMatch(Parameter(path, "language")["pattern"]!.GetValue<string>(), "en,,fr");
            Assert.Equal("string", Parameter(path, "language")["type"]!.GetValue<string>());
            Assert.Equal(1, Parameter(path, "fields")["minItems"]!.GetValue<int>());
            Assert.Null(Parameter(path, "include")["minItems"]);
        }
        Assert.Equal(1, Parameter("/api/v1/articles", "format")["minItems"]!.GetValue<int>());
        // The url filter holds its value to an image's url rule (a space, a user name or a second # is a 400), so it
        // states the format an image's url states.
        Assert.Equal("iri", Parameter("/api/v1/images", "url")["format"]?.GetValue<string>());
        foreach (var path in new[] { "/api/v1/authors", "/api/v1/tags" })
        {
            Assert.Equal(Paging.MaxSlugs, Parameter(path, "slug")["maxItems"]!.GetValue<int>());
            Assert.Equal(1, Parameter(path, "slug")["minItems"]!.GetValue<int>());
            Assert.Equal(1, Parameter(path, "slug")["items"]!["minLength"]!.GetValue<int>());
        }
    }

    /// <summary>The API reads every list comma-separated (repeating it works too), so the document says so of every array.</summary>
    [Fact]
    public async Task Every_array_query_parameter_is_written_comma_separated()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var arrays = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (parameter!["in"]!.GetValue<string>() == "query" && parameter["schema"]!["type"]?.GetValue<string>() == "array")
                    {
                        arrays++;
                        var where = $"{method.ToUpperInvariant()} {path} {parameter["name"]}";
                        Assert.True(parameter["explode"]?.GetValue<bool>() == false, $"{where}: explode must be false");
                        Assert.True(parameter["style"] is null || parameter["style"]!.GetValue<string>() == "form", $"{where}: style form");
                        Assert.True(ListParameters.Names.Contains(parameter["name"]!.GetValue<string>()), $"{where}: not a ListParameters name");
                    }
                }
            }
        }
        Assert.True(arrays > 0);
    }

    /// <summary>
    /// The shared <c>cursor</c> description named <c>q</c> for every list, and <c>/deletions</c> refuses <c>q</c> as an
    /// unknown parameter: a cursor's description names only parameters its operation takes.
    /// </summary>
    [Fact]
    public async Task A_cursor_description_names_only_parameters_its_operation_takes()
    {
        var paths = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();
        var cursors = 0;
        foreach (var (path, item) in paths)
        {
            if (item!["get"]?["parameters"]?.AsArray() is not { } parameters || parameters.FirstOrDefault(p => p!["name"]!.GetValue<string>() == "cursor") is not { } cursor)
            {
                continue;
            }
            cursors++;
            var names = parameters.Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
            var named = System.Text.RegularExpressions.Regex.Matches(cursor["description"]!.GetValue<string>(), "`([A-Za-z]+)`").Select(m => m.Groups[1].Value)
                .Where(n => n != "nextCursor" && n != "page");
            Assert.All(named, name => Assert.True(names.Contains(name), $"GET {path}: its cursor's description names `{name}`, which it does not take"));
        }
        Assert.True(cursors > 0);
    }

    /// <summary>
    /// NSwag writes date-time query parameters with <c>ToString("s")</c> (no offset, no fraction): the deletions feed's
    /// bounds say so as README says it for <c>updatedAfter</c>. The feed's types are the API's resources, a closed enum.
    /// </summary>
    [Fact]
    public async Task The_deletions_feeds_bounds_say_how_NSwag_writes_them_and_its_types_are_the_apis_resources()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var parameters = document["paths"]!["/api/v1/deletions"]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["description"]!.GetValue<string>());
        Assert.Contains("`ToString(\"s\")`", parameters["deletedAfter"], StringComparison.Ordinal);
        Assert.Contains("pass UTC", parameters["deletedAfter"], StringComparison.Ordinal);
        Assert.Contains("truncated to the second", parameters["deletedBefore"], StringComparison.Ordinal);
        var type = document["components"]!["schemas"]!["DeletionType"]!;
        Assert.Equal(4, type["enum"]!.AsArray().Count);
        Assert.Contains("the API's resources", type["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The slug of <c>DELETE /articles/{id}/earlier-slugs/{slug}</c> carried the description lookups share ("The
    /// resource's slug"), which reads as the article's own slug, the one thing it cannot be: it is one of the article's
    /// earlier slugs, matched as the redirect of <c>GET /articles/slug/{slug}</c> matches one (review).
    /// </summary>
    [Fact]
    public async Task The_slug_an_earlier_slug_removal_takes_is_described_as_an_earlier_slug_of_the_article()
    {
        var paths = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;
        string SlugOf(string path, string method) => paths[path]![method]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "slug" && p!["in"]!.GetValue<string>() == "path")!["description"]!.GetValue<string>();

        var removed = SlugOf("/api/v1/articles/{id}/earlier-slugs/{slug}", "delete");
        Assert.StartsWith("One of the article's earlier slugs, as `GET /articles/{id}/earlier-slugs` lists them, percent-encoded.", removed, StringComparison.Ordinal);
        Assert.Contains("as `GET /articles/slug/{slug}` matches the earlier slug it redirects", removed, StringComparison.Ordinal);
        Assert.Contains("The article's current slug is none of them (404).", removed, StringComparison.Ordinal);
        Assert.EndsWith(SlugCase.PathRule, removed, StringComparison.Ordinal);
        Assert.DoesNotContain("The resource's slug", removed, StringComparison.Ordinal);
        Assert.StartsWith("The resource's slug", SlugOf("/api/v1/articles/slug/{slug}", "get"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The tag and author filters follow an earlier slug to the tag or author it now leads to (migration 0032), which
    /// their descriptions did not say: a client holding an old slug could not tell a 301 from an empty list coming.
    /// </summary>
    [Theory]
    [InlineData("tag", "tags")]
    [InlineData("author", "authors")]
    public async Task The_tag_and_author_filters_say_they_follow_an_earlier_slug(string filter, string collection)
    {
        var paths = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;
        foreach (var path in new[] { "/api/v1/articles", "/api/v1/search" })
        {
            var description = paths[path]!["get"]!["parameters"]!.AsArray()
                .Single(p => p!["name"]!.GetValue<string>() == filter && p!["in"]!.GetValue<string>() == "query")!["description"]!.GetValue<string>();
            Assert.Contains($"An earlier slug of {(filter == "tag" ? "a" : "an")} {filter}", description, StringComparison.Ordinal);
            Assert.Contains($"`GET /{collection}/slug/{{slug}}` answers with a 301", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_parameters_state_the_deepest_page_each_operation_takes()
    {
        var paths = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!["paths"]!;
        JsonNode Page(string path) => paths[path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "page")!;
        Assert.Equal(Paging.MaxPage, Page("/api/v1/articles")["schema"]!["maximum"]!.GetValue<int>());
        Assert.Equal(1, Page("/api/v1/tags")["schema"]!["minimum"]!.GetValue<int>());
        // Search goes 1,000 results deep: page 1,000 with limit=1, fewer with more per page (it took pages 1-10 only).
        Assert.Equal(Search.SearchPages.MaxOffset, Page("/api/v1/search")["schema"]!["maximum"]!.GetValue<int>());
        Assert.Contains("ceil(1000 / limit)", Page("/api/v1/search")["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A create without <c>status</c> makes a draft, a replace without it keeps the article's (editorial review: a default
    /// of draft on the one schema both use made a PUT from an editor app that sends no status unpublish a live story).
    /// The description says both; a merge patch leaves an omitted member as it is, so its schema states no default either.
    /// </summary>
    [Fact]
    public async Task An_article_requests_status_has_no_default_a_replace_leaving_it_out_keeps_it()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var method in new[] { "post", "put" })
        {
            var path = method == "post" ? "/api/v1/articles" : "/api/v1/articles/{id}";
            Assert.Equal("#/components/schemas/ArticleRequest", document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        }
        var schemas = document["components"]!["schemas"]!;
        var status = schemas["ArticleRequest"]!["properties"]!["status"]!;
        // One request schema for create and replace: a default of draft told generated clients to send draft on every PUT.
        Assert.Null(status["default"]);
        Assert.Equal("#/components/schemas/ArticleStatus", status["oneOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Contains("an existing article keeps its status", status["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"default\"", schemas["ArticleRequestPatch"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>Rules the server keeps that only the descriptions stated: generated clients and validators can check them before sending.</summary>
    [Fact]
    public async Task Idempotency_keys_and_ids_carry_the_bounds_the_server_keeps()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var (keys, ids) = (0, 0);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    var where = $"{method.ToUpperInvariant()} {path} {parameter!["name"]}";
                    var schema = parameter["schema"]!;
                    if (parameter["name"]!.GetValue<string>() == "Idempotency-Key")
                    {
                        keys++;
                        Assert.True(schema["minLength"]?.GetValue<int>() == 1 && schema["maxLength"]?.GetValue<int>() == 255, $"{where}: 1-255 characters");
                        Assert.True(schema["pattern"]?.GetValue<string>() == IdempotencyKeyPattern, $"{where}: pattern {schema["pattern"]}");
                    }
                    if (parameter["in"]!.GetValue<string>() == "path" && parameter["name"]!.GetValue<string>() == "id")
                    {
                        ids++;
                        Assert.True(schema["minimum"]?.GetValue<int>() == 1, $"{where}: ids start at 1");
                    }
                }
            }
        }
        Assert.Equal(20, keys); // every write: 4 creates, 4 replaces, 4 patches, 4 deletes, an article's restore and an article's, an author's and a tag's earlier slug's removal
        Assert.Equal(25, ids); // with an article's revisions, one of them, its restore, and the earlier slugs of an article, an author and a tag and the removal of one
    }

    private const string IdempotencyKeyPattern = @"^[\x21-\x7E]+$";

    /// <summary>The documented key rule admits exactly what the server takes (leading and trailing spaces are not the field's value, RFC 9110 5.5).</summary>
    [Theory]
    [InlineData("k", true)]
    [InlineData("!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~", true)]
    [InlineData("a b", false)]
    [InlineData("a\tb", false)]
    [InlineData("a\u007Fb", false)]
    [InlineData("é", false)]
    [InlineData(255, true)]
    [InlineData(256, false)]
    // An empty key is a 400 over HTTP (curl), but the test server drops a header without a value.
    public async Task Idempotency_key_pattern_admits_exactly_the_keys_the_server_takes(object keyOrLength, bool documented)
    {
        var key = keyOrLength as string ?? new string('k', (int)keyOrLength);
        Assert.Equal(documented, System.Text.RegularExpressions.Regex.IsMatch(key, IdempotencyKeyPattern, System.Text.RegularExpressions.RegexOptions.ECMAScript) && key.Length <= 255);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tags") { Content = HttpAssertions.RawJson($$"""{"name":"Key {{Guid.NewGuid():N}}"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await factory.Writer().SendAsync(request);
        Assert.Equal(documented ? System.Net.HttpStatusCode.Created : System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Conditional_and_idempotency_headers_are_typed_parameters()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var headers = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "header")
                    .Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
                var where = $"{method.ToUpperInvariant()} {path}";
                switch (method)
                {
                    case "get":
                        Assert.Contains("If-None-Match", headers);
                        Assert.Equal(headers.Contains("If-Modified-Since"), headers.Contains("If-Unmodified-Since"));
                        break;
                    // An earlier slug has no version to compare, and removing one leaves the article's version as it is.
                    case "delete" when path.EndsWith("/earlier-slugs/{slug}", StringComparison.Ordinal):
                        Assert.DoesNotContain("If-Match", headers);
                        Assert.True(headers.Contains("Idempotency-Key"), $"{where} does not document Idempotency-Key");
                        break;
                    case "put" or "patch" or "delete":
                        Assert.True(headers.Contains("If-Match"), $"{where} does not document If-Match");
                        // Only resources with a modification date compare it.
                        var dated = path.StartsWith("/api/v1/articles", StringComparison.Ordinal) || path.StartsWith("/api/v1/images", StringComparison.Ordinal);
                        Assert.True(headers.Contains("If-Unmodified-Since") == dated, $"{where}: If-Unmodified-Since documented: {!dated}");
                        break;
                    // A restore too: retried without one after its 201 was lost, it was a 409 already_exists.
                    case "post":
                        Assert.True(headers.Contains("Idempotency-Key"), $"{where} does not document Idempotency-Key");
                        Assert.NotNull(operation["responses"]!["201"]!["headers"]?["Location"]);
                        break;
                }
            }
        }
    }

    /// <summary>The server sends Retry-After only as whole seconds, never as an HTTP date, so clients get a number.</summary>
    [Fact]
    public async Task Retry_after_response_headers_are_whole_seconds()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var retryAfters = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]!.AsObject())
            .Select(response => response.Value!["headers"]?["Retry-After"]).OfType<JsonNode>().ToList();
        Assert.NotEmpty(retryAfters);
        Assert.All(retryAfters, header =>
        {
            Assert.Equal("integer", header["schema"]!["type"]!.GetValue<string>());
            Assert.Equal(1, header["schema"]!["minimum"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task Operations_document_the_problems_they_can_answer_and_no_others()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Id: o.Value!["operationId"]!.GetValue<string>(), Responses: o.Value!["responses"]!.AsObject())))
            .ToDictionary(o => o.Id, o => o.Responses);
        foreach (var (id, responses) in operations)
        {
            var codes = responses.Select(r => r.Key).ToHashSet();
            var (isList, isCreate, isDelete) = (id.StartsWith("List", StringComparison.Ordinal) || id == "SearchArticles",
                id.StartsWith("Create", StringComparison.Ordinal), id.StartsWith("Delete", StringComparison.Ordinal));
            var replaces = id.StartsWith("Replace", StringComparison.Ordinal) || id.StartsWith("Patch", StringComparison.Ordinal);
            // Restoring a deleted article makes it again, without a body or preconditions (there is no version to compare).
            var restores = id == "RestoreArticle";
            var isWrite = isCreate || isDelete || replaces || restores;
            var expected = new HashSet<string>
            {
                isCreate || restores ? "201" : isDelete ? "204" : "200",
                // Any request: bad input, an unknown key (even on a read), the request limits, the rate limiter, a locked
                // database, a transfer coding the server does not apply.
                "400", "401", "413", "414", "429", "431", "500", "501", "503",
            };
            if (!isWrite)
            {
                expected.UnionWith(["304", "412"]); // If-None-Match; If-Match naming another representation
            }
            // Only an operation on one existing resource can find it missing: a list or search with no match is an empty page.
            // An article's revisions and the earlier slugs of an article, an author or a tag are lists of one resource, which may be unknown.
            var ofOne = id == "ListArticleRevisions" || id.EndsWith("EarlierSlugs", StringComparison.Ordinal);
            if ((!isList && !isCreate) || ofOne)
            {
                expected.Add("404");
            }
            // A key without the scope: every write's, and the article list's drafts, which need the read scope.
            if (isWrite || id == "ListArticles")
            {
                expected.Add("403");
            }
            // An earlier slug has no version to compare either, and removing one leaves its owner's as it is.
            if (isWrite && !isCreate && !restores && !id.EndsWith("EarlierSlug", StringComparison.Ordinal))
            {
                expected.UnionWith(["412", "428"]);
            }
            if (isWrite && !isDelete && !restores)
            {
                // Only a body can have the wrong media type, or arrive too slowly (Limits:LargeBodyMinBytesPerSecond).
                expected.UnionWith(["408", "415"]);
            }
            if (isWrite)
            {
                // Every write takes Idempotency-Key: one in use, or a taken slug; one reused with another request.
                expected.UnionWith(["409", "422"]);
            }
            // Replacing can take a slug another holds (images have none); deleting an author, tag or image that articles use is refused.
            // Restoring is refused while the article exists, for its slug taken meanwhile, or for what it used deleted.
            if ((replaces && !id.EndsWith("Image", StringComparison.Ordinal)) || (isDelete && id != "DeleteArticle") || restores)
            {
                expected.Add("409");
            }
            if (id.EndsWith("BySlug", StringComparison.Ordinal))
            {
                expected.Add("301"); // another spelling of the slug, or an earlier slug of an article
            }
            Assert.True(expected.SetEquals(codes), $"{id}: documents {string.Join(", ", codes.Order())}, answers {string.Join(", ", expected.Order())}");
        }
    }

    /// <summary>
    /// A 409 typed as a slug conflict only where the request can ask for a slug: an image has none, so its create's 409
    /// is only ever an Idempotency-Key still in use, and a client typed it as a slug conflict whose conflictingId never comes.
    /// </summary>
    [Fact]
    public async Task Only_operations_whose_request_has_a_slug_document_a_slug_conflict()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var slugConflicts = new List<string>();
        foreach (var operation in document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)))
        {
            var conflict = operation["responses"]!["409"]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
            if (conflict != "#/components/schemas/SlugConflictProblemDetails")
            {
                continue;
            }
            var id = operation["operationId"]!.GetValue<string>();
            slugConflicts.Add(id);
            if (id == "RestoreArticle")
            {
                continue; // no request: the slug is the one the deleted article had
            }
            var request = operation["requestBody"]!["content"]!.AsObject().First().Value!["schema"]!["$ref"]!.GetValue<string>();
            Assert.True(schemas[request.Split('/')[^1]]!["properties"]!["slug"] is not null, $"{id} documents a slug conflict, but its request has no slug");
        }
        Assert.Equal(10, slugConflicts.Count); // the creates, replaces and patches of articles, authors and tags, and an article's restore
    }

    /// <summary>
    /// The parameters the unknown-parameter 400 allows are those the document lists (ASP.NET's own reading of the query
    /// records), so no member of a record that is not bound, such as a computed one, is taken as a parameter.
    /// </summary>
    [Fact]
    public async Task Every_GET_refuses_an_unknown_query_parameter_allowing_exactly_the_documented_ones()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operation)
            {
                continue;
            }
            var client = ClientFor(operation);
            var documented = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query")
                .Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            var url = path.Replace("{id}", "1", StringComparison.Ordinal).Replace("{version}", "1", StringComparison.Ordinal).Replace("{slug}", "any-slug", StringComparison.Ordinal) + "?notAParameter=1";
            var problem = await (await client.GetAsync(url)).AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
            var message = problem["errors"]!["notAParameter"]![0]!.GetValue<string>();
            Assert.Equal($"Unknown query parameter. Allowed: {string.Join(", ", documented)}.", message);
        }
    }

    /// <summary>
    /// An empty value (<c>?author=</c>) is a 400 for every query parameter but the lists that read it as none: the
    /// document says so by minLength or an enum, or generated clients send it and meet the 400 (found by a fuzzer).
    /// </summary>
    [Fact]
    public async Task Every_string_query_parameter_the_API_refuses_empty_says_so()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var undocumented = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operation)
            {
                continue;
            }
            var client = ClientFor(operation);
            var url = path.Replace("{id}", "1", StringComparison.Ordinal).Replace("{version}", "1", StringComparison.Ordinal).Replace("{slug}", "any-slug", StringComparison.Ordinal);
            foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query"))
            {
                var schema = parameter!["schema"]!;
                if (schema["type"]?.GetValue<string>() is not "string")
                {
                    continue;
                }
                var name = parameter["name"]!.GetValue<string>();
                var refused = (await client.GetAsync($"{url}?{name}=")).StatusCode == System.Net.HttpStatusCode.BadRequest;
                var saysSo = schema["minLength"]?.GetValue<int>() >= 1 || schema["enum"] is not null;
                if (refused != saysSo)
                {
                    undocumented.Add($"{path} {name}: empty {(refused ? "refused" : "taken")}, the document {(saysSo ? "refuses" : "takes")} it");
                }
            }
        }
        Assert.Empty(undocumented);
    }

    /// <summary>Anonymous, or with a read key for an operation only key holders may call (an article's revisions), which an anonymous call meets as a 401 first.</summary>
    private HttpClient ClientFor(JsonNode operation) =>
        operation["security"]?.AsArray().Any(requirement => requirement!.AsObject().Count == 0) != false ? factory.Anonymous() : factory.WithKey(ContentApi.Auth.ApiKeyScope.Read);

    /// <summary>The allow-lists in the code, by operation: the document must list exactly what the API accepts.</summary>
    private static readonly Dictionary<string, (string? Sorts, IReadOnlyList<string> Fields)> AllowedValues = new()
    {
        ["ListArticles"] = (ArticleStore.PublicSorts.Description, ArticleView.FieldNames),
        ["GetArticle"] = (null, ArticleView.FieldNames),
        ["GetArticleBySlug"] = (null, ArticleView.FieldNames),
        ["SearchArticles"] = (ContentApi.Search.SearchSort.Description, ArticleView.SearchFieldNames),
        ["ListAuthors"] = (AuthorStore.Sorts.Description, FieldSet.MembersOf(typeof(AuthorResponse))),
        ["GetAuthor"] = (null, FieldSet.MembersOf(typeof(AuthorResponse))),
        ["GetAuthorBySlug"] = (null, FieldSet.MembersOf(typeof(AuthorResponse))),
        ["ListTags"] = (TagStore.Sorts.Description, FieldSet.MembersOf(typeof(TagResponse))),
        ["ListDeletions"] = (DeletionStore.Sorts.Description, FieldSet.MembersOf(typeof(DeletionResponse))),
        ["GetTag"] = (null, FieldSet.MembersOf(typeof(TagResponse))),
        ["GetTagBySlug"] = (null, FieldSet.MembersOf(typeof(TagResponse))),
        ["ListImages"] = (ImageStore.Sorts.Description, FieldSet.MembersOf(typeof(ImageResponse))),
        ["GetImage"] = (null, FieldSet.MembersOf(typeof(ImageResponse))),
        ["ListArticleRevisions"] = (ContentApi.Articles.Revisions.ArticleRevisionStore.Sorts.Description, FieldSet.MembersOf(typeof(ContentApi.Articles.Revisions.ArticleRevisionResponse))),
        ["GetArticleRevision"] = (null, FieldSet.MembersOf(typeof(ArticleRequest))),
        ["ListArticleEarlierSlugs"] = (ContentApi.EarlierSlugs.EarlierSlugStore.ArticleSorts.Description, FieldSet.MembersOf(typeof(ContentApi.Articles.EarlierSlugs.ArticleEarlierSlugResponse))),
        ["ListAuthorEarlierSlugs"] = (ContentApi.EarlierSlugs.EarlierSlugStore.Sorts.Description, FieldSet.MembersOf(typeof(ContentApi.EarlierSlugs.EarlierSlugResponse))),
        ["ListTagEarlierSlugs"] = (ContentApi.EarlierSlugs.EarlierSlugStore.Sorts.Description, FieldSet.MembersOf(typeof(ContentApi.EarlierSlugs.EarlierSlugResponse))),
    };

    [Fact]
    public async Task Sort_fields_include_format_and_status_parameters_list_their_allowed_values()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operation)
            {
                continue;
            }
            var id = operation["operationId"]!.GetValue<string>();
            var parameters = (operation["parameters"]?.AsArray() ?? []).ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["description"]?.GetValue<string>() ?? "");
            // Typed for generated clients: exactly the values the API takes, as a named enum (NSwag named inline ones
            // Anonymous2 or Sort3, and Kiota made one type per operation).
            var enums = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["schema"]?["$ref"] is not null)
                .ToDictionary(p => p!["name"]!.GetValue<string>(), p => EnumValues(document, p!["schema"]!));
            Assert.DoesNotContain(operation["parameters"]?.AsArray() ?? [], p => p!["schema"]!["enum"] is not null || p["schema"]!["items"]?["enum"] is not null);
            Assert.True(AllowedValues.TryGetValue(id, out var allowed), $"GET {path} ({id}) is missing from this test's table of allow-lists");
            if (allowed.Sorts is { } sorts)
            {
                Assert.True(parameters.ContainsKey("sort"), $"{id} has no sort parameter");
                Assert.All(sorts.Split(", "), sort => Assert.Contains($"`{sort}`", parameters["sort"], StringComparison.Ordinal));
                Assert.Equal(sorts.Split(", "), enums.GetValueOrDefault("sort"));
            }
            else
            {
                Assert.False(parameters.ContainsKey("sort"), $"{id} documents a sort it does not take");
            }
            Assert.True(parameters.ContainsKey("fields"), $"{id} has no fields parameter");
            Assert.All(allowed.Fields, field => Assert.Contains($"`{field}`", parameters["fields"], StringComparison.Ordinal));
            Assert.Equal(allowed.Fields, ListItems(document, operation, "fields"));
            if (parameters.TryGetValue("include", out var include))
            {
                Assert.All(ArticleView.IncludeValues, name => Assert.Contains($"`{name}`", include, StringComparison.Ordinal));
                Assert.Equal(ArticleView.IncludeValues, ListItems(document, operation, "include"));
            }
            if (parameters.TryGetValue("format", out var format))
            {
                Assert.All(ArticleView.FormatNames, name => Assert.Contains($"`{name}`", format, StringComparison.Ordinal));
                Assert.Equal(ArticleView.FormatNames, ListItems(document, operation, "format"));
            }
            if (parameters.TryGetValue("status", out var status))
            {
                Assert.Contains("`draft`", status, StringComparison.Ordinal);
                Assert.Contains("`scheduled`", status, StringComparison.Ordinal);
                Assert.Contains("`published`", status, StringComparison.Ordinal);
                Assert.Equal(["draft", "scheduled", "published"], enums.GetValueOrDefault("status"));
                // A type of its own: an article's status is draft or published, a published one dated later being scheduled.
                Assert.Equal("#/components/schemas/ArticleListStatus", operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!["schema"]!["$ref"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task String_enums_whose_values_are_not_identifiers_name_their_members_for_generators()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var named = 0;
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (schema!["enum"] is not JsonArray values || values.All(v => v is JsonValue value && IsIdentifier(value.GetValue<string>())))
            {
                continue;
            }
            // Kiota (x-ms-enum), NSwag (x-enumNames) and OpenAPI Generator (x-enum-varnames) otherwise invent names
            // such as Minus_publishedAt; each value gets one identifier, the same in all three.
            var expected = values.Select(v => v!.GetValue<string>()).ToList();
            var names = schema["x-enumNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Equal(expected.Count, names.Count);
            Assert.All(names, n => Assert.True(IsIdentifier(n), $"{name}: {n}"));
            Assert.Equal(expected.Count, names.Distinct().Count());
            Assert.Equal(names, schema["x-enum-varnames"]!.AsArray().Select(n => n!.GetValue<string>()));
            var msEnum = schema["x-ms-enum"]!;
            Assert.Equal(name, msEnum["name"]!.GetValue<string>());
            Assert.Equal(expected, msEnum["values"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
            Assert.Equal(names, msEnum["values"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
            named++;
        }
        Assert.True(named >= 4, "the sorts of articles, authors, tags and images"); // ArticleSort, AuthorSort, TagSort, ImageSort
    }

    private static bool IsIdentifier(string value) => System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z_][A-Za-z0-9_]*$");

    /// <summary>The values a list parameter takes: an array of enum strings, written comma-separated (explode false).</summary>
    private static List<string> ListItems(JsonNode document, JsonNode operation, string name)
    {
        var parameter = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;
        Assert.Equal("array", parameter["schema"]!["type"]!.GetValue<string>());
        Assert.False(parameter["explode"]!.GetValue<bool>());
        return EnumValues(document, parameter["schema"]!["items"]!);
    }

    /// <summary>The values of the named string enum that <paramref name="reference"/> refers to.</summary>
    private static List<string> EnumValues(JsonNode document, JsonNode reference)
    {
        var name = reference["$ref"]!.GetValue<string>().Split('/')[^1];
        var schema = document["components"]!["schemas"]![name]!;
        Assert.Equal("string", schema["type"]!.GetValue<string>());
        return [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
    }

    /// <summary>The members a schema declares itself: those beside its allOf's reference when it extends another.</summary>
    internal static JsonNode OwnMembers(JsonNode schema) => schema["allOf"]?[1] ?? schema;

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContentApi.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ContentApi.sln not found above the test binaries.");
    }
}
