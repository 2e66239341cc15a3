using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Values stored before a validation rule existed (or imported from elsewhere), which the rules now refuse: a PATCH of
/// another field, or a PUT restating such a value (a client that read the resource and sends it back with another field
/// changed), still applies, and only a change to such a value is judged by today's rules.
/// </summary>
public sealed class StoredBeforeRulesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Theory]
    [InlineData("articles", "slug", "a-\u0301b", """{"subtitle":"edited"}""")]
    [InlineData("articles", "canonical_url", " https://example.com/x", """{"title":"Edited"}""")]
    [InlineData("articles", "language", "jp", """{"title":"Edited"}""")]
    [InlineData("authors", "name", "\u200b", """{"bio":"edited"}""")]
    [InlineData("tags", "slug", "-x-", """{"description":"edited"}""")]
    [InlineData("images", "url", " https://example.com/a.jpg", """{"caption":"edited"}""")]
    public async Task A_patch_of_another_field_applies_and_keeps_the_stored_value(string table, string column, string stored, string patch)
    {
        var id = await CreateAsync(table);
        await SetAsync(table, column, stored, id);

        var response = await factory.Writer().PatchAsync($"/api/v1/{table}/{id}", HttpAssertions.RawJson(patch, "application/merge-patch+json"));

        var patched = await response.AssertJsonAsync();
        Assert.Equal(2, patched["version"]!.GetValue<long>());
        await using var db = factory.OpenDatabase();
        Assert.Equal(stored, await db.ExecuteScalarAsync<string>($"SELECT {column} FROM {table} WHERE id = @id", new { id }));
    }

    [Theory]
    [InlineData("articles", "slug", "a-\u0301d", """{"slug":"a-\u0301c"}""", "slug")]
    [InlineData("authors", "name", "\u200b", """{"name":"\u200c"}""", "name")]
    [InlineData("images", "url", " https://example.com/a.jpg", """{"url":" https://example.com/b.jpg"}""", "url")]
    public async Task Changing_the_stored_value_to_another_refused_one_is_still_400(string table, string column, string stored, string patch, string field)
    {
        var id = await CreateAsync(table);
        await SetAsync(table, column, stored, id);

        var response = await factory.Writer().PatchAsync($"/api/v1/{table}/{id}", HttpAssertions.RawJson(patch, "application/merge-patch+json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_new_error_the_patch_causes_in_an_unchanged_field_is_still_400()
    {
        // Drafts have no publishedAt: the patch restates the stored date, but the error is the new status's doing.
        var article = await _content.ArticleAsync();
        var id = article["id"]!.GetValue<long>();
        await SetAsync("articles", "slug", $"a-\u0301{Guid.NewGuid():N}", id);
        var patch = $$"""{"status":"draft","publishedAt":"{{article["publishedAt"]!.GetValue<string>()}}"}""";

        var response = await factory.Writer().PatchAsync($"/api/v1/articles/{id}", HttpAssertions.RawJson(patch, "application/merge-patch+json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["publishedAt"]);
        Assert.Null(problem["errors"]!["slug"]);
    }

    [Theory]
    [InlineData("""{"focalPoint":{"y":0.25}}""", HttpStatusCode.OK)]
    [InlineData("""{"caption":"edited"}""", HttpStatusCode.OK)]
    [InlineData("""{"focalPoint":{"x":3}}""", HttpStatusCode.BadRequest)]
    public async Task Only_the_nested_value_a_patch_changes_is_judged(string patch, HttpStatusCode expected)
    {
        var id = await _content.ImageAsync();
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE images SET focal_x = 2, focal_y = 0.5 WHERE id = @id", new { id });
        }

        var response = await factory.Writer().PatchAsync($"/api/v1/images/{id}", HttpAssertions.RawJson(patch, "application/merge-patch+json"));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.NotNull((await response.AssertProblemAsync(expected))["errors"]!["focalPoint.x"]);
        }
    }

    /// <summary>
    /// Values today's rules refuse, as earlier builds stored them or an import kept them: the column, the value, and the
    /// member the rule's error names. Slugs are unique, so each is made once.
    /// </summary>
    public static TheoryData<string, string, object, string> StoredValues => new()
    {
        // 120 characters, 342 UTF-8 bytes: taken before a slug was held to 180 bytes.
        { "articles", "slug", $"{Unique()}-{new string('漢', 111)}", "slug" },
        { "articles", "slug", $"a-\u0301{Unique()}", "slug" },
        // A country's code, which earlier builds took and an import keeps.
        { "articles", "language", "jp", "language" },
        { "authors", "name", "\u200b", "name" },
        { "tags", "slug", $"-x{Unique()}-", "slug" },
        { "images", "url", " https://example.com/put.jpg", "url" },
        { "images", "focal_x", 2.0, "focalPoint.x" },
    };

    [Theory]
    [MemberData(nameof(StoredValues))]
    public async Task A_put_restating_the_stored_value_with_another_field_changed_applies_and_keeps_it(string table, string column, object stored, string field)
    {
        var id = await CreateAsync(table);
        await SetAsync(table, column, stored, id);
        if (column == "focal_x")
        {
            await SetAsync(table, "focal_y", 0.5, id); // a focal point has both
        }
        var body = await AsReadAsync(table, id);
        var (edited, value) = Edited(table);
        body[edited] = value;

        var response = await factory.Writer().PutAsync($"/api/v1/{table}/{id}", HttpAssertions.RawJson(body.ToJsonString()));

        var put = await response.AssertJsonAsync();
        Assert.Equal(2, put["version"]!.GetValue<long>());
        Assert.Equal(value, put[edited]!.GetValue<string>());
        await using (var db = factory.OpenDatabase())
        {
            // As JSON: compared as objects, xunit compares two strings by culture, to which "\u200b" and "" are equal.
            Assert.Equal(JsonSerializer.Serialize(stored), JsonSerializer.Serialize(await db.ExecuteScalarAsync<object>($"SELECT {column} FROM {table} WHERE id = @id", new { id })));
        }
        // Today's rules still refuse the value where it is not the one stored: the same body to another resource.
        var other = await CreateAsync(table);
        var refused = await (await factory.Writer().PutAsync($"/api/v1/{table}/{other}", HttpAssertions.RawJson(body.ToJsonString())))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]![field]);
    }

    public static TheoryData<string, string, string, string, string> StoredValuesChanged => new()
    {
        { "articles", "slug", $"{Unique()}-{new string('漢', 111)}", "slug", $"{Unique()}-{new string('字', 111)}" },
        { "articles", "language", "jp", "language", "vn" },
        { "authors", "name", "\u200b", "name", "\u200c" },
        { "images", "url", " https://example.com/put-a.jpg", "url", " https://example.com/put-b.jpg" },
    };

    [Theory]
    [MemberData(nameof(StoredValuesChanged))]
    public async Task A_put_changing_the_stored_value_to_another_refused_one_is_still_400(string table, string column, string stored, string field, string changed)
    {
        var id = await CreateAsync(table);
        await SetAsync(table, column, stored, id);
        var body = await AsReadAsync(table, id);
        body[field] = changed;

        var response = await factory.Writer().PutAsync($"/api/v1/{table}/{id}", HttpAssertions.RawJson(body.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(1, (await (await factory.Writer().GetAsync($"/api/v1/{table}/{id}")).AssertJsonAsync())["version"]!.GetValue<long>());
        await using var db = factory.OpenDatabase();
        Assert.Equal(stored, await db.ExecuteScalarAsync<string>($"SELECT {column} FROM {table} WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task A_put_restating_a_stored_value_is_still_400_for_an_error_it_makes_elsewhere()
    {
        var id = await CreateAsync("articles");
        await SetAsync("articles", "language", "jp", id);
        var body = await AsReadAsync("articles", id);
        body["title"] = "";

        var response = await factory.Writer().PutAsync($"/api/v1/articles/{id}", HttpAssertions.RawJson(body.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["title"]);
        Assert.Null(problem["errors"]!["language"]);
    }

    [Fact]
    public async Task A_put_restating_a_stored_value_is_judged_on_its_preconditions_first()
    {
        var id = await CreateAsync("articles");
        await SetAsync("articles", "slug", $"{Unique()}-{new string('漢', 111)}", id);
        var url = $"/api/v1/articles/{id}";
        var etag = (await factory.Writer().GetAsync(url)).Headers.ETag!;
        var body = await AsReadAsync("articles", id);
        body["subtitle"] = "改過的副標"; // a change beside the value restated: a PUT restating everything writes nothing

        Task<HttpResponseMessage> PutAsync(string target, string ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = HttpAssertions.RawJson(body.ToJsonString()) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return factory.Writer().SendAsync(request);
        }

        var stale = await PutAsync(url, "\"999\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(etag, stale.Headers.ETag);
        await (await PutAsync("/api/v1/articles/987654", "*")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await (await PutAsync(url, etag.Tag)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    /// <summary>
    /// A derived excerpt stored before today's rules (an override its body's paragraph left open, kept until a reindex
    /// after b3364fa) is what a read shows: a client sending the article back as it read it, with another field changed,
    /// got a 400 on the excerpt, though sending back the derived excerpt keeps it derived. It is judged as the stored
    /// value it restates, and derived again.
    /// </summary>
    [Fact]
    public async Task A_put_restating_a_derived_excerpt_stored_before_todays_rules_applies_and_derives_it_again()
    {
        var article = await _content.ArticleAsync(new() { ["body"] = "Please open invoice fdp.exe today." });
        var id = article["id"]!.GetValue<long>();
        await SetAsync("articles", "derived_excerpt", "Please open invoice\u202Efdp.exe today.", id);
        var body = await AsReadAsync("articles", id);
        body["excerpt"] = (await (await factory.Writer().GetAsync($"/api/v1/articles/{id}")).AssertJsonAsync())["excerpt"]!.GetValue<string>();
        body["subtitle"] = "edited";

        var response = await factory.Writer().PutAsync($"/api/v1/articles/{id}", HttpAssertions.RawJson(body.ToJsonString()));

        var put = await response.AssertJsonAsync();
        Assert.Equal("edited", put["subtitle"]!.GetValue<string>());
        Assert.Equal("Please open invoice fdp.exe today.", put["excerpt"]!.GetValue<string>());
        // A given excerpt holding the same override is still refused: only the stored value restated is the store's to keep.
        var other = (await _content.ArticleAsync())["id"]!.GetValue<long>();
        var refused = await (await factory.Writer().PutAsync($"/api/v1/articles/{other}", HttpAssertions.RawJson(body.ToJsonString())))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["excerpt"]);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The resource as a client reads it (GET) and sends it back: its request members.</summary>
    private async Task<JsonObject> AsReadAsync(string table, long id)
    {
        var read = await (await factory.Writer().GetAsync($"/api/v1/{table}/{id}")).AssertJsonAsync();
        if (table == "articles")
        {
            return JsonSerializer.SerializeToNode(ConcurrencyTests.AsReplaceRequest(read, read["subtitle"]?.GetValue<string>()!), HttpAssertions.Json)!.AsObject();
        }
        string[] members = table switch
        {
            "authors" => ["name", "slug", "bio", "website", "email"],
            "tags" => ["name", "slug", "description"],
            "images" => ["url", "altText", "caption", "credit", "license", "width", "height", "mimeType", "byteSize", "focalPoint"],
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
        return new JsonObject(members.Select(m => KeyValuePair.Create(m, read[m]?.DeepClone())));
    }

    /// <summary>The other field a client changes.</summary>
    private static (string Member, string Value) Edited(string table) => table switch
    {
        "articles" => ("subtitle", "edited"),
        "authors" => ("bio", "edited"),
        "tags" => ("description", "edited"),
        _ => ("caption", "edited"),
    };

    private Task<long> CreateAsync(string table) => _content.ResourceAsync(table);

    /// <summary>As a value stored before today's rules (or imported) may be.</summary>
    private async Task SetAsync(string table, string column, object value, long id)
    {
        await using var db = factory.OpenDatabase();
        await db.ExecuteAsync($"UPDATE {table} SET {column} = @value WHERE id = @id", new { value, id });
    }
}
