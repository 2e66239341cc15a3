using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentApi.Authors;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests;

public sealed class AuthorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> CreateImageAsync() =>
        (await factory.Writer().PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/avatar.png", altText = "頭像", width = 256, height = 256 }))["id"]!.GetValue<long>();

    [Fact]
    public async Task CreateAuthor_with_avatar_embeds_the_image_and_is_readable_by_id_and_slug()
    {
        var imageId = await CreateImageAsync();
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/authors", new
        {
            name = "林小明 Lin",
            bio = "科技記者。",
            avatarImageId = imageId,
            website = "https://lin.example.com/",
            email = "lin@example.com",
        });
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("林小明-lin", created["slug"]!.GetValue<string>());
        Assert.Equal($"/api/v1/authors/{created["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal(imageId, created["avatar"]!["id"]!.GetValue<long>());
        Assert.Equal("頭像", created["avatar"]!["altText"]!.GetValue<string>());
        Assert.Equal(0, created["publishedArticleCount"]!.GetValue<long>());
        Assert.Equal(1, created["version"]!.GetValue<long>());

        var reader = factory.Reader();
        var byId = await (await reader.GetAsync(response.Headers.Location)).AssertJsonAsync();
        var bySlug = await (await reader.GetAsync("/api/v1/authors/slug/" + Uri.EscapeDataString("林小明-lin"))).AssertJsonAsync();
        Assert.Equal(created.ToJsonString(), byId.ToJsonString());
        Assert.Equal(created.ToJsonString(), bySlug.ToJsonString());
    }

    [Theory]
    [InlineData(".a@example.com")]
    [InlineData("a.@example.com")]
    [InlineData("a..b@example.com")]
    [InlineData("<a@example.com>")]
    [InlineData("a@example.com\u202e")]
    [InlineData("a b@example.com")]
    [InlineData("a@example")]
    public async Task An_email_that_is_not_an_address_is_400_naming_email(string email)
    {
        var problem = await (await factory.Writer().PostAsJsonAsync("/api/v1/authors", new { name = "Mail", email })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["email"]);
    }

    [Theory]
    [InlineData("a.b+tag@example.co.uk")]
    [InlineData("名字@例子.公司")]
    public async Task An_email_address_in_any_script_is_kept_as_sent(string email)
    {
        var created = await factory.Writer().PostOkAsync("/api/v1/authors", new { name = "Mail", email });
        Assert.Equal(email, created["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetAuthor_hides_email_from_anonymous_callers_but_shows_it_to_a_read_key()
    {
        var created = await factory.Writer().PostOkAsync("/api/v1/authors", new { name = "Private Email", email = "private@example.com" });
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["authorIds"] = new[] { created["id"]!.GetValue<long>() } });
        var url = $"/api/v1/authors/{created["id"]}";

        var anonymous = await factory.Anonymous().GetAsync(url);
        var shown = await anonymous.AssertJsonAsync();
        Assert.True(shown.ContainsKey("email"));
        Assert.Null(shown["email"]);
        Assert.Contains("public", anonymous.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var bySlug = await (await factory.Anonymous().GetAsync("/api/v1/authors/slug/private-email")).AssertJsonAsync();
        Assert.Null(bySlug["email"]);
        var list = await (await factory.Anonymous().GetAsync("/api/v1/authors?slug=private-email")).AssertJsonAsync();
        Assert.Null(list["items"]![0]!["email"]);

        var keyed = await factory.Reader().GetAsync(url);
        Assert.Equal("private@example.com", (await keyed.AssertJsonAsync())["email"]!.GetValue<string>());
        Assert.Contains("private", keyed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(anonymous.Headers.ETag, keyed.Headers.ETag);
        var keyedList = await (await factory.Reader().GetAsync("/api/v1/authors?slug=private-email")).AssertJsonAsync();
        Assert.Equal("private@example.com", keyedList["items"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAuthor_without_key_is_401_and_with_read_key_is_403()
    {
        await (await factory.Anonymous().PostAsJsonAsync("/api/v1/authors", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Reader().PostAsJsonAsync("/api/v1/authors", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateAuthor_with_invalid_fields_is_400_with_camelCase_errors()
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/authors", new
        {
            name = "",
            slug = "Not A Slug",
            website = "javascript:alert(1)",
            email = "not an email",
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["email", "name", "slug", "website"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.com")]
    public async Task CreateAuthor_with_non_http_website_is_400_naming_website(string website)
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/authors", new { name = "Bad Site", website });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["website"]);
    }

    [Fact]
    public async Task CreateAuthor_with_unknown_avatarImageId_is_400_naming_it()
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/authors", new { name = "No Avatar", avatarImageId = 987654 });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("987654", problem["errors"]!["avatarImageId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await factory.Anonymous().GetAsync("/api/v1/authors/slug/no-avatar")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateAuthor_with_unknown_property_is_400()
    {
        var response = await factory.Writer().PostAsync("/api/v1/authors", HttpAssertions.RawJson("""{"name":"x","foo":1}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["foo"]);
    }

    [Fact]
    public async Task ReplaceAuthor_and_PatchAuthor_bump_version_keep_slug_and_null_clears_an_optional_field()
    {
        var writer = factory.Writer();
        var imageId = await CreateImageAsync();
        var created = await writer.PostOkAsync("/api/v1/authors", new { name = "Replace Author" });
        var url = $"/api/v1/authors/{created["id"]}";
        var replaced = await (await writer.PutAsJsonAsync(url, new { name = "Replaced Author", bio = "b", email = "r@example.com", avatarImageId = imageId })).AssertJsonAsync();
        Assert.Equal("replace-author", replaced["slug"]!.GetValue<string>());
        Assert.Equal(imageId, replaced["avatar"]!["id"]!.GetValue<long>());
        Assert.Equal(2, replaced["version"]!.GetValue<long>());

        var patched = await (await writer.PatchMergeAsync(url, new { bio = (string?)null, avatarImageId = (long?)null })).AssertJsonAsync();
        Assert.Null(patched["bio"]);
        Assert.Null(patched["avatar"]);
        Assert.Equal("r@example.com", patched["email"]!.GetValue<string>());
        Assert.Equal("Replaced Author", patched["name"]!.GetValue<string>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task PatchAuthor_with_unknown_avatarImageId_is_400_and_changes_nothing()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/authors", new { name = "Patch Avatar" });
        var url = $"/api/v1/authors/{created["id"]}";
        var problem = await (await writer.PatchMergeAsync(url, new { avatarImageId = 876543 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["avatarImageId"]);
        Assert.Equal(1, (await (await writer.GetAsync(url)).AssertJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task PatchAuthor_with_stale_IfMatch_is_412_and_with_current_ETag_succeeds()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/authors", new { name = "Concurrent Author" });
        var url = $"/api/v1/authors/{created["id"]}";
        await (await writer.PatchMergeAsync(url, new { bio = "v2" })).AssertJsonAsync();

        var stale = await writer.SendAsync(Patch(url, "\"1\"", new { bio = "lost update" }));
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("\"2.", stale.Headers.ETag!.Tag, StringComparison.Ordinal);

        var current = (await factory.Reader().GetAsync(url)).Headers.ETag!.Tag;
        var patched = await (await writer.SendAsync(Patch(url, current, new { bio = "v3" }))).AssertJsonAsync();
        Assert.Equal("v3", patched["bio"]!.GetValue<string>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());

        var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("\"2\""));
        await (await writer.SendAsync(delete)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task DeleteAuthor_credited_by_an_article_is_409_naming_it_and_counts_it_when_published()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/authors", new { name = "Credited Author" });
        var id = created["id"]!.GetValue<long>();
        await ArticleRows.InsertAsync(factory, "credited-article", published: true, authorIds: [id]);
        await ArticleRows.InsertAsync(factory, "credited-draft", authorIds: [id]);

        var read = await (await factory.Anonymous().GetAsync($"/api/v1/authors/{id}")).AssertJsonAsync();
        Assert.Equal(1, read["publishedArticleCount"]!.GetValue<long>());

        var problem = await (await writer.DeleteAsync($"/api/v1/authors/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("credited-article", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, problem["articles"]!.AsArray().Count);
    }

    [Fact]
    public async Task DeleteAuthor_removes_it_and_second_delete_is_404()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/authors", new { name = "Delete Author" });
        var url = $"/api/v1/authors/{created["id"]}";
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(url)).StatusCode);
        await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListAuthors_walks_every_author_once_by_cursor_and_filters_by_slug()
    {
        var writer = factory.Writer();
        for (var i = 0; i < 7; i++)
        {
            await writer.PostOkAsync("/api/v1/authors", new { name = $"Walker {i}", slug = $"walker-{i}" });
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/authors?limit=3&sort=-slug" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
            cursor = page["page"]!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        var walk = seen.Where(s => s.StartsWith("walker-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"walker-{i}"), walk);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var filtered = await (await factory.Reader().GetAsync("/api/v1/authors?slug=walker-2&slug=walker-5")).AssertJsonAsync();
        Assert.Equal(["walker-2", "walker-5"], filtered["items"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
        Assert.Equal(2, filtered["page"]!["total"]!.GetValue<long>());
    }

    private static HttpRequestMessage Patch(string url, string ifMatch, object patch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = HttpAssertions.RawJson(System.Text.Json.JsonSerializer.Serialize(patch, HttpAssertions.Json), "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }
}
