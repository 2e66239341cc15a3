using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>The app keeping at most three revisions per article, so pruning shows within a few edits.</summary>
public sealed class FewRevisionsApiFactory : ApiFactory
{
    public const int MaxPerArticle = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Revisions:MaxPerArticle"] = MaxPerArticle.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// An article's version was only a counter: the text a bad correction replaced could not be read, compared or rolled
/// back. Each write making a new version keeps the previous one as a revision, readable by key holders.
/// </summary>
public sealed class ArticleRevisionsTests(FewRevisionsApiFactory factory) : IClassFixture<FewRevisionsApiFactory>
{
    private static string Revisions(long id) => $"/api/v1/articles/{id}/revisions";

    private static List<long> Versions(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["version"]!.GetValue<long>())];

    [Fact]
    public async Task A_patch_keeps_the_previous_version_readable_as_a_request_to_put_back()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["title"] = "原來的標題", ["body"] = "原來的正文。", ["excerpt"] = "原來的摘要" });
        var id = article.Id();
        await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "改錯的標題", body = "改錯的正文。" })).AssertJsonAsync();

        var list = await factory.Reader().GetJsonAsync(Revisions(id));
        Assert.Equal([1L], Versions(list));
        Assert.Equal("原來的標題", list["items"]![0]!.Text("title"));
        Assert.Equal(1, list.Total());

        var revision = await factory.Reader().GetJsonAsync($"{Revisions(id)}/1");
        Assert.Equal("原來的標題", revision.Text("title"));
        Assert.Equal("原來的正文。", revision.Text("body"));
        Assert.Equal("原來的摘要", revision.Text("excerpt"));
        Assert.Equal(article.Text("slug"), revision.Text("slug"));
        Assert.Equal("published", revision.Text("status"));
        Assert.Equal(article["authors"]!.AsArray().Select(a => a!.Id()), revision["authorIds"]!.AsArray().Select(a => a!.GetValue<long>()));
    }

    [Fact]
    public async Task A_put_of_a_revision_rolls_the_article_back()
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["title"] = "Right title", ["body"] = "Right body." });
        var id = article.Id();
        await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Wrong title", body = "Wrong body." })).AssertJsonAsync();

        var revision = await (await factory.Reader().GetAsync($"{Revisions(id)}/1")).Content.ReadAsStringAsync();
        var rolledBack = await (await writer.PutAsync($"/api/v1/articles/{id}", HttpAssertions.RawJson(revision))).AssertJsonAsync();

        Assert.Equal("Right title", rolledBack.Text("title"));
        Assert.Equal("Right body.", rolledBack.Text("body"));
        Assert.Equal(3, rolledBack["version"]!.GetValue<long>());
        Assert.Equal([2L, 1L], Versions(await factory.Reader().GetJsonAsync(Revisions(id))));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_revisions_is_kept_the_oldest_pruned()
    {
        var writer = factory.Writer();
        var id = (await new TestContent(writer).ArticleAsync()).Id();
        for (var edit = 1; edit <= FewRevisionsApiFactory.MaxPerArticle + 2; edit++)
        {
            await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = $"Edit {edit}" })).AssertJsonAsync();
        }

        var list = await factory.Reader().GetJsonAsync(Revisions(id));
        Assert.Equal([5L, 4L, 3L], Versions(list));
        await (await factory.Reader().GetAsync($"{Revisions(id)}/1")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revisions_are_paged_newest_first_by_cursor()
    {
        var writer = factory.Writer();
        var id = (await new TestContent(writer).ArticleAsync()).Id();
        for (var edit = 1; edit <= 3; edit++)
        {
            await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = $"Edit {edit}" })).AssertJsonAsync();
        }

        var first = await factory.Reader().GetJsonAsync(Revisions(id) + "?limit=2");
        Assert.Equal([3L, 2L], Versions(first));
        var next = first["page"]!["nextCursor"]!.GetValue<string>();
        Assert.Equal([1L], Versions(await factory.Reader().GetJsonAsync(Revisions(id) + "?limit=2&cursor=" + Uri.EscapeDataString(next))));
    }

    [Fact]
    public async Task Anonymous_callers_get_no_revisions()
    {
        var writer = factory.Writer();
        var id = (await new TestContent(writer).ArticleAsync()).Id();
        await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Edited" })).AssertJsonAsync();

        await (await factory.Anonymous().GetAsync(Revisions(id))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Anonymous().GetAsync($"{Revisions(id)}/1")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revision_of_an_article_that_never_had_one_is_a_404_and_a_new_article_has_none()
    {
        var id = (await new TestContent(factory.Writer()).ArticleAsync()).Id();

        Assert.Empty(Versions(await factory.Reader().GetJsonAsync(Revisions(id))));
        await (await factory.Reader().GetAsync($"{Revisions(id)}/1")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Reader().GetAsync(Revisions(id + 1000))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A version of 0 or -1 was refused with the id's words: "ids start at 1".</summary>
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_version_below_1_is_a_400_that_speaks_of_versions(string version)
    {
        var id = (await new TestContent(factory.Writer()).ArticleAsync()).Id();

        var versionErrors = await factory.Reader().GetErrorsAsync($"{Revisions(id)}/{version}");
        var idErrors = await factory.Reader().GetErrorsAsync($"/api/v1/articles/{version}/revisions");

        Assert.Equal("Must be 1 or more: versions start at 1.", versionErrors["version"]![0]!.GetValue<string>());
        Assert.Equal("Must be 1 or more: ids start at 1.", idErrors["id"]![0]!.GetValue<string>());
    }

    /// <summary>
    /// A revision written without a key (a CLI command, or before keys were recorded) was listed with
    /// <c>"updatedBy": null</c>, where articles, authors, tags and images leave a null name out.
    /// </summary>
    [Fact]
    public async Task A_revision_written_without_a_key_leaves_updatedBy_out()
    {
        var writer = factory.Writer();
        var id = (await new TestContent(writer).ArticleAsync()).Id();
        using (var database = factory.OpenDatabase())
        using (var command = database.CreateCommand())
        {
            command.CommandText = $"UPDATE articles SET updated_by = NULL WHERE id = {id}";
            command.ExecuteNonQuery();
        }
        await (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { title = "Edited" })).AssertJsonAsync();

        var revision = (await factory.Reader().GetJsonAsync(Revisions(id)))["items"]![0]!.AsObject();

        Assert.False(revision.ContainsKey("updatedBy"), revision.ToJsonString());
        Assert.True(revision.ContainsKey("version"));
    }
}

/// <summary>A create stays as cheap as it was (issue #7's create benchmark): it stores no revision, in no statement.</summary>
public sealed class CreateWithoutRevisionTests(StatementCountingApiFactory factory) : IClassFixture<StatementCountingApiFactory>
{
    /// <summary>
    /// What a create of an article with one author and no tags or images ran before revisions were kept (its key and
    /// idempotency lookups included) in a test process of its own; fewer in a full run, where lookups other tests made
    /// first are cached (22 once): so at most this many.
    /// </summary>
    private const long CreateStatements = 28;

    [Fact]
    public async Task A_create_runs_no_statement_more_than_before_revisions()
    {
        var writer = factory.Writer();
        var counter = factory.Services.GetRequiredService<SqlStatementCounter>();
        var author = await new TestContent(writer).AuthorAsync();
        await CreateAsync(writer, author); // once unmeasured: a connection's first statements

        var fewest = long.MaxValue;
        long id = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = counter.Count;
            id = await CreateAsync(writer, author);
            fewest = Math.Min(fewest, counter.Count - before);
        }

        Assert.InRange(fewest, 1, CreateStatements);
        Assert.Empty((await factory.Reader().GetJsonAsync($"/api/v1/articles/{id}/revisions"))["items"]!.AsArray());
    }

    private static async Task<long> CreateAsync(HttpClient writer, long author) =>
        (await (await writer.PostAsJsonAsync("/api/v1/articles", new { title = $"Created {Guid.NewGuid():N}", body = "正文。", language = "zh-Hant", authorIds = new[] { author } }, HttpAssertions.Json))
            .AssertJsonAsync(HttpStatusCode.Created)).Id();
}
