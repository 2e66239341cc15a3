using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A 409 about one member (a slug another resource holds, a name another tag has) files its message under that member
/// in errors, as a 400 does: a form app needed a mapping from each code to a field to show it beside the input.
/// </summary>
public sealed class FieldConflictErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("articles")]
    [InlineData("authors")]
    [InlineData("tags")]
    public async Task A_taken_slug_is_filed_under_slug(string collection)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var holder = await content.ResourceAsync(collection);
        var slug = (await (await writer.GetAsync($"/api/v1/{collection}/{holder}")).AssertJsonAsync())["slug"]!.GetValue<string>();
        var other = await content.ResourceAsync(collection);

        var problem = await (await writer.PatchMergeAsync($"/api/v1/{collection}/{other}", new { slug })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("slug_taken", problem["code"]!.GetValue<string>());
        Assert.Equal(holder, problem["conflictingId"]!.GetValue<long>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["slug"], errors.Select(e => e.Key));
        Assert.Equal(problem["detail"]!.GetValue<string>(), errors["slug"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task A_created_article_s_taken_slug_is_filed_under_slug()
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var holder = await content.ArticleAsync();

        var problem = await (await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = "T", body = "B", language = "en", authorIds = new[] { await content.AuthorAsync() }, slug = holder["slug"]!.GetValue<string>(),
        })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(holder["id"]!.GetValue<long>(), problem["conflictingId"]!.GetValue<long>());
        Assert.Equal(["slug"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_taken_tag_name_is_filed_under_name()
    {
        var writer = factory.Writer();
        var name = $"Name {Guid.NewGuid():N}";
        var holder = await writer.PostOkAsync("/api/v1/tags", new { name });

        var problem = await (await writer.PostAsJsonAsync("/api/v1/tags", new { name = name.ToUpperInvariant() })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("name_taken", problem["code"]!.GetValue<string>());
        Assert.Equal(holder["id"]!.GetValue<long>(), problem["conflictingId"]!.GetValue<long>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["name"], errors.Select(e => e.Key));
        Assert.Equal(problem["detail"]!.GetValue<string>(), errors["name"]!.AsArray().Single()!.GetValue<string>());
    }
}
