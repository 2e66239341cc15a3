using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using ContentApi.Search;
using ContentApi.TestSupport;
using Dapper;
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
    /// A <c>reindex</c> in place (after an upgrade changed the analysis) stopped with Ctrl+C: the batches it committed
    /// leave the content version alone, which its last step advances, so that step never ran and anonymous searches
    /// cached before it went on missing what it had reindexed until the next write (operator). A stop now advances it.
    /// </summary>
    [Fact]
    public async Task A_reindex_in_place_that_stops_makes_what_it_reindexed_visible_to_cached_searches()
    {
        var word = "qz" + string.Concat(Guid.NewGuid().ToByteArray().Select(b => (char)('a' + b % 26)));
        var id = (await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"Reindexed {word}" }))["id"]!.GetValue<long>();
        using (var drift = factory.OpenDatabase())
        {
            // An index behind its article, as one built by an earlier analysis is: its entry lost.
            drift.Execute("DELETE FROM articles_fts WHERE rowid = @Id", new { Id = id });
        }
        Assert.Equal(0, (await factory.Anonymous().SearchAsync(word)).Total()); // now cached
        var db = factory.Services.GetRequiredService<Db>();

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SearchIndexRebuild.ReindexAsync(db, [id], clearFirst: false, _ => stop.Cancel(), stop.Token));

        using (var connection = factory.OpenDatabase())
        {
            Assert.Equal(id, connection.ExecuteScalar<long>("SELECT rowid FROM articles_fts WHERE articles_fts MATCH @Word", new { Word = word }));
        }
        Assert.Equal(1, (await factory.Anonymous().SearchAsync(word)).Total());
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
