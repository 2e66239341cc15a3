using ContentApi.Data;
using ContentApi.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>50 articles by one author, each with a second author (with an avatar), two tags, a cover and two inline images, all different.</summary>
public sealed class FiftyRichArticles : IAsyncLifetime
{
    public const int Count = 50;

    public ApiFactory Factory { get; } = new StatementCountingApiFactory();
    public long Author { get; private set; }

    public async Task InitializeAsync()
    {
        var writer = Factory.Writer();
        var content = new TestContent(writer);
        Author = await content.AuthorAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var coauthor = await writer.PostOkAsync("/api/v1/authors", new { name = $"Coauthor {Guid.NewGuid():N}", avatarImageId = await content.ImageAsync() });
            await writer.CreateArticleAsync([Author, coauthor.Id()], new()
            {
                ["tagIds"] = new[] { await content.TagAsync(), await content.TagAsync() },
                ["coverImageId"] = await content.ImageAsync("圖源:ifanr"),
                ["imageIds"] = new[] { await content.ImageAsync(), await content.ImageAsync() },
                ["publishedAt"] = DateTimeOffset.UtcNow.AddMinutes(-i),
            });
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// No N+1: a page costs a fixed number of SQL statements whatever its size and embeds, counted by SQLite's
/// own trace hook (Database:CountStatements).
/// </summary>
public sealed class StatementCountTests(FiftyRichArticles data) : IClassFixture<FiftyRichArticles>
{
    private const string AllEmbeds = "include=authors,tags,coverImage,images";

    private SqlStatementCounter Counter => data.Factory.Services.GetRequiredService<SqlStatementCounter>();

    /// <summary>
    /// The statements one GET ran, and its body (so a test can check the page really was that big). The same
    /// GET runs once before, unmeasured: a connection's first use of the full-text index loads its settings once.
    /// </summary>
    private async Task<(long Statements, System.Text.Json.Nodes.JsonObject Body)> CountAsync(string url)
    {
        var client = data.Factory.Anonymous();
        await client.GetJsonAsync(url);
        var before = Counter.Count;
        var body = await client.GetJsonAsync(url);
        return (Counter.Count - before, body);
    }

    [Fact]
    public async Task Counter_counts_statements_only_when_enabled()
    {
        Assert.True(Counter.Enabled);
        var (statements, _) = await CountAsync("/api/v1/tags?limit=1");
        // At least the connection pragmas, the page query and its count.
        Assert.InRange(statements, 3, 20);
        using var plain = new ApiFactory();
        var plainCounter = plain.Services.GetRequiredService<SqlStatementCounter>();
        await plain.Anonymous().GetJsonAsync("/api/v1/tags");
        Assert.False(plainCounter.Enabled);
        Assert.Equal(0, plainCounter.Count);
    }

    [Theory]
    [InlineData(AllEmbeds)]
    [InlineData(AllEmbeds + "&format=html,text")]
    [InlineData("include=")]
    [InlineData("fields=id,title,authors")]
    [InlineData("sort=title")]
    public async Task ListArticles_of_5_and_of_50_run_the_same_number_of_statements(string query)
    {
        var author = data.Author;
        var (small, smallBody) = await CountAsync($"/api/v1/articles?author={author}&limit=5&{query}");
        var (large, largeBody) = await CountAsync($"/api/v1/articles?author={author}&limit=50&{query}");
        Assert.Equal(5, smallBody.ItemIds().Count);
        Assert.Equal(FiftyRichArticles.Count, largeBody.ItemIds().Count);
        if (query.Contains("authors", StringComparison.Ordinal))
        {
            // 50 coauthors, each with an avatar of their own: the avatars come with the authors, not one statement each.
            Assert.All(largeBody["items"]!.AsArray(), item => Assert.NotNull(item!["authors"]![1]!["avatar"]));
        }
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task ListArticles_with_every_embed_costs_at_most_three_statements_more_than_without()
    {
        var author = data.Author;
        var (bare, _) = await CountAsync($"/api/v1/articles?author={author}&limit=50&include=");
        var (full, body) = await CountAsync($"/api/v1/articles?author={author}&limit=50&{AllEmbeds}");
        Assert.All(body["items"]!.AsArray(), item =>
        {
            Assert.Equal(2, item!["authors"]!.AsArray().Count);
            Assert.Null(item["authors"]![0]!["avatar"]);
            Assert.NotNull(item["authors"]![1]!["avatar"]);
            Assert.Equal(2, item["tags"]!.AsArray().Count);
            Assert.NotNull(item["coverImage"]);
            Assert.Equal(2, item["images"]!.AsArray().Count);
        });
        Assert.InRange(full - bare, 1, 3);
    }

    [Fact]
    public async Task Next_page_by_cursor_costs_what_the_first_page_costs()
    {
        var author = data.Author;
        var (first, firstBody) = await CountAsync($"/api/v1/articles?author={author}&limit=10&{AllEmbeds}");
        var (second, _) = await CountAsync($"/api/v1/articles?author={author}&limit=10&{AllEmbeds}&cursor={firstBody.NextCursor()}");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ListAuthors_with_avatars_and_ListTags_and_ListImages_cost_the_same_for_5_and_50()
    {
        foreach (var resource in new[] { "authors", "tags", "images" })
        {
            var (small, smallBody) = await CountAsync($"/api/v1/{resource}?limit=5");
            var (large, largeBody) = await CountAsync($"/api/v1/{resource}?limit=50");
            Assert.Equal(5, smallBody.ItemIds().Count);
            Assert.Equal(50, largeBody.ItemIds().Count);
            Assert.True(small == large, $"{resource}: {small} statements for 5 items, {large} for 50");
        }
    }

    [Fact]
    public async Task Search_of_5_and_of_50_results_run_the_same_number_of_statements()
    {
        var (small, smallBody) = await CountAsync("/api/v1/search?q=markdown&limit=5");
        var (large, largeBody) = await CountAsync("/api/v1/search?q=markdown&limit=50");
        Assert.Equal(5, smallBody.ItemIds().Count);
        Assert.Equal(50, largeBody.ItemIds().Count);
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Search_sorted_by_date_and_filtered_by_date_costs_what_a_ranked_search_costs()
    {
        var (ranked, _) = await CountAsync("/api/v1/search?q=markdown&limit=50");
        var (byDate, body) = await CountAsync("/api/v1/search?q=markdown&limit=50&sort=-publishedAt&publishedAfter=2000-01-01");
        Assert.Equal(50, body.ItemIds().Count);
        Assert.Equal(ranked, byDate);
    }

    [Fact]
    public async Task A_search_on_a_fresh_connection_counts_what_it_counts_on_a_used_one()
    {
        const string url = "/api/v1/search?q=markdown&limit=5";
        var (used, _) = await CountAsync(url);
        // New connections, on which FTS5 first loads its settings.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = Counter.Count;
        await data.Factory.Anonymous().GetJsonAsync(url);
        Assert.Equal(used, Counter.Count - before);
    }
}
