using ContentApi.IntegrationTests.Operations;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A Markdown file that says nothing of publication (no status, draft, published or date), imported over a live
/// article, made it a draft: taken off the site as a PUT without status no longer does (session review).
/// </summary>
public sealed class ImportWithoutStatusTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string OriginalTime = "2025-03-01T08:00:00.000000Z";

    [Fact]
    public async Task A_file_saying_nothing_of_publication_keeps_a_live_article_live_with_its_publishedAt()
    {
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["publishedAt"] = OriginalTime });
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "corrected.md"),
            $"---\ntitle: 更正後的標題\nslug: {article["slug"]}\nauthors: J\n---\n\n更正後的正文。");

        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "import", folder);

        Assert.True(exitCode == 0, output);
        var stored = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{article["id"]}");
        Assert.Equal("更正後的標題", stored.Text("title"));
        Assert.Equal("published", stored.Text("status"));
        Assert.Equal(OriginalTime, stored.Text("publishedAt"));
    }

    [Fact]
    public async Task A_new_article_from_such_a_file_is_a_draft()
    {
        _ = factory.Services;
        var marker = Guid.NewGuid().ToString("N")[..8];
        var folder = CommandRunner.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "new.md"), $"---\ntitle: New {marker}\nslug: new-{marker}\nauthors: J\n---\n\nText.");

        Assert.Equal(0, (await CommandRunner.RunAsync(factory.DatabasePath, "import", folder)).ExitCode);

        var stored = await factory.Reader().GetJsonAsync($"/api/v1/articles/slug/new-{marker}");
        Assert.Equal("draft", stored.Text("status"));
    }
}
