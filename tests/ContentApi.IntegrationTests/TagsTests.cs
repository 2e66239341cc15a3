using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests;

public sealed class TagsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task CreateTag_with_chinese_name_derives_readable_slug_and_is_readable_by_id_and_slug()
    {
        var writer = factory.Writer();
        var response = await writer.PostAsJsonAsync("/api/v1/tags", new { name = "人工智慧 AI" });
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("人工智慧-ai", created["slug"]!.GetValue<string>());
        Assert.Equal($"/api/v1/tags/{created["id"]}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, created["version"]!.GetValue<long>());

        var reader = factory.Reader(); // a tag no published article carries: anonymous callers get a 404
        var byId = await (await reader.GetAsync(response.Headers.Location)).AssertJsonAsync();
        var bySlug = await (await reader.GetAsync("/api/v1/tags/slug/" + Uri.EscapeDataString("人工智慧-ai"))).AssertJsonAsync();
        Assert.Equal(created.ToJsonString(), byId.ToJsonString());
        Assert.Equal(created.ToJsonString(), bySlug.ToJsonString());
    }

    /// <summary>𠮷 (U+20BB7, as in 𠮷野家) is two UTF-16 units: slugs with such letters were refused, and derived ones fell back to "tag-N".</summary>
    [Fact]
    public async Task Slugs_take_letters_beyond_the_Basic_Multilingual_Plane_given_or_derived()
    {
        var writer = factory.Writer();
        var derived = await writer.PostOkAsync("/api/v1/tags", new { name = "𠮷野家 牛丼" });
        Assert.Equal("𠮷野家-牛丼", derived["slug"]!.GetValue<string>());
        var given = await writer.PostOkAsync("/api/v1/tags", new { name = "Lift", slug = "𨋢-lift" });
        Assert.Equal("𨋢-lift", given["slug"]!.GetValue<string>());
        var bySlug = await (await factory.Reader().GetAsync("/api/v1/tags/slug/" + Uri.EscapeDataString("𨋢-lift"))).AssertJsonAsync();
        Assert.Equal(given["id"]!.GetValue<long>(), bySlug["id"]!.GetValue<long>());
    }

    /// <summary>Found by a frontend probe: 120 ideographs (360 bytes) were taken, and a static build failed to name the file.</summary>
    [Theory]
    [InlineData("tags", "name")]
    [InlineData("authors", "name")]
    public async Task A_given_slug_is_held_to_the_bytes_a_derived_one_takes(string resource, string nameField)
    {
        var writer = factory.Writer();
        var fits = string.Concat(Enumerable.Repeat("字", 59)) + Guid.NewGuid().ToString("N")[..3];
        var created = await writer.PostOkAsync($"/api/v1/{resource}", new Dictionary<string, string> { [nameField] = "x", ["slug"] = fits });
        Assert.Equal(fits, created["slug"]!.GetValue<string>());

        var tooLong = new string('字', 61);
        var response = await writer.PostAsJsonAsync($"/api/v1/{resource}", new Dictionary<string, string> { [nameField] = "x", ["slug"] = tooLong });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("180 bytes", problem["errors"]!["slug"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTag_whose_derived_slug_is_taken_gets_suffixed_slug_but_explicit_clash_is_409()
    {
        var writer = factory.Writer();
        var first = await writer.PostOkAsync("/api/v1/tags", new { name = "Duplicate Name" });
        var second = await writer.PostOkAsync("/api/v1/tags", new { name = "Duplicate: Name" });
        Assert.Equal("duplicate-name", first["slug"]!.GetValue<string>());
        Assert.Equal("duplicate-name-2", second["slug"]!.GetValue<string>());

        var clash = await writer.PostAsJsonAsync("/api/v1/tags", new { name = "Other", slug = "duplicate-name" });
        await clash.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateTag_without_key_is_401_and_with_read_key_is_403()
    {
        await (await factory.Anonymous().PostAsJsonAsync("/api/v1/tags", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Reader().PostAsJsonAsync("/api/v1/tags", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateTag_with_invalid_fields_is_400_with_camelCase_errors()
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = "", slug = "Not A Slug" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.NotNull(problem["errors"]!["slug"]);
    }

    [Fact]
    public async Task ReplaceTag_and_PatchTag_bump_version_and_keep_slug()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/tags", new { name = "Replace Me" });
        var id = created["id"]!.GetValue<long>();
        var replaced = await (await writer.PutAsJsonAsync($"/api/v1/tags/{id}", new { name = "Replaced", description = "d" })).AssertJsonAsync();
        Assert.Equal("replace-me", replaced["slug"]!.GetValue<string>());
        Assert.Equal("Replaced", replaced["name"]!.GetValue<string>());
        Assert.Equal(2, replaced["version"]!.GetValue<long>());

        var patched = await (await writer.PatchMergeAsync($"/api/v1/tags/{id}", new { description = (string?)null })).AssertJsonAsync();
        Assert.Null(patched["description"]);
        Assert.Equal("Replaced", patched["name"]!.GetValue<string>());
        Assert.Equal(3, patched["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task DeleteTag_removes_it_and_second_delete_is_404()
    {
        var writer = factory.Writer();
        var created = await writer.PostOkAsync("/api/v1/tags", new { name = "Delete Me" });
        var url = $"/api/v1/tags/{created["id"]}";
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(url)).StatusCode);
        await (await writer.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListTags_walks_every_tag_once_by_cursor()
    {
        var writer = factory.Writer();
        for (var i = 0; i < 7; i++)
        {
            await writer.PostOkAsync("/api/v1/tags", new { name = $"Walk {i}", slug = $"walk-{i}" });
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/tags?limit=3&sort=slug" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await factory.Reader().GetAsync(url)).AssertJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(t => t!["slug"]!.GetValue<string>()));
            cursor = page["page"]!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        var walk = seen.Where(s => s.StartsWith("walk-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"walk-{i}"), walk);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
