using System.Net;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Values stored before a validation rule existed (or imported from elsewhere), which the rules now refuse: a PATCH of
/// another field still applies, and only a change to such a value is judged by today's rules.
/// </summary>
public sealed class StoredBeforeRulesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Theory]
    [InlineData("articles", "slug", "a-\u0301b", """{"subtitle":"edited"}""")]
    [InlineData("articles", "canonical_url", " https://example.com/x", """{"title":"Edited"}""")]
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

    private Task<long> CreateAsync(string table) => _content.ResourceAsync(table);

    /// <summary>As a value stored before today's rules (or imported) may be.</summary>
    private async Task SetAsync(string table, string column, string value, long id)
    {
        await using var db = factory.OpenDatabase();
        await db.ExecuteAsync($"UPDATE {table} SET {column} = @value WHERE id = @id", new { value, id });
    }
}
