using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// The index changes in the same transaction as every write: a search right after the response sees the change.
/// Each test searches for its own nonce words.
/// </summary>
public sealed class SearchIndexConsistencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private static string Nonce() => "w" + Guid.NewGuid().ToString("N")[..12];

    private Task<JsonObject> ArticleAsync(string title, string body = "Body.", params (string Key, object? Value)[] extra) =>
        _content.ArticleAsync(new Dictionary<string, object?>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))) { ["title"] = title, ["body"] = body });

    /// <summary>Ids found for <paramref name="q"/> by /search and by the list's q, anonymously and with a read key (all four must agree).</summary>
    private async Task<List<long>> FoundAsync(string q)
    {
        var results = new[]
        {
            (await factory.Anonymous().SearchAsync(q)).Ids(),
            (await factory.Anonymous().ListAsync(q)).Ids(),
            (await factory.Reader().SearchAsync(q)).Ids(),
            (await factory.Reader().ListAsync(q)).Ids(),
        };
        Assert.All(results, r => Assert.Equal(results[0].Order(), r.Order()));
        return results[0];
    }

    private static long Id(JsonNode node) => node["id"]!.GetValue<long>();

    [Fact]
    public async Task CreateArticle_is_found_by_the_next_search()
    {
        var (t, s, e, b) = (Nonce(), Nonce(), Nonce(), Nonce());

        var article = await ArticleAsync($"{t} 標題", $"正文 {b}", ("subtitle", s), ("excerpt", e));

        Assert.Equal([Id(article)], await FoundAsync(t));
        Assert.Equal([Id(article)], await FoundAsync(s));
        Assert.Equal([Id(article)], await FoundAsync(e));
        Assert.Equal([Id(article)], await FoundAsync(b));
    }

    [Fact]
    public async Task DeleteArticle_is_never_found_again()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} doomed");
        var kept = await ArticleAsync($"{n} kept");

        var response = await factory.Writer().DeleteAsync($"/api/v1/articles/{Id(article)}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        Assert.Equal([Id(kept)], await FoundAsync(n));
        Assert.Empty(await FoundAsync($"{n} doomed"));
        Assert.Equal(1, (await factory.Reader().SearchAsync(n)).Total());
        using var db = factory.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles_fts WHERE rowid = $id";
        command.Parameters.AddWithValue("$id", Id(article));
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task ReplaceArticle_title_old_words_stop_matching_and_new_ones_match()
    {
        var (old, @new) = (Nonce(), Nonce());
        var article = await ArticleAsync($"{old} 舊標題");
        var authorIds = article["authors"]!.AsArray().Select(a => Id(a!)).ToArray();

        var response = await factory.Writer().PutAsJsonAsync($"/api/v1/articles/{Id(article)}", new
        {
            title = $"{@new} 新標題", body = "Body.", language = "en", authorIds, status = "published",
        }, HttpAssertions.Json);
        await response.AssertJsonAsync();

        Assert.Empty(await FoundAsync(old));
        Assert.Empty(await FoundAsync($"舊標題 {@new}"));
        Assert.Equal([Id(article)], await FoundAsync(@new));
        Assert.Equal([Id(article)], await FoundAsync($"新標題 {@new}"));
    }

    [Fact]
    public async Task PatchArticle_title_and_body_old_words_stop_matching_and_new_ones_match()
    {
        var (oldTitle, newTitle, oldBody, newBody) = (Nonce(), Nonce(), Nonce(), Nonce());
        var article = await ArticleAsync($"{oldTitle} title", $"Body {oldBody}.");

        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { title = $"{newTitle} title" })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(oldTitle));
        Assert.Equal([Id(article)], await FoundAsync(newTitle));
        Assert.Equal([Id(article)], await FoundAsync(oldBody)); // untouched fields stay indexed

        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { body = $"Body {newBody}." })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(oldBody));
        Assert.Equal([Id(article)], await FoundAsync(newBody));
        Assert.Equal([Id(article)], await FoundAsync(newTitle));
    }

    [Fact]
    public async Task PatchArticle_unpublishing_hides_it_from_anonymous_search_at_once()
    {
        var n = Nonce();
        var article = await ArticleAsync($"{n} visible");

        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { status = "draft", publishedAt = (string?)null })).AssertJsonAsync();

        Assert.Empty((await factory.Anonymous().SearchAsync(n)).Ids());
        Assert.Equal([Id(article)], (await factory.Reader().SearchAsync(n)).Ids());
    }

    [Fact]
    public async Task RenameAuthor_makes_their_articles_findable_by_the_new_name_only()
    {
        var (old, @new) = (Nonce(), Nonce());
        var author = await _content.AuthorAsync($"{old} 王小明");
        var first = await ArticleAsync("First", "Body.", ("authorIds", new[] { author }));
        var second = await ArticleAsync("Second", "Body.", ("authorIds", new[] { await _content.AuthorAsync(), author }));
        Assert.Equal(new[] { Id(first), Id(second) }.Order(), (await FoundAsync(old)).Order());

        await (await factory.Writer().PatchMergeAsync($"/api/v1/authors/{author}", new { name = $"{@new} 王大明" })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(old));
        Assert.Empty(await FoundAsync("王小明"));
        Assert.Equal(new[] { Id(first), Id(second) }.Order(), (await FoundAsync(@new)).Order());
        Assert.Equal(new[] { Id(first), Id(second) }.Order(), (await FoundAsync($"{@new} 王大明")).Order());
    }

    [Fact]
    public async Task ReplaceAuthor_with_a_new_name_reindexes_their_articles()
    {
        var (old, @new) = (Nonce(), Nonce());
        var author = await _content.AuthorAsync($"{old} Writer");
        var article = await ArticleAsync("Title", "Body.", ("authorIds", new[] { author }));

        var response = await factory.Writer().PutAsJsonAsync($"/api/v1/authors/{author}", new { name = $"{@new} Writer", email = "author@example.com" }, HttpAssertions.Json);
        await response.AssertJsonAsync();

        Assert.Empty(await FoundAsync(old));
        Assert.Equal([Id(article)], await FoundAsync(@new));
    }

    [Fact]
    public async Task RenameTag_makes_its_articles_findable_by_the_new_name_only()
    {
        var (old, @new) = (Nonce(), Nonce());
        var tag = await _content.TagAsync($"{old} 電動車");
        var article = await ArticleAsync("Title", "Body.", ("tagIds", new[] { tag }));
        Assert.Equal([Id(article)], await FoundAsync(old));

        await (await factory.Writer().PatchMergeAsync($"/api/v1/tags/{tag}", new { name = $"{@new} 新能源" })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(old));
        Assert.Empty(await FoundAsync($"{@new} 電動車"));
        Assert.Equal([Id(article)], await FoundAsync($"{@new} 新能源"));
    }

    [Fact]
    public async Task ReplaceArticle_removing_a_tag_stops_matching_its_name()
    {
        var n = Nonce();
        var tag = await _content.TagAsync($"{n} tag");
        var article = await ArticleAsync("Title", "Body.", ("tagIds", new[] { tag }));
        Assert.Equal([Id(article)], await FoundAsync(n));

        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { tagIds = Array.Empty<long>() })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(n));
    }

    [Fact]
    public async Task PatchArticle_leaving_its_indexed_text_alone_does_not_rewrite_the_index_and_it_is_still_found()
    {
        var (word, tagWord, credit) = (Nonce(), Nonce(), Nonce());
        var article = await ArticleAsync($"{word} title", "Body.",
            ("tagIds", new[] { await _content.TagAsync($"{tagWord} tag") }), ("coverImageId", await _content.ImageAsync($"圖源:{credit}")));
        var url = $"/api/v1/articles/{Id(article)}";
        var indexRows = await IndexRowsAsync();

        foreach (var patch in new object[]
        {
            new { slug = $"moved-{word}", canonicalUrl = "https://example.com/original" },
            new { publishedAt = DateTimeOffset.UtcNow.AddDays(-3) },
            new { status = "draft" },
            new { status = "published" },
        })
        {
            await (await factory.Writer().PatchMergeAsync(url, patch)).AssertJsonAsync();
        }

        Assert.Equal(indexRows, await IndexRowsAsync());
        Assert.Equal([Id(article)], await FoundAsync(word));
        Assert.Equal([Id(article)], await FoundAsync(tagWord));
        Assert.Equal([Id(article)], await FoundAsync(credit));
    }

    [Fact]
    public async Task PatchArticle_changing_its_authors_cover_or_inline_images_reindexes_their_names()
    {
        var (authorWord, coverWord, inlineWord) = (Nonce(), Nonce(), Nonce());
        var article = await ArticleAsync("Title", "Body.");
        var url = $"/api/v1/articles/{Id(article)}";
        var author = await _content.AuthorAsync($"{authorWord} Writer");
        var cover = await _content.ImageAsync($"圖源:{coverWord}");
        var inline = await _content.ImageAsync(caption: $"{inlineWord} 現場");

        await (await factory.Writer().PatchMergeAsync(url, new { authorIds = new[] { author } })).AssertJsonAsync();
        Assert.Equal([Id(article)], await FoundAsync(authorWord));
        await (await factory.Writer().PatchMergeAsync(url, new { coverImageId = cover })).AssertJsonAsync();
        Assert.Equal([Id(article)], await FoundAsync(coverWord));
        await (await factory.Writer().PatchMergeAsync(url, new { imageIds = new[] { inline } })).AssertJsonAsync();
        Assert.Equal([Id(article)], await FoundAsync(inlineWord));
        await (await factory.Writer().PatchMergeAsync(url, new { coverImageId = (long?)null, imageIds = Array.Empty<long>() })).AssertJsonAsync();
        Assert.Empty(await FoundAsync(coverWord));
        Assert.Empty(await FoundAsync(inlineWord));
    }

    /// <summary>Rows of the index's own storage: every rewrite of an article adds a segment.</summary>
    private async Task<long> IndexRowsAsync()
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM articles_fts_data");
    }

    [Fact]
    public async Task ChangeImage_credit_or_caption_reindexes_articles_using_it_as_cover_or_inline()
    {
        var (oldCredit, newCredit, oldCaption, newCaption) = (Nonce(), Nonce(), Nonce(), Nonce());
        var image = await _content.ImageAsync($"圖源:{oldCredit}", $"{oldCaption} 發布會現場");
        var withCover = await ArticleAsync("Cover", "Body.", ("coverImageId", image));
        var withInline = await ArticleAsync("Inline", $"Text.\n\n![示意圖](image:{image})\n", ("imageIds", new[] { image }));
        var both = new[] { Id(withCover), Id(withInline) }.Order().ToList();
        Assert.Equal(both, (await FoundAsync(oldCredit)).Order());
        Assert.Equal(both, (await FoundAsync(oldCaption)).Order());

        await (await factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", new { credit = $"圖源:{newCredit}" })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(oldCredit));
        Assert.Equal(both, (await FoundAsync(newCredit)).Order());
        Assert.Equal(both, (await FoundAsync(oldCaption)).Order());

        await (await factory.Writer().PatchMergeAsync($"/api/v1/images/{image}", new { caption = $"{newCaption} 頒獎典禮" })).AssertJsonAsync();

        Assert.Empty(await FoundAsync(oldCaption));
        Assert.Empty(await FoundAsync($"{newCredit} 發布會現場"));
        Assert.Equal(both, (await FoundAsync($"{newCaption} 頒獎典禮")).Order());
        Assert.Equal(both, (await FoundAsync(newCredit)).Order());
    }

    [Fact]
    public async Task FailedWrite_leaves_the_index_unchanged()
    {
        var (old, @new) = (Nonce(), Nonce());
        var article = await ArticleAsync($"{old} title");

        var response = await factory.Writer().PatchMergeAsync($"/api/v1/articles/{Id(article)}", new { title = $"{@new} title", tagIds = new[] { 999_999 } });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([Id(article)], await FoundAsync(old));
        Assert.Empty(await FoundAsync(@new));
    }

    [Fact]
    public void The_index_merges_its_segments_a_little_at_each_write_and_never_a_whole_level_at_once()
    {
        // Migrations 0006 and 0007: the merge settings live in the index itself (tests/Benchmarks/README.md, "Writes").
        _ = factory.Services;
        using var connection = factory.OpenDatabase();
        var settings = connection.Query<(string K, long V)>("SELECT k, v FROM articles_fts_config WHERE k IN ('automerge', 'crisismerge')")
            .ToDictionary(s => s.K, s => s.V);
        Assert.Equal(16, settings["automerge"]);
        Assert.Equal(64, settings["crisismerge"]);
    }
}
