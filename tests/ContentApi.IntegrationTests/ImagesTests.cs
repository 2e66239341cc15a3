using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentApi.Images;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests;

public sealed class ImagesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Photo(string url = "https://cdn.example.com/qwen3-max.jpg") => new
    {
        url,
        altText = "Qwen3-Max 發布會現場",
        caption = "通義千問 Qwen3-Max 發布",
        credit = "圖源:ifanr",
        license = "CC BY 4.0",
        width = 1600,
        height = 900,
        mimeType = "image/jpeg",
        byteSize = 245_760L,
        focalPoint = new { x = 0.25, y = 0.75 },
    };

    [Fact]
    public async Task CreateImage_with_every_field_round_trips_and_is_readable_by_id()
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/images", Photo());
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/images/{created["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal("圖源:ifanr", created["credit"]!.GetValue<string>());
        Assert.Equal(0.25, created["focalPoint"]!["x"]!.GetValue<double>());
        Assert.Equal(245_760L, created["byteSize"]!.GetValue<long>());
        Assert.Equal(1600, created["width"]!.GetValue<int>());
        Assert.Equal(1, created["version"]!.GetValue<long>());

        var read = await (await factory.Reader().GetAsync(response.Headers.Location)).AssertJsonAsync(); // shown by no published content
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Anonymous_callers_see_only_the_images_that_published_content_shows()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var mimeType = $"image/x-visibility-{Guid.NewGuid():N}";
        async Task<long> ImageAsync(string name) =>
            (await writer.PostOkAsync("/api/v1/images", new { url = $"https://cdn.example.com/{name}.jpg", altText = name, caption = $"Embargoed {name}", mimeType }))["id"]!.GetValue<long>();
        var (draftCover, draftInline, scheduledCover, unused) = (await ImageAsync("draft-cover"), await ImageAsync("draft-inline"), await ImageAsync("scheduled"), await ImageAsync("unused"));
        var (publishedCover, publishedInline, avatar) = (await ImageAsync("cover"), await ImageAsync("inline"), await ImageAsync("avatar"));
        var draft = await content.ArticleAsync(new() { ["status"] = "draft", ["coverImageId"] = draftCover, ["imageIds"] = new[] { draftInline } });
        await content.ArticleAsync(new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(7), ["coverImageId"] = scheduledCover });
        var avatarAuthor = (await writer.PostOkAsync("/api/v1/authors", new { name = $"Avatar {Guid.NewGuid():N}", avatarImageId = avatar })).Id();
        await content.ArticleAsync(new() { ["coverImageId"] = publishedCover, ["imageIds"] = new[] { publishedInline }, ["authorIds"] = new[] { avatarAuthor } });
        var list = $"/api/v1/images?mimeType={Uri.EscapeDataString(mimeType)}&sort=createdAt";

        var shown = await factory.Anonymous().GetJsonAsync(list);
        Assert.Equal([publishedCover, publishedInline, avatar], shown.ItemIds());
        Assert.Equal(3, shown.Total());
        foreach (var hidden in new[] { draftCover, draftInline, scheduledCover, unused })
        {
            await (await factory.Anonymous().GetAsync($"/api/v1/images/{hidden}")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await factory.Reader().GetAsync($"/api/v1/images/{hidden}")).StatusCode);
        }
        Assert.Equal(7, (await factory.Reader().GetJsonAsync(list)).Total());

        // Publishing the draft shows its images at once (the anonymous response cache follows the write).
        (await writer.PatchMergeAsync($"/api/v1/articles/{draft.Id()}", new { status = "published" })).EnsureSuccessStatusCode();
        Assert.Equal([draftCover, draftInline, publishedCover, publishedInline, avatar], (await factory.Anonymous().GetJsonAsync(list)).ItemIds());
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/images/{draftInline}")).StatusCode);
    }

    /// <summary>
    /// An integrator finds an image by its URL before creating it, so that a re-sync makes no second image of one file
    /// (GET /images?url= was a 400, and POSTing the URL again made another image; review). Anonymous callers find only
    /// what they may see.
    /// </summary>
    [Fact]
    public async Task Images_are_found_by_their_url_exactly_and_anonymous_callers_find_only_shown_ones()
    {
        var writer = factory.Writer();
        var url = $"https://cdn.example.com/sync/{Guid.NewGuid():N}/圖.jpg";
        var first = (await writer.PostOkAsync("/api/v1/images", Photo(url))).Id();
        var second = (await writer.PostOkAsync("/api/v1/images", Photo(url))).Id();
        await writer.PostOkAsync("/api/v1/images", Photo(url + "?w=2"));
        string ByUrl(string value) => $"/api/v1/images?url={Uri.EscapeDataString(value)}&sort=createdAt";

        var found = await factory.Reader().GetJsonAsync(ByUrl(url));

        Assert.Equal([first, second], found.ItemIds());
        Assert.Equal(2, found.Total());
        Assert.Empty((await factory.Reader().GetJsonAsync(ByUrl(url.ToUpperInvariant()))).ItemIds());
        Assert.Empty((await factory.Anonymous().GetJsonAsync(ByUrl(url))).ItemIds());
        await new TestContent(writer).ArticleAsync(new() { ["coverImageId"] = second });
        Assert.Equal([second], (await factory.Anonymous().GetJsonAsync(ByUrl(url))).ItemIds());
        var problem = await (await factory.Reader().GetAsync("/api/v1/images?url=not-a-url")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task CreateImage_with_only_required_fields_returns_nulls_for_the_rest()
    {
        var created = await factory.Writer().PostOkAsync("/api/v1/images", new { url = "http://cdn.example.com/a.png", altText = "" });
        Assert.Equal("", created["altText"]!.GetValue<string>());
        foreach (var field in new[] { "caption", "credit", "license", "width", "height", "mimeType", "byteSize", "focalPoint" })
        {
            Assert.True(created.ContainsKey(field), field);
            Assert.Null(created[field]);
        }
    }

    [Fact]
    public async Task CreateImage_without_key_is_401_and_with_read_key_is_403()
    {
        await (await factory.Anonymous().PostAsJsonAsync("/api/v1/images", Photo())).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Reader().PostAsJsonAsync("/api/v1/images", Photo())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://x")]
    [InlineData("/relative/path.jpg")]
    [InlineData("https://cdn.example.com/a\nb.jpg")]
    [InlineData("https://cdn.example.com/a b.jpg")]
    [InlineData("https://cdn.example.com/a\\b.jpg")]
    [InlineData("https://cdn.example.com/\"x\".jpg")]
    [InlineData("https://cdn.example.com/<x>.jpg")]
    [InlineData("https://cdn.example.com/{x}|^`.jpg")]
    [InlineData("https://cdn.example.com/50%off.jpg")]
    [InlineData("https://cdn.example.com/a.jpg%2")]
    [InlineData("https://cdn.example.com/a.jpg#one#two")]
    [InlineData("https://cdn.example.com/[x].jpg")]
    [InlineData("https://cdn.example.com/\u202egpj.exe")] // right-to-left override
    [InlineData("https://cdn.example.com/a\u200f.jpg")]
    [InlineData("https://cdn.example.com/\uffff.jpg")] // a noncharacter
    [InlineData("https://cdn.example.com/\U000e0001.jpg")] // a tag character
    [InlineData("https://cdn.example.com/\U0010fffd.jpg")] // private use outside the query
    public async Task CreateImage_with_non_http_url_is_400_naming_url(string url)
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/images", Photo(url));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Theory]
    [InlineData("https://圖片.例子.tw/照片/發布會.jpg")]
    [InlineData("https://cdn.example.com/a%20b.jpg?w=1200&q=80#top")]
    [InlineData("http://[2001:db8::1]:8080/a.jpg")]
    [InlineData("https://cdn.example.com/a.jpg?v=\ue000")] // private use in the query
    [InlineData("https://cdn.example.com/😀.jpg")]
    public async Task CreateImage_with_an_iri_or_percent_encoded_url_keeps_it_as_sent(string url)
    {
        var created = await (await factory.Writer().PostAsJsonAsync("/api/v1/images", Photo(url))).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(url, created["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateImage_with_invalid_fields_is_400_with_camelCase_errors()
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/images", new
        {
            url = "https://cdn.example.com/x.jpg",
            altText = "x",
            width = -1,
            height = 100_001,
            mimeType = "text/html",
            byteSize = -5L,
            focalPoint = new { x = 1.5, y = 0.5 },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["byteSize", "focalPoint.x", "height", "mimeType", "width"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateImage_with_unknown_property_is_400()
    {
        var response = await factory.Writer().PostAsync("/api/v1/images",
            HttpAssertions.RawJson("""{"url":"https://cdn.example.com/x.jpg","altText":"x","foo":1}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["foo"]);
    }

    [Fact]
    public async Task ReplaceImage_and_PatchImage_bump_version_and_null_clears_an_optional_field()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/images", Photo());
        var url = $"/api/v1/images/{created["id"]}";
        var replaced = await (await writer.PutAsJsonAsync(url, new { url = "https://cdn.example.com/b.webp", altText = "b", caption = "kept", mimeType = "image/webp" })).AssertJsonAsync();
        Assert.Equal("image/webp", replaced["mimeType"]!.GetValue<string>());
        Assert.Null(replaced["credit"]);
        Assert.Null(replaced["focalPoint"]);
        Assert.Equal(2, replaced["version"]!.GetValue<long>());

        var patched = await (await writer.PatchMergeAsync(url, new { caption = (string?)null, focalPoint = new { x = 0.5, y = 0.5 } })).AssertJsonAsync();
        Assert.Null(patched["caption"]);
        Assert.Equal("b", patched["altText"]!.GetValue<string>());
        Assert.Equal(0.5, patched["focalPoint"]!["y"]!.GetValue<double>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());

        var moved = await (await writer.PatchMergeAsync(url, new { focalPoint = new { x = 0.1 } })).AssertJsonAsync();
        Assert.Equal(0.1, moved["focalPoint"]!["x"]!.GetValue<double>());
        Assert.Equal(0.5, moved["focalPoint"]!["y"]!.GetValue<double>());
    }

    [Fact]
    public async Task PatchImage_with_invalid_value_is_400_and_changes_nothing()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/images", Photo());
        var url = $"/api/v1/images/{created["id"]}";
        var problem = await (await writer.PatchMergeAsync(url, new { focalPoint = new { y = -0.1 } })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["focalPoint.y"]);
        var read = await (await writer.GetAsync(url)).AssertJsonAsync();
        Assert.Equal(1, read["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("PATCH", """{"focalPoint":{"x":1e400,"y":0.5}}""")]
    [InlineData("PATCH", """{"focalPoint":{"x":0.5,"y":-1e999}}""")]
    [InlineData("PATCH", """{"focalPoint":{"x":"0.5","y":0.5}}""")]
    [InlineData("POST", """{"url":"https://example.com/a.jpg","altText":"a","focalPoint":{"x":1e400,"y":0.5}}""")]
    public async Task A_number_beyond_a_double_is_400_not_500(string method, string json)
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/images", Photo());
        var url = method == "POST" ? "/api/v1/images" : $"/api/v1/images/{created["id"]}";
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = HttpAssertions.RawJson(json, method == "PATCH" ? "application/merge-patch+json" : "application/json"),
        };

        var problem = await (await writer.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.StartsWith("focalPoint", StringComparison.Ordinal)), problem.ToJsonString());
        Assert.Equal(1, (await (await writer.GetAsync($"/api/v1/images/{created["id"]}")).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stored_infinite_focal_point_reads_as_none_and_the_image_can_still_be_patched()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/images", Photo());
        var url = $"/api/v1/images/{created["id"]}";
        await using (var db = factory.OpenDatabase())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE images SET focal_x = 9e999, focal_y = 0.5 WHERE id = @id", new { id = created["id"]!.GetValue<long>() });
        }

        var read = await (await writer.GetAsync(url)).AssertJsonAsync();
        Assert.Null(read["focalPoint"]);
        await (await factory.Anonymous().GetAsync("/api/v1/images?limit=100")).AssertJsonAsync();
        var patched = await (await writer.PatchMergeAsync(url, new { caption = "still editable" })).AssertJsonAsync();
        Assert.Equal("still editable", patched["caption"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceImage_with_stale_IfMatch_is_412_and_with_current_ETag_succeeds()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/images", Photo());
        var url = $"/api/v1/images/{created["id"]}";
        await (await writer.PatchMergeAsync(url, new { caption = "v2" })).AssertJsonAsync();

        var stale = await writer.SendAsync(Put(url, "\"1\""));
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("\"2.", stale.Headers.ETag!.Tag, StringComparison.Ordinal);

        var current = (await writer.GetAsync(url)).Headers.ETag!.Tag;
        var replaced = await (await writer.SendAsync(Put(url, current))).AssertJsonAsync();
        Assert.Equal(3, replaced["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task DeleteImage_used_as_author_avatar_is_409_naming_the_author_until_it_is_removed()
    {
        var writer = factory.Writer();
        var image = await writer.PostOkAsync("/api/v1/images", Photo());
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = "Avatar Holder", avatarImageId = image["id"]!.GetValue<long>() });
        var url = $"/api/v1/images/{image["id"]}";

        var problem = await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("avatar-holder", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(author["id"]!.GetValue<long>(), problem["authors"]![0]!["id"]!.GetValue<long>());

        await (await writer.PatchMergeAsync($"/api/v1/authors/{author["id"]}", new { avatarImageId = (long?)null })).AssertJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(url)).StatusCode);
        await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteImage_used_by_articles_as_cover_or_inline_is_409_naming_them()
    {
        var writer = factory.Writer();
        var image = await writer.PostOkAsync("/api/v1/images", Photo());
        var id = image["id"]!.GetValue<long>();
        await ArticleRows.InsertAsync(factory, "uses-as-cover", coverImageId: id);
        await ArticleRows.InsertAsync(factory, "uses-inline", imageIds: [id]);

        var problem = await (await writer.DeleteAsync($"/api/v1/images/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("uses-as-cover", detail, StringComparison.Ordinal);
        Assert.Contains("uses-inline", detail, StringComparison.Ordinal);
        Assert.Equal(2, problem["articles"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListImages_filtered_by_mimeType_walks_newest_first_once_by_cursor()
    {
        var writer = factory.Writer();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var created = await writer.PostOkAsync("/api/v1/images", new { url = $"https://cdn.example.com/walk-{i}.avif", altText = $"walk {i}", mimeType = "image/avif" });
            ids.Add(created["id"]!.GetValue<long>());
        }
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/images?limit=2&mimeType=image/avif" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await factory.Reader().GetAsync(url)).AssertJsonAsync(); // shown by no published content
            Assert.Equal(5, page["page"]!["total"]!.GetValue<long>());
            seen.AddRange(page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
            cursor = page["page"]!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task GetManyAsync_returns_the_existing_images_in_one_query_and_skips_unknown_ids()
    {
        var writer = factory.Writer();
        var full = (await writer.PostOkAsync("/api/v1/images", Photo()))["id"]!.GetValue<long>();
        var bare = (await writer.PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/bare.gif", altText = "bare" }))["id"]!.GetValue<long>();
        using var db = factory.OpenDatabase();
        var rows = await ImageStore.GetManyAsync(db, null, [full, bare, full, 999_999], CancellationToken.None);
        Assert.Equal([full, bare], rows.Select(r => r.Id).Order());
        Assert.Null(rows.Single(r => r.Id == bare).ToResponse().FocalPoint);
        Assert.Equal(new FocalPoint(0.25, 0.75), rows.Single(r => r.Id == full).ToResponse().FocalPoint);
    }

    [Theory]
    [InlineData("/api/v1/images?sort=name", "sort")]
    [InlineData("/api/v1/images?mimeType=text/plain", "mimeType")]
    [InlineData("/api/v1/images?slug=x", "slug")]
    public async Task ListImages_with_unknown_sort_bad_filter_or_unknown_parameter_is_400(string url, string field)
    {
        var problem = await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    private static HttpRequestMessage Put(string url, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.JsonBody(new { url = "https://cdn.example.com/c.jpg", altText = "c" }) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }
}
