using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using ContentApi.Search;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// A <c>reindex --clear</c> stopped halfway left an index missing articles while <c>/health/ready</c> said Healthy
/// (operator): the rebuild records that it has not finished, until it ends.
/// </summary>
public sealed class UnfinishedRebuildTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_rebuild_from_empty_that_stops_leaves_the_index_degraded_until_a_reindex()
    {
        var content = new TestContent(factory.Writer());
        var id = (await content.ArticleAsync())["id"]!.GetValue<long>();
        var db = factory.Services.GetRequiredService<Db>();
        Assert.Equal("Healthy", await SearchIndexStatusAsync());

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SearchIndexRebuild.ReindexAsync(db, [id], clearFirst: true, _ => stop.Cancel(), stop.Token));

        Assert.Equal("Degraded", await SearchIndexStatusAsync());
        var (exitCode, output) = await CommandRunner.RunAsync(factory.DatabasePath, "reindex");
        Assert.True(exitCode == 0, output);
        Assert.Equal("Healthy", await SearchIndexStatusAsync());
    }

    /// <summary>
    /// The command lists the articles, refreshes their excerpts, then clears the index: one the server wrote in between
    /// was indexed, cleared, and never put back (review).
    /// </summary>
    [Fact]
    public async Task An_article_written_after_the_rebuild_listed_the_articles_is_still_found_after_it()
    {
        var content = new TestContent(factory.Writer());
        var listed = (await content.ArticleAsync())["id"]!.GetValue<long>();
        var word = $"later{Guid.NewGuid():N}"[..20];
        var later = (await content.ArticleAsync(new() { ["title"] = $"Written {word}" }))["id"]!.GetValue<long>();

        var db = factory.Services.GetRequiredService<Db>();
        await SearchIndexRebuild.ReindexAsync(db, [listed], clearFirst: true, _ => { }, CancellationToken.None);
        await SearchAnalysis.RecordAsync(db, onlyWithoutArticles: false, CancellationToken.None); // as the command ends

        var found = JsonNode.Parse(await factory.Writer().GetStringAsync($"/api/v1/search?q={word}"))!["items"]!.AsArray();
        Assert.Equal([later], found.Select(item => item!["id"]!.GetValue<long>()));
    }

    private async Task<string> SearchIndexStatusAsync()
    {
        var ready = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/health/ready"))!;
        return ready["checks"]!["searchIndex"]!["status"]!.GetValue<string>();
    }
}
