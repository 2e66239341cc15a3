using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Reading;
using ContentApi.IntegrationTests.Search;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// <c>DELETE /api/v1/articles/303</c> was final: only a whole-database restore brought it back. The delete keeps its
/// last version as a revision, and <c>POST /api/v1/articles/{id}/restore</c> brings the article back from it.
/// </summary>
public sealed class ArticleRestoreTests : IDisposable
{
    private readonly FakeClockApiFactory _factory = new();
    private readonly TestContent _content;

    public ArticleRestoreTests() => _content = new(_factory.Writer());

    public void Dispose() => _factory.Dispose();

    private async Task DeleteAsync(long id)
    {
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.Writer().DeleteAsync($"/api/v1/articles/{id}")).StatusCode);
    }

    private Task<HttpResponseMessage> RestoreAsync(long id)
    {
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return _factory.Writer().PostAsync($"/api/v1/articles/{id}/restore", null);
    }

    [Fact]
    public async Task A_deleted_article_comes_back_with_its_id_and_content_and_is_found_by_search_again()
    {
        var tag = await _content.TagAsync();
        var article = await _content.ArticleAsync(new() { ["title"] = "Quokkazanzibar returns", ["body"] = "正文。\n\nquokkazanzibar", ["tagIds"] = new[] { tag } });
        var id = article.Id();
        Assert.Equal([id], (await _factory.Anonymous().SearchAsync("quokkazanzibar")).Ids());
        await DeleteAsync(id);
        Assert.Empty((await _factory.Anonymous().SearchAsync("quokkazanzibar")).Ids());
        Assert.Single((await _factory.Reader().GetJsonAsync($"/api/v1/articles/{id}/revisions"))["items"]!.AsArray());

        var restored = await (await RestoreAsync(id)).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(id, restored.Id());
        var read = await _factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}");
        foreach (var field in new[] { "title", "body", "slug", "status", "publishedAt", "createdAt", "excerpt" })
        {
            Assert.Equal(article[field]!.ToJsonString(), read[field]!.ToJsonString());
        }
        Assert.Equal([tag], read["tags"]!.AsArray().Select(t => t!.Id()));
        Assert.True(read["version"]!.GetValue<long>() > article["version"]!.GetValue<long>());
        Assert.Equal([id], (await _factory.Anonymous().SearchAsync("quokkazanzibar")).Ids());
        var synced = await _factory.Anonymous().GetJsonAsync("/api/v1/articles?updatedAfter=" + Uri.EscapeDataString(_factory.Clock.GetUtcNow().AddSeconds(-1).ToString("O")));
        Assert.Equal([id], synced.ItemIds());
    }

    [Fact]
    public async Task A_restore_is_refused_when_another_article_took_the_slug_meanwhile()
    {
        var article = await _content.ArticleAsync(new() { ["slug"] = "taken-meanwhile" });
        await DeleteAsync(article.Id());
        var taker = await _content.ArticleAsync(new() { ["slug"] = "taken-meanwhile" });

        var problem = await (await RestoreAsync(article.Id())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("slug_taken", problem["code"]!.GetValue<string>());
        Assert.Equal(taker.Id(), problem["conflictingId"]!.GetValue<long>());
        await (await _factory.Reader().GetAsync($"/api/v1/articles/{article.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_restore_is_refused_naming_a_tag_deleted_meanwhile()
    {
        var tag = await _content.TagAsync();
        var article = await _content.ArticleAsync(new() { ["tagIds"] = new[] { tag } });
        await DeleteAsync(article.Id());
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.Writer().DeleteAsync($"/api/v1/tags/{tag}")).StatusCode);

        var problem = await (await RestoreAsync(article.Id())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("reference_conflict", problem["code"]!.GetValue<string>());
        Assert.Contains($"tag with id {tag}", problem["errors"]!["tagIds[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_of_an_article_that_exists_or_never_did_is_refused()
    {
        var article = await _content.ArticleAsync();

        await (await RestoreAsync(article.Id())).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await RestoreAsync(article.Id() + 1000)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _factory.Reader().PostAsync($"/api/v1/articles/{article.Id()}/restore", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A restore whose 201 was lost, retried, was a 409 already_exists: it took no Idempotency-Key.</summary>
    [Fact]
    public async Task A_retried_restore_with_its_Idempotency_Key_replays_its_201_and_the_key_on_another_article_is_a_422()
    {
        var article = await _content.ArticleAsync();
        var other = await _content.ArticleAsync();
        await DeleteAsync(article.Id());
        await DeleteAsync(other.Id());
        var key = Guid.NewGuid().ToString("N");

        var first = await _factory.Writer().SendAsync(KeyedRestore(article.Id(), key));
        var retry = await _factory.Writer().SendAsync(KeyedRestore(article.Id(), key));
        var onAnother = await _factory.Writer().SendAsync(KeyedRestore(other.Id(), key));

        var restored = await first.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(restored.ToJsonString(), (await retry.AssertJsonAsync(HttpStatusCode.Created)).ToJsonString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal($"/api/v1/articles/{article.Id()}", retry.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal("idempotency_key_reused", (await onAnother.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        await (await _factory.Reader().GetAsync($"/api/v1/articles/{other.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static HttpRequestMessage KeyedRestore(long id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/articles/{id}/restore");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task The_revisions_of_a_deleted_article_stay_readable()
    {
        var article = await _content.ArticleAsync(new() { ["title"] = "Before the delete" });
        await DeleteAsync(article.Id());

        var revision = await _factory.Reader().GetJsonAsync($"/api/v1/articles/{article.Id()}/revisions/{article["version"]!.GetValue<long>()}");
        Assert.Equal("Before the delete", revision.Text("title"));
    }
}
