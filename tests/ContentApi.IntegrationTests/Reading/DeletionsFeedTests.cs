using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A site syncing by <c>updatedAfter</c> never learned that an article was deleted, or (for anonymous callers) made a
/// draft or rescheduled: it was simply no longer listed. <c>GET /api/v1/deletions</c> says what left view, and when.
/// </summary>
public sealed class DeletionsFeedTests : IDisposable
{
    private const string Feed = "/api/v1/deletions";

    /// <summary>The articles' entries alone: an article leaving view also withdraws the author each test article is made with.</summary>
    private const string ArticleFeed = Feed + "?type=article";

    private readonly FakeClockApiFactory _factory = new();
    private readonly TestContent _content;

    public DeletionsFeedTests() => _content = new(_factory.Writer());

    public void Dispose() => _factory.Dispose();

    private async Task<JsonObject> ArticleAsync(Dictionary<string, object?>? extra = null)
    {
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return await _content.ArticleAsync(extra);
    }

    private async Task DeleteAsync(string path)
    {
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.Writer().DeleteAsync(path)).StatusCode);
    }

    private async Task<JsonObject> PatchAsync(long id, object patch)
    {
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return await (await _factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", patch)).AssertJsonAsync();
    }

    private static List<(string Type, long Id, string? Slug, string Reason)> Entries(JsonObject page) =>
        [.. page["items"]!.AsArray().Select(i => (i!.Text("type"), i!.Id(), i!["slug"]?.GetValue<string>(), i!.Text("reason")))];

    [Fact]
    public async Task A_deleted_article_is_listed_with_its_slug_and_the_time_of_the_delete()
    {
        var article = await ArticleAsync();
        await DeleteAsync($"/api/v1/articles/{article.Id()}");
        var deletedAt = _factory.Clock.GetUtcNow();

        var page = await _factory.Anonymous().GetJsonAsync(ArticleFeed);
        Assert.Equal([("article", article.Id(), article.Text("slug"), "deleted")], Entries(page));
        Assert.Equal(Truncated(deletedAt), DateTimeOffset.Parse(page["items"]![0]!.Text("deletedAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, page.Total());
    }

    [Fact]
    public async Task Unpublishing_by_patch_or_put_and_rescheduling_into_the_future_withdraw_an_article()
    {
        var patched = await ArticleAsync();
        var put = await ArticleAsync();
        var rescheduled = await ArticleAsync();

        await PatchAsync(patched.Id(), new { status = "draft" });
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var replacement = new { title = "Replaced", body = "Some text.", language = "en", authorIds = put["authors"]!.AsArray().Select(a => a!.Id()).ToArray(), status = "draft" };
        (await _factory.Writer().PutAsJsonAsync($"/api/v1/articles/{put.Id()}", replacement, HttpAssertions.Json)).EnsureSuccessStatusCode();
        await PatchAsync(rescheduled.Id(), new { publishedAt = _factory.Clock.GetUtcNow().AddDays(1) });

        Assert.Equal(
            [("article", patched.Id(), patched.Text("slug"), "withdrawn"), ("article", put.Id(), put.Text("slug"), "withdrawn"), ("article", rescheduled.Id(), rescheduled.Text("slug"), "withdrawn")],
            Entries(await _factory.Anonymous().GetJsonAsync(ArticleFeed)));
    }

    [Fact]
    public async Task Edits_that_keep_an_article_as_it_was_seen_and_going_live_record_nothing()
    {
        var published = await ArticleAsync();
        var draft = await ArticleAsync(new() { ["status"] = "draft" });
        var scheduled = await ArticleAsync(new() { ["publishedAt"] = _factory.Clock.GetUtcNow().AddMinutes(5) });

        await PatchAsync(published.Id(), new { title = "Edited" });
        await PatchAsync(draft.Id(), new { title = "Edited draft" });
        await PatchAsync(scheduled.Id(), new { publishedAt = _factory.Clock.GetUtcNow().AddMinutes(10) });
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync($"/api/v1/articles/{scheduled.Id()}")).StatusCode);

        Assert.Empty(Entries(await _factory.Reader().GetJsonAsync(Feed)));
    }

    [Fact]
    public async Task A_draft_deleted_is_for_key_holders_only()
    {
        var draft = await ArticleAsync(new() { ["status"] = "draft" });
        var scheduled = await ArticleAsync(new() { ["publishedAt"] = _factory.Clock.GetUtcNow().AddDays(1) });
        await DeleteAsync($"/api/v1/articles/{draft.Id()}");
        await DeleteAsync($"/api/v1/articles/{scheduled.Id()}");

        Assert.Empty(Entries(await _factory.Anonymous().GetJsonAsync(Feed)));
        Assert.Equal(0, (await _factory.Anonymous().GetJsonAsync(Feed)).Total());
        Assert.Equal([("article", draft.Id(), draft.Text("slug"), "deleted"), ("article", scheduled.Id(), scheduled.Text("slug"), "deleted")],
            Entries(await _factory.Reader().GetJsonAsync(Feed)));
    }

    [Fact]
    public async Task Authors_tags_and_images_deleted_are_listed_for_key_holders()
    {
        var author = await _factory.Writer().PostOkAsync("/api/v1/authors", new { name = "Gone Author", email = "gone@example.com" });
        var tag = await _factory.Writer().PostOkAsync("/api/v1/tags", new { name = "Gone tag" });
        var image = await _content.ImageAsync();
        await DeleteAsync($"/api/v1/authors/{author.Id()}");
        await DeleteAsync($"/api/v1/tags/{tag.Id()}");
        await DeleteAsync($"/api/v1/images/{image}");

        Assert.Equal(
            [("author", author.Id(), author.Text("slug"), "deleted"), ("tag", tag.Id(), tag.Text("slug"), "deleted"), ("image", image, null, "deleted")],
            Entries(await _factory.Reader().GetJsonAsync(Feed)));
        Assert.Empty(Entries(await _factory.Anonymous().GetJsonAsync(Feed)));
        Assert.Equal([("tag", tag.Id(), tag.Text("slug"), "deleted")], Entries(await _factory.Reader().GetJsonAsync($"{Feed}?type=tag")));
        Assert.Equal([author.Id(), image], (await _factory.Reader().GetJsonAsync($"{Feed}?type=image,author")).ItemIds());
    }

    [Fact]
    public async Task Cursor_pages_go_through_every_entry_in_time_order_and_deletedAfter_bounds_them()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var article = await ArticleAsync();
            await DeleteAsync($"/api/v1/articles/{article.Id()}");
            ids.Add(article.Id());
        }

        Assert.Equal(ids, await _factory.Anonymous().IdsOfEveryPageAsync($"{ArticleFeed}&limit=2", 5));
        var third = (await _factory.Anonymous().GetJsonAsync(ArticleFeed))["items"]![2]!.Text("deletedAt");
        Assert.Equal(ids.Skip(2), await _factory.Anonymous().IdsOfEveryPageAsync($"{ArticleFeed}&deletedAfter={third}&limit=2", 3));
        Assert.Equal(ids.Take(2), (await _factory.Anonymous().GetJsonAsync($"{ArticleFeed}&deletedBefore={third}")).ItemIds());
        Assert.Equal(ids.AsEnumerable().Reverse(), (await _factory.Anonymous().GetJsonAsync($"{ArticleFeed}&sort=-deletedAt")).ItemIds());
    }

    [Fact]
    public async Task An_article_published_again_shows_in_updatedAfter_later_than_its_withdrawal()
    {
        var article = await ArticleAsync();
        await PatchAsync(article.Id(), new { status = "draft" });
        var withdrawnAt = (await _factory.Anonymous().GetJsonAsync(ArticleFeed))["items"]![0]!.Text("deletedAt");
        var republished = await PatchAsync(article.Id(), new { status = "published" });

        var changed = await _factory.Anonymous().GetJsonAsync($"/api/v1/articles?updatedAfter={withdrawnAt}&sort=updatedAt");
        Assert.Equal([article.Id()], changed.ItemIds());
        Assert.True(string.CompareOrdinal(republished.Text("updatedAt"), withdrawnAt) > 0);
        Assert.Single(Entries(await _factory.Anonymous().GetJsonAsync(ArticleFeed)));
    }

    [Fact]
    public async Task An_entry_of_a_reason_this_build_does_not_know_is_listed_as_it_was_recorded_and_one_of_an_unknown_type_is_left_out()
    {
        // Its author stays shown by another article, so the delete records one entry.
        var author = new[] { await _content.AuthorAsync() };
        var article = await ArticleAsync(new() { ["authorIds"] = author });
        await ArticleAsync(new() { ["authorIds"] = author });
        await DeleteAsync($"/api/v1/articles/{article.Id()}");
        using (var connection = _factory.OpenDatabase())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO deletions (type, item_id, slug, reason, deleted_at, was_public)
                SELECT 'article', 9001, 'merged-one', 'merged', deleted_at, 1 FROM deletions
                UNION ALL SELECT 'collection', 9002, 'a-collection', 'deleted', deleted_at, 1 FROM deletions
                """;
            insert.ExecuteNonQuery();
        }

        foreach (var client in new[] { _factory.Anonymous(), _factory.Reader() })
        {
            var page = await client.GetJsonAsync(Feed);
            Assert.Equal([("article", article.Id(), article.Text("slug"), "deleted"), ("article", 9001, "merged-one", "merged")], Entries(page));
            Assert.Equal(2, page.Total());
        }
    }

    [Fact]
    public async Task A_tag_anonymous_callers_saw_until_its_article_was_unpublished_is_withdrawn_for_them_then_and_its_delete_is_for_key_holders()
    {
        var tag = await _content.TagAsync();
        var article = await ArticleAsync(new() { ["tagIds"] = new[] { tag } });
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync($"/api/v1/tags/{tag}")).StatusCode);
        var slug = (await _factory.Anonymous().GetJsonAsync($"/api/v1/tags/{tag}")).Text("slug");

        await PatchAsync(article.Id(), new { status = "draft" });
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync($"/api/v1/tags/{tag}")).StatusCode);
        await PatchAsync(article.Id(), new { tagIds = Array.Empty<long>() });
        await DeleteAsync($"/api/v1/tags/{tag}");

        var author = article["authors"]!.AsArray()[0]!;
        var withdrawn = new List<(string, long, string?, string)>
        {
            ("article", article.Id(), article.Text("slug"), "withdrawn"),
            ("author", author.Id(), author.Text("slug"), "withdrawn"),
            ("tag", tag, slug, "withdrawn"),
        };
        Assert.Equal(withdrawn, Entries(await _factory.Anonymous().GetJsonAsync(Feed)));
        Assert.Equal([.. withdrawn, ("tag", tag, slug, "deleted")], Entries(await _factory.Reader().GetJsonAsync(Feed)));
    }

    [Fact]
    public async Task Deleting_an_article_withdraws_the_authors_and_images_it_alone_showed_and_nothing_another_live_article_shows()
    {
        var alone = await _content.AuthorAsync();
        var shared = await _content.AuthorAsync();
        var cover = await _content.ImageAsync();
        var article = await ArticleAsync(new() { ["authorIds"] = new[] { alone, shared }, ["coverImageId"] = cover });
        await ArticleAsync(new() { ["authorIds"] = new[] { shared } });
        var aloneSlug = (await _factory.Anonymous().GetJsonAsync($"/api/v1/authors/{alone}")).Text("slug");
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync($"/api/v1/images/{cover}")).StatusCode);

        await DeleteAsync($"/api/v1/articles/{article.Id()}");

        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync($"/api/v1/authors/{alone}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync($"/api/v1/images/{cover}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync($"/api/v1/authors/{shared}")).StatusCode);
        Assert.Equal(
            [("article", article.Id(), article.Text("slug"), "deleted"), ("author", alone, aloneSlug, "withdrawn"), ("image", cover, null, "withdrawn")],
            Entries(await _factory.Anonymous().GetJsonAsync(Feed)));
    }

    [Fact]
    public async Task Replacing_a_shown_authors_avatar_withdraws_the_image_it_alone_showed()
    {
        var avatar = await _content.ImageAsync();
        var author = await _content.AuthorAsync();
        (await _factory.Writer().PatchMergeAsync($"/api/v1/authors/{author}", new { avatarImageId = avatar })).EnsureSuccessStatusCode();
        await ArticleAsync(new() { ["authorIds"] = new[] { author } });
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync($"/api/v1/images/{avatar}")).StatusCode);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _factory.Writer().PatchMergeAsync($"/api/v1/authors/{author}", new { bio = "Still here." })).EnsureSuccessStatusCode();
        (await _factory.Writer().PatchMergeAsync($"/api/v1/authors/{author}", new { avatarImageId = (long?)null })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync($"/api/v1/images/{avatar}")).StatusCode);
        Assert.Equal([("image", avatar, null, "withdrawn")], Entries(await _factory.Anonymous().GetJsonAsync(Feed)));
    }

    [Fact]
    public async Task Deleting_an_author_or_tag_anonymous_callers_see_is_refused_so_their_deletes_are_never_public()
    {
        var author = await _content.AuthorAsync();
        var tag = await _content.TagAsync();
        await ArticleAsync(new() { ["authorIds"] = new[] { author }, ["tagIds"] = new[] { tag } });

        Assert.Equal(HttpStatusCode.Conflict, (await _factory.Writer().DeleteAsync($"/api/v1/authors/{author}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _factory.Writer().DeleteAsync($"/api/v1/tags/{tag}")).StatusCode);
        Assert.Empty(Entries(await _factory.Reader().GetJsonAsync(Feed)));
    }

    [Theory]
    [InlineData("type=post", "type")]
    [InlineData("type=article,,tag", "type")]
    [InlineData("type=", "type")]
    [InlineData("type=Article", "type")]
    [InlineData("deletedAfter=yesterday", "deletedAfter")]
    [InlineData("deletedBefore=01/02/2025", "deletedBefore")]
    [InlineData("deletedAfter=2025-01-03&deletedBefore=2025-01-02", "deletedBefore")]
    [InlineData("sort=updatedAt", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task A_bad_filter_is_a_400_naming_its_parameter(string query, string named)
    {
        var errors = await _factory.Anonymous().GetErrorsAsync($"{Feed}?{query}");
        Assert.True(errors.ContainsKey(named), errors.ToJsonString());
    }

    [Fact]
    public async Task The_etag_changes_when_an_entry_is_added()
    {
        var article = await ArticleAsync();
        var first = await _factory.Anonymous().GetAsync(Feed);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalGetAsync(etag)).StatusCode);

        await DeleteAsync($"/api/v1/articles/{article.Id()}");
        var changed = await ConditionalGetAsync(etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    private Task<HttpResponseMessage> ConditionalGetAsync(EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.IfNoneMatch.Add(etag);
        return _factory.Anonymous().SendAsync(request);
    }

    private static DateTimeOffset Truncated(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
