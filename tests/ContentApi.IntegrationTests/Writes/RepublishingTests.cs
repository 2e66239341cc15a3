using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Operations;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// An article taken down and published again keeps the time it was published at (editorial review): PATCH
/// {"status":"draft"} then {"status":"published"} gave publishedAt now, so a brief legal hold or a correction moved the
/// story to the top of every feed, and its original date was lost for good.
/// </summary>
public sealed class RepublishingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string OriginalTime = "2025-03-01T08:00:00.000000Z";

    [Fact]
    public async Task Taking_an_article_down_and_publishing_it_again_keeps_its_publication_time()
    {
        var url = await TakenDownAsync(factory);
        var edited = await (await factory.Writer().PatchMergeAsync(url, new { title = "更正後的標題" })).AssertJsonAsync();
        Assert.Null(edited["publishedAt"]);

        var republished = await (await factory.Writer().PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();

        Assert.Equal(OriginalTime, republished["publishedAt"]!.GetValue<string>());
        await (await factory.Anonymous().GetAsync(url)).AssertJsonAsync();
    }

    [Fact]
    public async Task A_replace_publishing_again_without_a_publishedAt_keeps_the_publication_time()
    {
        var url = await TakenDownAsync(factory);
        var read = await factory.Writer().GetJsonAsync(url);
        var replacement = new JsonObject
        {
            ["title"] = read["title"]!.GetValue<string>(),
            ["body"] = read["body"]!.GetValue<string>(),
            ["language"] = read["language"]!.GetValue<string>(),
            ["status"] = "published",
            ["authorIds"] = new JsonArray([.. read["authors"]!.AsArray().Select(a => (JsonNode)a!["id"]!.GetValue<long>())]),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = HttpAssertions.RawJson(replacement.ToJsonString()) };

        var republished = await (await factory.Writer().SendAsync(put)).AssertJsonAsync();

        Assert.Equal(OriginalTime, republished["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_publishedAt_given_on_publishing_again_wins_and_is_the_one_kept_next_time()
    {
        var url = await TakenDownAsync(factory);
        const string corrected = "2025-04-02T09:30:00.000000Z";

        var republished = await (await factory.Writer().PatchMergeAsync(url, new { status = "published", publishedAt = corrected })).AssertJsonAsync();
        Assert.Equal(corrected, republished["publishedAt"]!.GetValue<string>());

        (await factory.Writer().PatchMergeAsync(url, new { status = "draft" })).EnsureSuccessStatusCode();
        var again = await (await factory.Writer().PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();
        Assert.Equal(corrected, again["publishedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_publication_time_of_a_taken_down_article_survives_export_and_import()
    {
        using var app = new ApiFactory();
        var url = await TakenDownAsync(app);
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(app.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);
        Assert.True(exitCode == 0, output);

        using var importedApp = new OnDatabaseFile(imported);
        Assert.Null((await importedApp.Writer().GetJsonAsync(url))["publishedAt"]);
        var republished = await (await importedApp.Writer().PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();

        Assert.Equal(OriginalTime, republished["publishedAt"]!.GetValue<string>());
    }

    /// <summary>An export of an earlier build has no kept publication time: it imports, and its drafts publish as drafts did.</summary>
    [Fact]
    public async Task An_export_without_the_kept_publication_time_imports()
    {
        using var app = new ApiFactory();
        var url = await TakenDownAsync(app);
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(app.DatabasePath, "export", folder)).ExitCode);
        var articles = Path.Combine(folder, "articles.jsonl");
        var rows = (await File.ReadAllLinesAsync(articles)).Select(line =>
        {
            var row = JsonNode.Parse(line)!.AsObject();
            row.Remove("earlier_published_at");
            return row.ToJsonString(ContentApi.Transfer.ExportFormat.Json);
        });
        await File.WriteAllLinesAsync(articles, rows);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");

        var (exitCode, output) = await CommandRunner.RunAsync(imported, "import", folder);

        Assert.True(exitCode == 0, output);
        using var importedApp = new OnDatabaseFile(imported);
        var republished = await (await importedApp.Writer().PatchMergeAsync(url, new { status = "published" })).AssertJsonAsync();
        Assert.NotEqual(OriginalTime, republished["publishedAt"]!.GetValue<string>());
    }

    /// <summary>A live article published at <see cref="OriginalTime"/>, then unpublished; its URL.</summary>
    private static async Task<string> TakenDownAsync(ApiFactory app)
    {
        var article = await new TestContent(app.Writer()).ArticleAsync(new() { ["publishedAt"] = OriginalTime });
        var url = $"/api/v1/articles/{article["id"]}";
        var draft = await (await app.Writer().PatchMergeAsync(url, new { status = "draft" })).AssertJsonAsync();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Null(draft["publishedAt"]);
        return url;
    }
}
