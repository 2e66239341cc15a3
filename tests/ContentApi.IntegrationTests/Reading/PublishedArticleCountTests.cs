using System.Net;
using System.Net.Http.Json;
using ContentApi.Data;
using ContentApi.IntegrationTests.Operations;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A tag's or an author's publishedArticleCount is kept by triggers (migration 0016) instead of counted on every read.
/// Whatever writes the articles, the count served must equal the articles a count over the tables finds: published,
/// and not scheduled for later.
/// </summary>
public sealed class PublishedArticleCountTests : IDisposable
{
    private const string CountedTagsSql = """
        SELECT t.id, (SELECT count(*) FROM article_tags x JOIN articles a ON a.id = x.article_id
                      WHERE x.tag_id = t.id AND a.status = 'published' AND a.published_at <= @Now) FROM tags t
        """;

    private const string CountedAuthorsSql = """
        SELECT au.id, (SELECT count(*) FROM article_authors x JOIN articles a ON a.id = x.article_id
                       WHERE x.author_id = au.id AND a.status = 'published' AND a.published_at <= @Now) FROM authors au
        """;

    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Counts_follow_creates_relinks_status_changes_schedules_and_deletes()
    {
        var writer = _factory.Writer();
        var content = new TestContent(writer);
        var tags = new List<long>();
        var authors = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            tags.Add(await content.TagAsync());
            authors.Add(await content.AuthorAsync());
        }
        var random = new Random(16);
        var articles = new List<long>();
        for (var step = 0; step < 48; step++)
        {
            var change = articles.Count < 3 ? 0 : random.Next(6);
            switch (change)
            {
                case 0:
                    articles.Add((await content.ArticleAsync(WithLinks(random, tags, authors, RandomArticleWrites.Visibility(random))))["id"]!.GetValue<long>());
                    break;
                case 1:
                    await writer.PatchOkAsync($"/api/v1/articles/{articles[random.Next(articles.Count)]}", WithLinks(random, tags, authors, []));
                    break;
                case 2 or 3:
                    await writer.PatchOkAsync($"/api/v1/articles/{articles[random.Next(articles.Count)]}", RandomArticleWrites.Visibility(random));
                    break;
                case 4:
                    await writer.PatchOkAsync($"/api/v1/articles/{articles[random.Next(articles.Count)]}", new() { ["subtitle"] = $"step {step}" });
                    break;
                default:
                    var deleted = articles[random.Next(articles.Count)];
                    Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/articles/{deleted}")).StatusCode);
                    articles.Remove(deleted);
                    break;
            }
            await AssertServedCountsEqualCountedAsync($"step {step} (change {change})");
        }
        Assert.Contains(await ServedCountsAsync("tags"), c => c.Value > 0);
    }

    [Fact]
    public async Task An_imported_export_counts_its_published_articles()
    {
        var content = new TestContent(_factory.Writer());
        var tag = await content.TagAsync();
        var author = await content.AuthorAsync();
        foreach (var visibility in new Dictionary<string, object?>[] { [], [], new() { ["status"] = "draft" }, new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(3) } })
        {
            await content.ArticleAsync(new(visibility) { ["tagIds"] = new[] { tag }, ["authorIds"] = new[] { author } });
        }
        var folder = CommandRunner.TempDirectory();
        Assert.Equal(0, (await CommandRunner.RunAsync(_factory.DatabasePath, "export", folder)).ExitCode);
        var imported = Path.Combine(CommandRunner.TempDirectory(), "imported.db");
        Assert.Equal(0, (await CommandRunner.RunAsync(imported, "import", folder)).ExitCode);

        using var importedApp = new OnDatabaseFile(imported);
        var anonymous = importedApp.Anonymous();
        Assert.Equal(2, (await anonymous.GetJsonAsync($"/api/v1/tags/{tag}"))["publishedArticleCount"]!.GetValue<long>());
        Assert.Equal(2, (await anonymous.GetJsonAsync($"/api/v1/authors/{author}"))["publishedArticleCount"]!.GetValue<long>());
    }

    /// <summary>A restore applies the migration again to a snapshot whose record of it is older (see 0012): it counts afresh.</summary>
    [Fact]
    public async Task Applying_the_migration_again_counts_afresh()
    {
        var content = new TestContent(_factory.Writer());
        var tag = await content.TagAsync();
        await content.ArticleAsync(new() { ["tagIds"] = new[] { tag } });
        await using (var connection = _factory.OpenDatabase())
        {
            await connection.ExecuteAsync("""
                UPDATE tag_published_counts SET articles = 99;
                UPDATE author_published_counts SET articles = 99;
                DELETE FROM schema_migrations WHERE version >= 16;
                """);
        }

        using var again = new OnDatabaseFile(_factory.DatabasePath);
        Assert.Equal(1, (await again.Anonymous().GetJsonAsync($"/api/v1/tags/{tag}"))["publishedArticleCount"]!.GetValue<long>());
        await using var reopened = again.OpenDatabase();
        Assert.Equal(Migrator.LatestVersion, await reopened.ExecuteScalarAsync<long>("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0, await reopened.ExecuteScalarAsync<long>("SELECT count(*) FROM author_published_counts WHERE articles = 99"));
    }

    private static Dictionary<string, object?> WithLinks(Random random, List<long> tags, List<long> authors, Dictionary<string, object?> fields) =>
        new(fields)
        {
            ["tagIds"] = tags.Where(_ => random.Next(2) == 0).ToArray(),
            ["authorIds"] = authors.Where(_ => random.Next(2) == 0).DefaultIfEmpty(authors[0]).ToArray(),
        };

    private async Task AssertServedCountsEqualCountedAsync(string when)
    {
        await using var connection = _factory.OpenDatabase();
        var now = new { Now = Timestamps.ToDb(DateTimeOffset.UtcNow) };
        foreach (var (resource, sql) in new[] { ("tags", CountedTagsSql), ("authors", CountedAuthorsSql) })
        {
            var counted = (await connection.QueryAsync<(long Id, long Count)>(sql, now)).ToDictionary(r => r.Id, r => r.Count);
            var served = await ServedCountsAsync(resource);
            Assert.True(counted.Count == served.Count && counted.All(c => served[c.Key] == c.Value),
                $"{resource} after {when}: counted {string.Join(", ", counted)}; served {string.Join(", ", served)}");
            foreach (var (id, count) in counted)
            {
                var one = (await _factory.Reader().GetJsonAsync($"/api/v1/{resource}/{id}"))["publishedArticleCount"]!.GetValue<long>();
                Assert.True(one == count, $"{resource}/{id} after {when}: counted {count}; served {one}");
            }
        }
    }

    private async Task<Dictionary<long, long>> ServedCountsAsync(string resource)
    {
        var list = await _factory.Reader().GetJsonAsync($"/api/v1/{resource}?limit=100");
        return list["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<long>(), i => i!["publishedArticleCount"]!.GetValue<long>());
    }
}
