using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests;

public sealed class ArticlesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Fact]
    public async Task A_derived_excerpt_sent_back_by_a_read_then_replace_keeps_following_the_body()
    {
        var writer = factory.Writer();
        var created = await _content.ArticleAsync(new() { ["body"] = "第一段原文。" });
        var url = $"/api/v1/articles/{created.Id()}";
        var read = await writer.GetJsonAsync(url);
        Assert.Equal("第一段原文。", read.Text("excerpt"));

        // What a generated client does: every field it read goes back, the excerpt too, with the change it meant.
        var replacement = new JsonObject
        {
            ["title"] = read.Text("title"),
            ["excerpt"] = read.Text("excerpt"),
            ["body"] = "改寫後的內容。",
            ["language"] = read.Text("language"),
            ["status"] = read.Text("status"),
            ["authorIds"] = new JsonArray([.. read["authors"]!.AsArray().Select(a => (JsonNode)a!["id"]!.GetValue<long>())]),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.RawJson(replacement.ToJsonString()) };
        Assert.Equal("改寫後的內容。", (await (await writer.SendAsync(put)).AssertJsonAsync())["excerpt"]!.GetValue<string>());
        (await writer.PatchMergeAsync(url, new { body = "再次更新的內容。" })).EnsureSuccessStatusCode();
        Assert.Equal("再次更新的內容。", (await writer.GetJsonAsync(url)).Text("excerpt"));

        // An excerpt of the caller's own stays as written.
        (await writer.PatchMergeAsync(url, new { excerpt = "編輯寫的摘要。" })).EnsureSuccessStatusCode();
        (await writer.PatchMergeAsync(url, new { body = "又一次更新。" })).EnsureSuccessStatusCode();
        Assert.Equal("編輯寫的摘要。", (await writer.GetJsonAsync(url)).Text("excerpt"));
    }

    [Fact]
    public async Task CreateArticle_long_traditional_chinese_article_round_trips_byte_for_byte()
    {
        var writer = factory.Writer();
        var credits = new[] { "圖源:ifanr", "圖源：通義千問官方部落格", "圖源:財聯社", "圖源：本站整理" };
        var imageIds = new List<long>();
        foreach (var credit in credits)
        {
            imageIds.Add(await _content.ImageAsync(credit, caption: "發布會現場"));
        }
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "long-zh-hant-article.md"));
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Replace("{{", "{").Replace("}}", "}"), imageIds.Cast<object>().ToArray());
        // Decomposed "é" (e + U+0301) and a supplementary-plane Han character must survive untouched (no NFC behind the user's back).
        body += "\n附註：Cafe\u0301 與 𠀋 應原樣保存。\n";
        var authorId = await _content.AuthorAsync("林語晨");
        var tagId = await _content.TagAsync("人工智慧");

        var response = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "通義千問發布 Qwen3-Max：兆級參數模型登上 SWE-Bench Verified 前段班",
            subtitle = "阿里巴巴再推旗艦大型語言模型",
            body,
            language = "zh-Hant",
            status = "published",
            authorIds = new[] { authorId },
            tagIds = new[] { tagId },
            coverImageId = imageIds[0],
            imageIds,
        }, HttpAssertions.Json);
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);

        var read = await (await factory.Anonymous().GetAsync(response.Headers.Location)).AssertJsonAsync();
        Assert.Equal(body, read["body"]!.GetValue<string>());
        // The write answers a key holder, who also sees which key wrote it; anonymous callers see the rest.
        Assert.NotNull(created["createdBy"]);
        created.Remove("createdBy");
        created.Remove("updatedBy");
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        Assert.Equal("通義千問發布-qwen3-max-兆級參數模型登上-swe-bench-verified-前段班", read["slug"]!.GetValue<string>());
        Assert.Equal(credits, read["images"]!.AsArray().Select(i => i!["credit"]!.GetValue<string>()));
        Assert.Equal(imageIds[0], read["coverImage"]!["id"]!.GetValue<long>());
        Assert.Equal("林語晨", read["authors"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("人工智慧", read["tags"]![0]!["name"]!.GetValue<string>());
        Assert.InRange(read["characterCount"]!.GetValue<long>(), 2000, 4000);
        Assert.InRange(read["readingTimeMinutes"]!.GetValue<long>(), 5, 10);
        Assert.False(string.IsNullOrWhiteSpace(read["excerpt"]!.GetValue<string>()));

        var bySlug = await (await factory.Anonymous().GetAsync("/api/v1/articles/slug/" + Uri.EscapeDataString(read["slug"]!.GetValue<string>()))).AssertJsonAsync();
        Assert.Equal(read.ToJsonString(), bySlug.ToJsonString());

        // Each credit line under an image is that figure's credit, shown once and inside it.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><body>" + (await writer.GetJsonAsync($"{response.Headers.Location}?format=html")).Text("bodyHtml"));
        Assert.Equal(credits, html.QuerySelectorAll("figure figcaption small.credit").Select(c => c.TextContent));
        Assert.DoesNotContain(html.QuerySelectorAll("p"), p => p.TextContent.Contains("圖源", StringComparison.Ordinal));
        Assert.Equal(credits.Length, System.Text.RegularExpressions.Regex.Count(html.Body!.TextContent, "圖源"));
    }

    [Fact]
    public async Task CreateArticle_with_missing_references_is_400_naming_each_field()
    {
        var authorId = await _content.AuthorAsync();
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title = "t", body = "b", language = "en",
            authorIds = new[] { authorId, 999_999 }, tagIds = new[] { 888_888 }, imageIds = new[] { 777_777 }, coverImageId = 666_666,
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("999999", errors["authorIds[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(errors["tagIds[0]"]);
        Assert.NotNull(errors["imageIds[0]"]);
        Assert.NotNull(errors["coverImageId"]);
        using var db = factory.OpenDatabase();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles WHERE title = 't'";
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    [Theory]
    [InlineData("""{"body":"b","language":"en","authorIds":[1]}""", "title")]
    [InlineData("""{"title":"t","body":"b","language":"english!","authorIds":[1]}""", "language")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[]}""", "authorIds")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"draft","publishedAt":"2025-01-01T00:00:00Z"}""", "publishedAt")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"canonicalUrl":"javascript:alert(1)"}""", "canonicalUrl")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"slug":"Bad Slug"}""", "slug")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"archived"}""", "status")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"draft, published"}""", "status")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":" published"}""", "status")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":1}""", "status")]
    [InlineData("""{"title":"t","body":"b","language":"en","authorIds":[1],"version":3}""", "version")]
    public async Task CreateArticle_invalid_body_is_400_with_error_for_field(string json, string field)
    {
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(json));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Text_with_the_noncharacter_U_FFFE_is_stored_as_written_and_indexed()
    {
        var writer = factory.Writer();
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = "AI\uFFFE模型" });
        Assert.Equal("ai-模型", tag["slug"]!.GetValue<string>());
        var title = "Noncharacter\uFFFE標題" + Guid.NewGuid().ToString("N")[..8];
        var article = await _content.ArticleAsync(new() { ["title"] = title, ["tagIds"] = new[] { tag["id"]!.GetValue<long>() }, ["status"] = "published" });
        Assert.Equal(title, article["title"]!.GetValue<string>());

        var found = await factory.Anonymous().GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(title[(title.IndexOf('\uFFFE') + 1)..])}");
        Assert.Equal([article["id"]!.GetValue<long>()], found.ItemIds());
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF8")]
    [InlineData("application/json; charset=us-ascii")]
    public async Task A_utf8_charset_is_accepted_however_it_is_written(string contentType)
    {
        var name = $"Charset tag {Guid.NewGuid():N}"; // tag names are unique, and the cases share a database
        var content = HttpAssertions.RawJson($$"""{"name":"{{name}}"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await factory.Writer().PostAsync("/api/v1/tags", content);
        Assert.Equal(name, (await response.AssertJsonAsync(HttpStatusCode.Created))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2020-02-30T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2024-06-01")]
    public async Task A_publishedAt_that_is_no_rfc3339_instant_says_so(string publishedAt)
    {
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(
            $$"""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"published","publishedAt":"{{publishedAt}}"}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Must be an RFC 3339 date-time", problem["errors"]!["publishedAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-02-30T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("1900-01-01T00:30:00+01:00")] // 1899 in UTC
    [InlineData("9999-12-31T23:00:00-02:00")] // 10000 in UTC
    public async Task A_publishedAt_unreadable_or_outside_the_years_1900_to_9999_gets_one_message_naming_both_rules(string publishedAt)
    {
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(
            $$"""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"published","publishedAt":"{{publishedAt}}"}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            "Must be an RFC 3339 date-time with a T between date and time and an offset, such as 2025-06-01T08:00:00Z, between the years 1900 and 9999 in UTC.",
            problem["errors"]!["publishedAt"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2024-06-01T08:00:00+08:00", "2024-06-01T00:00:00.000000Z")]
    [InlineData("2024-06-01t00:00:00.5z", "2024-06-01T00:00:00.500000Z")]
    public async Task A_publishedAt_with_any_offset_is_stored_as_utc(string publishedAt, string expected)
    {
        var article = await _content.ArticleAsync(new() { ["status"] = "published", ["publishedAt"] = publishedAt });
        Assert.Equal(expected, article["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_long_chinese_body_sent_as_unicode_escapes_fits_the_request_limit()
    {
        // 200,000 characters written as \uXXXX escapes, as Python's json.dumps does by default: 1.2 MB of JSON.
        var body = string.Concat(Enumerable.Repeat("通義千問發布會現場圖源。\n", 200_000 / 12));
        var escaped = string.Concat(body.Select(c => $"\\u{(int)c:x4}"));
        var response = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(
            $$"""{"title":"Escaped","body":"{{escaped}}","language":"zh-Hant","authorIds":[{{await _content.AuthorAsync()}}]}"""));
        Assert.Equal(body, (await response.AssertJsonAsync(HttpStatusCode.Created))["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_places_only_the_articles_own_images()
    {
        var (inline, cover, other) = (await _content.ImageAsync(), await _content.ImageAsync(), await _content.ImageAsync());
        var body = $"![a](image:{inline})\n\n![b](image:{cover})\n\n![c](image:{other})";
        var refused = await factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title = "Placed images", body, language = "en", authorIds = new[] { await _content.AuthorAsync() }, imageIds = new[] { inline }, coverImageId = cover,
        });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"image:{other}", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var article = await _content.ArticleAsync(new() { ["body"] = body, ["imageIds"] = new[] { inline, other }, ["coverImageId"] = cover });
        var dropped = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { imageIds = new[] { inline } });
        await dropped.AssertProblemAsync(HttpStatusCode.BadRequest);
        var html = await factory.Writer().GetJsonAsync($"/api/v1/articles/{article["id"]}?format=html");
        Assert.Equal(3, html["bodyHtml"]!.GetValue<string>().Split("<img").Length - 1);

        // Refused before it is found: a missing article stays a 404.
        var missing = await factory.Writer().PutAsJsonAsync("/api/v1/articles/987654321", new
        {
            title = "Missing", body = $"![c](image:{other})", language = "en", authorIds = new[] { await _content.AuthorAsync() },
        });
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_stored_before_the_placed_images_rule_stays_editable()
    {
        var (listed, unlisted) = (await _content.ImageAsync(), await _content.ImageAsync());
        var article = await _content.ArticleAsync(new() { ["body"] = $"![a](image:{listed})", ["imageIds"] = new[] { listed } });
        using (var db = factory.OpenDatabase())
        using (var legacy = db.CreateCommand())
        {
            legacy.CommandText = "UPDATE articles SET body = body || $more WHERE id = $id";
            legacy.Parameters.AddWithValue("$more", $"\n\n![b](image:{unlisted})");
            legacy.Parameters.AddWithValue("$id", article["id"]!.GetValue<long>());
            legacy.ExecuteNonQuery();
        }
        var retitled = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { title = "Retitled" });
        Assert.Equal("Retitled", (await retitled.AssertJsonAsync())["title"]!.GetValue<string>());

        var dropped = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{article["id"]}", new { imageIds = Array.Empty<long>() });
        var problem = await dropped.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"image:{listed}", problem["errors"]!["imageIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain($"image:{unlisted}", problem["errors"]!["imageIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// NSwag's System.Text.Json clients write an enum by its C# name ("Published": STJ ignores the EnumMember values the
    /// generator adds), so a value in another case is read as the value it names; it is answered in the documented case.
    /// </summary>
    [Theory]
    [InlineData("Published", "published")]
    [InlineData("DRAFT", "draft")]
    public async Task A_status_in_another_case_is_read_as_the_status_it_names(string sent, string stored)
    {
        var author = await _content.AuthorAsync();
        var created = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson(
            $$"""{"title":"Case {{Guid.NewGuid():N}}","body":"b","language":"en","authorIds":[{{author}}],"status":"{{sent}}"}"""));
        Assert.Equal(stored, (await created.AssertJsonAsync(HttpStatusCode.Created))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_status_is_400_listing_the_statuses_there_are()
    {
        var created = await factory.Writer().PostAsync("/api/v1/articles", HttpAssertions.RawJson("""{"title":"t","body":"b","language":"en","authorIds":[1],"status":"scheduled"}"""));
        var onCreate = await created.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Must be one of: draft, published.", onCreate["errors"]!["status"]![0]!.GetValue<string>());

        var article = await _content.ArticleAsync();
        var patched = await factory.Writer().PatchAsync($"/api/v1/articles/{article["id"]}", HttpAssertions.RawJson("""{"status":"publish"}""", "application/merge-patch+json"));
        var onPatch = await patched.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Must be one of: draft, published.", onPatch["errors"]!["status"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_are_404_anonymously_but_visible_to_read_key()
    {
        var draft = await _content.ArticleAsync(new() { ["status"] = "draft" });
        var scheduled = await _content.ArticleAsync(new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.Null(draft["publishedAt"]);
        foreach (var article in new[] { draft, scheduled })
        {
            var url = $"/api/v1/articles/{article["id"]}";
            await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await factory.Anonymous().GetAsync($"/api/v1/articles/slug/{article["slug"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var seen = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
            Assert.Equal(article["id"]!.GetValue<long>(), seen["id"]!.GetValue<long>());
        }
        var anonymousList = await (await factory.Anonymous().GetAsync("/api/v1/articles?limit=100")).AssertJsonAsync();
        var ids = anonymousList["items"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()).ToList();
        Assert.DoesNotContain(draft["id"]!.GetValue<long>(), ids);
        Assert.DoesNotContain(scheduled["id"]!.GetValue<long>(), ids);
    }

    [Fact]
    public async Task Publishing_a_draft_sets_publishedAt_to_now_and_keeps_it_on_later_edits()
    {
        var writer = factory.Writer();
        var draft = await _content.ArticleAsync(new() { ["status"] = "draft" });
        var url = $"/api/v1/articles/{draft["id"]}";
        var published = await (await writer.PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();
        var publishedAt = published["publishedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(publishedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var edited = await (await writer.PatchMergeAsync(url, new { title = "Edited" })).AssertJsonAsync();
        Assert.Equal(published["publishedAt"]!.GetValue<string>(), edited["publishedAt"]!.GetValue<string>());
        Assert.Equal(3, edited["version"]!.GetValue<long>());
        await (await factory.Anonymous().GetAsync(url)).AssertJsonAsync();
    }

    [Fact]
    public async Task ReplaceArticle_replaces_links_in_order_and_keeps_slug_and_status()
    {
        var writer = factory.Writer();
        var (a1, a2) = (await _content.AuthorAsync(), await _content.AuthorAsync());
        var (i1, i2) = (await _content.ImageAsync(), await _content.ImageAsync());
        var article = await _content.ArticleAsync(new() { ["authorIds"] = new[] { a1 }, ["imageIds"] = new[] { i1 } });
        var url = $"/api/v1/articles/{article["id"]}";
        var replaced = await (await writer.PutAsJsonAsync(url, new
        {
            title = "Replaced title", body = "New body", language = "en", authorIds = new[] { a2, a1 }, imageIds = new[] { i2, i1 },
        })).AssertJsonAsync();
        Assert.Equal(article["slug"]!.GetValue<string>(), replaced["slug"]!.GetValue<string>());
        Assert.Equal([a2, a1], replaced["authors"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal([i2, i1], replaced["images"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()));
        Assert.Equal("published", replaced["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Emoji_and_extension_ideographs_are_sent_as_they_are_not_as_escapes()
    {
        var article = await _content.ArticleAsync(new() { ["title"] = "𠮷野家 😀", ["body"] = "港式 𨋢 與 🍜。" });
        var raw = await factory.Anonymous().GetStringAsync($"/api/v1/articles/{article["id"]}");
        Assert.Contains("\"title\":\"𠮷野家 😀\"", raw, StringComparison.Ordinal);
        Assert.Contains("港式 𨋢 與 🍜。", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD8", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_and_replace_answer_exactly_what_the_next_read_returns()
    {
        // Writes build their answer from the rows they wrote and the references they checked, not from a second read.
        var writer = factory.Writer();
        var (a1, a2) = (await _content.AuthorAsync("作者甲"), await _content.AuthorAsync());
        var (t1, t2, t3) = (await _content.TagAsync(), await _content.TagAsync("標籤"), await _content.TagAsync());
        var (i1, i2) = (await _content.ImageAsync("圖源：本站"), await _content.ImageAsync(caption: "說明"));
        var created = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "同一份回應", subtitle = "副標", body = "正文 ![圖](image:" + i1 + ")", language = "zh-Hant", status = "published",
            authorIds = new[] { a2, a1 }, tagIds = new[] { t3, t1, t2 }, coverImageId = i1, imageIds = new[] { i2, i1 },
            canonicalUrl = "https://example.com/original",
        }, HttpAssertions.Json);
        await AssertSameAsNextReadAsync(created, HttpStatusCode.Created, created.Headers.Location!.ToString());

        var url = created.Headers.Location!.ToString();
        BackDate();
        var draft = await writer.PutAsJsonAsync(url, new { title = "改為草稿", body = "新正文", language = "zh-Hant", authorIds = new[] { a1 }, imageIds = new[] { i1, i2 } });
        await AssertSameAsNextReadAsync(draft, HttpStatusCode.OK, url);
        BackDate();
        var republished = await writer.PutAsJsonAsync(url, new
        {
            title = "再次發布", body = "b", language = "en", status = "published", authorIds = new[] { a1, a2 }, tagIds = new[] { t2 }, coverImageId = i2,
        });
        await AssertSameAsNextReadAsync(republished, HttpStatusCode.OK, url);
        BackDate();
        await AssertSameAsNextReadAsync(await writer.PatchMergeAsync(url, new { subtitle = "補上副標" }), HttpStatusCode.OK, url);

        // Back-dated (the embeds too), so that a Last-Modified other than the write's own cannot pass by landing in the same second.
        void BackDate()
        {
            using var db = factory.OpenDatabase();
            using var command = db.CreateCommand();
            const string Then = "'2020-01-01T00:00:00.000000Z'";
            command.CommandText = $"UPDATE articles SET created_at = {Then}, updated_at = {Then} WHERE id = {url[(url.LastIndexOf('/') + 1)..]}; " +
                $"UPDATE authors SET updated_at = {Then} WHERE id IN ({a1}, {a2}); UPDATE tags SET updated_at = {Then} WHERE id IN ({t1}, {t2}, {t3}); " +
                $"UPDATE images SET updated_at = {Then} WHERE id IN ({i1}, {i2});";
            command.ExecuteNonQuery();
        }

        async Task AssertSameAsNextReadAsync(HttpResponseMessage written, HttpStatusCode status, string location)
        {
            var body = await written.AssertJsonAsync(status);
            var read = await writer.GetAsync(location);
            Assert.Equal((await read.AssertJsonAsync()).ToJsonString(), body.ToJsonString());
            Assert.Equal(read.Headers.ETag, written.Headers.ETag);
            Assert.True(written.Content.Headers.LastModified > new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.Equal(read.Content.Headers.LastModified, written.Content.Headers.LastModified);
        }
    }

    [Fact]
    public async Task Deleting_author_tag_or_image_in_use_is_409_naming_the_article()
    {
        var writer = factory.Writer();
        var (authorId, tagId, imageId) = (await _content.AuthorAsync(), await _content.TagAsync(), await _content.ImageAsync());
        var article = await _content.ArticleAsync(new() { ["authorIds"] = new[] { authorId }, ["tagIds"] = new[] { tagId }, ["coverImageId"] = imageId });
        foreach (var url in new[] { $"/api/v1/authors/{authorId}", $"/api/v1/tags/{tagId}", $"/api/v1/images/{imageId}" })
        {
            var problem = await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(article["slug"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/articles/{article["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/tags/{tagId}")).StatusCode);
    }

    [Fact]
    public async Task Article_slug_clash_is_409_and_derived_slug_gets_suffix()
    {
        var first = await _content.ArticleAsync(new() { ["title"] = "Same Title Here" });
        var second = await _content.ArticleAsync(new() { ["title"] = "Same Title Here" });
        Assert.Equal("same-title-here", first["slug"]!.GetValue<string>());
        Assert.Equal("same-title-here-2", second["slug"]!.GetValue<string>());
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title = "x", body = "b", language = "en", slug = "same-title-here", authorIds = new[] { await _content.AuthorAsync() },
        });
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Title_limit_counts_characters_not_UTF16_units()
    {
        var title = string.Concat(Enumerable.Repeat("𠮷", 300));
        var article = await _content.ArticleAsync(new() { ["title"] = title });
        Assert.Equal(title, article["title"]!.GetValue<string>());
        var author = await _content.AuthorAsync();
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/articles", new { title = title + "𠮷", body = "b", language = "zh-Hant", authorIds = new[] { author } });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Must be at most 300 characters; it has 301.", problem["errors"]!["title"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchArticle_to_draft_unpublishes_and_drops_publishedAt_unless_the_patch_sets_one()
    {
        var writer = factory.Writer();
        var article = await _content.ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        Assert.NotNull(article["publishedAt"]!.GetValue<DateTimeOffset?>());

        var draft = await (await writer.PatchMergeAsync(url, new { status = "draft" })).AssertJsonAsync();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Null(draft["publishedAt"]);
        await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

        var conflicting = await writer.PatchMergeAsync(url, new { status = "draft", publishedAt = "2026-01-01T00:00:00Z" });
        Assert.Contains("publishedAt", (await conflicting.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));

        var republished = await (await writer.PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();
        Assert.NotNull(republished["publishedAt"]!.GetValue<DateTimeOffset?>());
    }

    [Fact]
    public async Task PatchArticle_with_stale_if_match_is_412_with_current_etag_and_current_etag_succeeds()
    {
        var writer = factory.Writer();
        var article = await _content.ArticleAsync();
        var url = $"/api/v1/articles/{article["id"]}";
        var first = await factory.Reader().GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        await (await writer.PatchMergeAsync(url, new { title = "Changed by someone else" })).AssertJsonAsync();

        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"title":"Mine"}""", "application/merge-patch+json") };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleResponse = await writer.SendAsync(stale);
        await staleResponse.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var currentEtag = staleResponse.Headers.ETag!.Tag;
        Assert.NotEqual(etag, currentEtag);
        // The 412's ETag is the one a read returns now (it covers the embedded author too), so If-None-Match gets a 304.
        Assert.Equal((await factory.Reader().GetAsync(url)).Headers.ETag!.Tag, currentEtag);

        using var fresh = new HttpRequestMessage(HttpMethod.Patch, url) { Content = HttpAssertions.RawJson("""{"title":"Mine"}""", "application/merge-patch+json") };
        fresh.Headers.TryAddWithoutValidation("If-Match", currentEtag);
        var saved = await (await writer.SendAsync(fresh)).AssertJsonAsync();
        Assert.Equal("Mine", saved["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetArticle_with_matching_if_none_match_is_304()
    {
        var article = await _content.ArticleAsync();
        var client = factory.Anonymous();
        var first = await client.GetAsync($"/api/v1/articles/{article["id"]}");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{article["id"]}");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task ListArticles_filters_by_author_slug_and_language_and_challenges_anonymous_drafts()
    {
        var author = await factory.Writer().PostOkAsync("/api/v1/authors", new { name = "Filter Person" });
        var authorId = author["id"]!.GetValue<long>();
        await _content.ArticleAsync(new() { ["authorIds"] = new[] { authorId }, ["language"] = "zh-Hant" });
        await _content.ArticleAsync(new() { ["authorIds"] = new[] { authorId }, ["language"] = "en" });
        var list = await (await factory.Anonymous().GetAsync($"/api/v1/articles?author={author["slug"]}&language=zh-hant")).AssertJsonAsync();
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal(1, list["page"]!["total"]!.GetValue<long>());
        await (await factory.Anonymous().GetAsync("/api/v1/articles?status=draft")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Reader().GetAsync("/api/v1/articles?status=draft")).AssertJsonAsync();
    }

    [Fact]
    public async Task ListArticles_pages_by_cursor_with_link_header()
    {
        var authorId = await _content.AuthorAsync();
        for (var i = 0; i < 5; i++)
        {
            await _content.ArticleAsync(new() { ["authorIds"] = new[] { authorId } });
        }
        var first = await factory.Anonymous().GetAsync($"/api/v1/articles?author={authorId}&limit=2");
        var page = await first.AssertJsonAsync();
        Assert.Equal(5, page["page"]!["total"]!.GetValue<long>());
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        var next = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        var second = await (await factory.Anonymous().GetAsync(next)).AssertJsonAsync();
        Assert.Equal(2, second["items"]!.AsArray().Count);
        Assert.Empty(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())
            .Intersect(second["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())));
        await (await factory.Anonymous().GetAsync("/api/v1/articles?cursor=garbage")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
