using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.IntegrationTests.Search;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The writer commits the writes queued at the time in one transaction. Each still gets its own outcome: a refused
/// or failing write takes nothing of the others with it, and the search index sees every kept write. Each test holds
/// the writer, queues its writes, checks that they are all waiting, and lets them go together.
/// </summary>
public sealed class GroupCommitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private Db Db => factory.Services.GetRequiredService<Db>();

    private static string Nonce() => "g" + Guid.NewGuid().ToString("N")[..12];

    private static long Id(JsonNode node) => node["id"]!.GetValue<long>();

    private Task<HttpResponseMessage> CreateArticleAsync(string title, long authorId) =>
        factory.Writer().PostAsJsonAsync("/api/v1/articles", new
        {
            title,
            body = $"正文提到 {title} 與通義千問。",
            language = "zh-Hant",
            authorIds = new[] { authorId },
            status = "published",
        }, HttpAssertions.Json);

    private async Task<List<long>> FoundAsync(string q) => (await factory.Anonymous().SearchAsync(q)).Ids();

    /// <summary>Every committed content transaction advances it by one, however many writes it held.</summary>
    private long ContentVersion()
    {
        using var connection = factory.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT version FROM content_version");
    }

    [Fact]
    public async Task Creates_queued_together_each_get_their_own_article_and_are_all_found_by_the_next_search()
    {
        var authorId = await _content.AuthorAsync();
        var titles = Enumerable.Range(0, 6).Select(_ => Nonce()).ToList();

        var version = ContentVersion();
        Task<HttpResponseMessage[]> creates;
        await using (await WriterHeld.StartAsync(Db))
        {
            creates = Task.WhenAll(titles.Select(t => CreateArticleAsync(t, authorId)));
            await WaitUntilQueuedAsync(titles.Count);
        }
        var responses = await creates;
        Assert.Equal(version + 1, ContentVersion());

        var articles = new List<JsonObject>();
        foreach (var response in responses)
        {
            articles.Add(await response.AssertJsonAsync(HttpStatusCode.Created));
        }
        Assert.Equal(titles, articles.Select(a => a["title"]!.GetValue<string>()));
        Assert.Equal(titles.Count, articles.Select(Id).Distinct().Count());
        for (var i = 0; i < titles.Count; i++)
        {
            Assert.Equal([Id(articles[i])], await FoundAsync(titles[i]));
        }
    }

    [Fact]
    public async Task A_refused_write_queued_with_others_leaves_no_trace_and_takes_none_of_them_along()
    {
        var authorId = await _content.AuthorAsync();
        var edited = await _content.ArticleAsync(new() { ["title"] = Nonce() });
        var (first, stale, second) = (Nonce(), Nonce(), Nonce());
        // A PUT: a stale PATCH is refused before it is queued (its preconditions are checked on the version it read).
        var staleReplace = ConcurrencyTests.AsReplaceRequest(edited, "stale");
        staleReplace["title"] = stale;
        var stalePut = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/articles/{Id(edited)}") { Content = HttpAssertions.JsonBody(staleReplace) };
        stalePut.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        var version = ContentVersion();
        Task<HttpResponseMessage[]> writes;
        await using (await WriterHeld.StartAsync(Db))
        {
            writes = Task.WhenAll(
                CreateArticleAsync(first, authorId),
                factory.Writer().SendAsync(stalePut),
                factory.Writer().DeleteAsync("/api/v1/articles/999999999"),
                CreateArticleAsync(second, authorId));
            await WaitUntilQueuedAsync(4);
        }
        var responses = await writes;
        Assert.Equal(version + 1, ContentVersion()); // refusals that changed nothing leave the others' transaction alone

        var created = await responses[0].AssertJsonAsync(HttpStatusCode.Created);
        await responses[1].AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await responses[2].AssertProblemAsync(HttpStatusCode.NotFound);
        var createdToo = await responses[3].AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal([Id(created)], await FoundAsync(first));
        Assert.Equal([Id(createdToo)], await FoundAsync(second));
        Assert.Empty(await FoundAsync(stale));
        var unchanged = await (await factory.Writer().GetAsync($"/api/v1/articles/{Id(edited)}")).AssertJsonAsync();
        Assert.Equal(edited["title"]!.GetValue<string>(), unchanged["title"]!.GetValue<string>());
        Assert.Equal(1, unchanged["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_write_that_throws_among_others_fails_alone_and_its_changes_are_undone()
    {
        var authorId = await _content.AuthorAsync();
        var victim = await _content.ArticleAsync(new() { ["title"] = Nonce() });
        var (before, poisoned, after) = (Nonce(), Nonce(), Nonce());

        var version = ContentVersion();
        Task<HttpResponseMessage[]> creates;
        Task<int> failing;
        await using (await WriterHeld.StartAsync(Db))
        {
            var beforeCreate = CreateArticleAsync(before, authorId);
            await WaitUntilQueuedAsync(1);
            failing = Db.WriteAsync<int>(async (connection, transaction) =>
            {
                await connection.ExecuteAsync("UPDATE articles SET title = @Title WHERE id = @Id", new { Title = poisoned, Id = Id(victim) }, transaction);
                throw new InvalidOperationException("this write fails halfway");
            }, CancellationToken.None);
            var afterCreate = CreateArticleAsync(after, authorId);
            await WaitUntilQueuedAsync(3);
            creates = Task.WhenAll(beforeCreate, afterCreate);
        }
        var responses = await creates;
        Assert.Equal(version + 2, ContentVersion()); // rolled back whole, then one transaction per write

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this write fails halfway", failure.Message);
        Assert.Equal([Id(await responses[0].AssertJsonAsync(HttpStatusCode.Created))], await FoundAsync(before));
        Assert.Equal([Id(await responses[1].AssertJsonAsync(HttpStatusCode.Created))], await FoundAsync(after));
        var unchanged = await (await factory.Writer().GetAsync($"/api/v1/articles/{Id(victim)}")).AssertJsonAsync();
        Assert.Equal(victim["title"]!.GetValue<string>(), unchanged["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_write_whose_caller_has_gone_by_its_turn_is_left_out_and_the_others_commit_together()
    {
        var (first, gone, last) = (await _content.ArticleAsync(), await _content.ArticleAsync(), await _content.ArticleAsync());
        using var leaving = new CancellationTokenSource();
        var version = ContentVersion();

        Task<int> firstWrite, goneWrite, lastWrite;
        await using (await WriterHeld.StartAsync(Db))
        {
            // The first write of the transaction cancels the second's caller: it is gone once the writer has taken it.
            firstWrite = RetitleAsync(Id(first), "first", () => leaving.Cancel(), CancellationToken.None);
            goneWrite = RetitleAsync(Id(gone), "gone", () => { }, leaving.Token);
            lastWrite = RetitleAsync(Id(last), "last", () => { }, CancellationToken.None);
            await WaitUntilQueuedAsync(3);
        }

        Assert.Equal(1, await firstWrite);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => goneWrite);
        Assert.Equal(1, await lastWrite);
        Assert.Equal(version + 1, ContentVersion());
        using var connection = factory.OpenDatabase();
        Assert.Equal("first", connection.ExecuteScalar<string>("SELECT title FROM articles WHERE id = @Id", new { Id = Id(first) }));
        Assert.Equal(gone["title"]!.GetValue<string>(), connection.ExecuteScalar<string>("SELECT title FROM articles WHERE id = @Id", new { Id = Id(gone) }));
        Assert.Equal("last", connection.ExecuteScalar<string>("SELECT title FROM articles WHERE id = @Id", new { Id = Id(last) }));

        Task<int> RetitleAsync(long id, string title, Action then, CancellationToken cancellationToken) =>
            Db.WriteAsync(async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync("UPDATE articles SET title = @Title WHERE id = @Id", new { Title = title, Id = id }, transaction);
                then();
                return changed;
            }, cancellationToken);
    }

    [Fact]
    public async Task A_text_edit_and_a_replace_keeping_that_text_in_one_transaction_leave_the_new_text_in_the_index()
    {
        // The second replace finds the first one's text stored and skips the index: the first one's entry must stand.
        var authorId = await _content.AuthorAsync();
        var (oldTitle, newTitle) = (Nonce(), Nonce());
        var created = await (await CreateArticleAsync(oldTitle, authorId)).AssertJsonAsync(HttpStatusCode.Created);
        var url = $"/api/v1/articles/{Id(created)}";
        object Replacement(string? canonicalUrl) => new
        {
            title = newTitle, body = "改寫後的正文。", language = "zh-Hant", authorIds = new[] { authorId },
            status = "published", canonicalUrl,
        };

        Task<HttpResponseMessage[]> writes;
        await using (await WriterHeld.StartAsync(Db))
        {
            writes = Task.WhenAll(
                factory.Writer().PutAsJsonAsync(url, Replacement(null), HttpAssertions.Json),
                factory.Writer().PutAsJsonAsync(url, Replacement("https://example.com/original"), HttpAssertions.Json));
            await WaitUntilQueuedAsync(2);
        }

        Assert.All(await writes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([Id(created)], await FoundAsync(newTitle));
        Assert.Empty(await FoundAsync(oldTitle));
    }

    [Fact]
    public async Task An_author_renamed_in_the_same_transaction_as_an_edit_of_their_article_reaches_the_index_with_it()
    {
        var authorId = await _content.AuthorAsync(Nonce());
        var article = await _content.ArticleAsync(new() { ["title"] = Nonce(), ["authorIds"] = new[] { authorId } });
        var (newTitle, newName, laterTitle) = (Nonce(), Nonce(), Nonce());

        Task<HttpResponseMessage[]> writes;
        await using (await WriterHeld.StartAsync(Db))
        {
            writes = Task.WhenAll(
                factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { title = newTitle }),
                factory.Writer().PatchMergeAsync($"/api/v1/authors/{authorId}", new { name = newName }));
            await WaitUntilQueuedAsync(2);
        }
        var responses = await writes;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([Id(article)], await FoundAsync(newTitle));
        Assert.Equal([Id(article)], await FoundAsync(newName));
        Assert.Empty(await FoundAsync(article["title"]!.GetValue<string>()));

        // The same two writes in the other order, with the article edited again after the rename.
        await using (await WriterHeld.StartAsync(Db))
        {
            writes = Task.WhenAll(
                factory.Writer().PatchMergeAsync($"/api/v1/authors/{authorId}", new { name = Nonce() }),
                factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { title = laterTitle }));
            await WaitUntilQueuedAsync(2);
        }
        responses = await writes;
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([Id(article)], await FoundAsync(laterTitle));
        Assert.Empty(await FoundAsync(newTitle));
        Assert.Empty(await FoundAsync(newName));
    }

    private Task WaitUntilQueuedAsync(int count) => WriterHeld.UntilQueuedAsync(Db, count);
}
