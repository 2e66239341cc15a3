using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Authors and tags kept their earlier slugs (migration 0032) with no way to see them or remove one, where an article's
/// are listed and removed: a typo'd tag slug or a byline under legal takedown kept answering 301. They now have the
/// article's two endpoints, with the same rules.
/// </summary>
public sealed class AuthorAndTagEarlierSlugsTests(CacheTrustingApiFactory factory) : IClassFixture<CacheTrustingApiFactory>
{
    private static string Nonce() => "e" + Guid.NewGuid().ToString("N")[..10];

    private static string EarlierSlugs(string collection, long id) => $"/api/v1/{collection}/{id}/earlier-slugs";

    private static string EarlierSlug(string collection, long id, string slug) => $"{EarlierSlugs(collection, id)}/{Uri.EscapeDataString(slug)}";

    private static string BySlug(string collection, string slug) => $"/api/v1/{collection}/slug/{Uri.EscapeDataString(slug)}";

    /// <summary>An author or a tag with this slug, shown to anonymous callers (a published article credits or carries it).</summary>
    private async Task<long> CreateAsync(string collection, string slug)
    {
        var writer = factory.Writer();
        var id = (await writer.PostOkAsync($"/api/v1/{collection}", new { name = $"Name {Nonce()}", slug }))["id"]!.GetValue<long>();
        await new TestContent(writer).PublishWithAsync(collection, id);
        return id;
    }

    private async Task MoveAsync(string collection, long id, string slug) =>
        await (await factory.Writer().PatchMergeAsync($"/api/v1/{collection}/{id}", new { slug })).AssertJsonAsync();

    private async Task<long> MovedAsync(string collection, string old, string current)
    {
        var id = await CreateAsync(collection, old);
        await MoveAsync(collection, id, current);
        return id;
    }

    private static List<string> Slugs(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!.Text("slug"))];

    private async Task AssertMovedAsync(string collection, string from, string to)
    {
        var response = await factory.Anonymous().GetAsync(BySlug(collection, from));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(BySlug(collection, to), response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Key_holders_list_the_earlier_slugs_by_slug_in_pages_with_etags(string collection)
    {
        var nonce = Nonce();
        var id = await MovedAsync(collection, $"{nonce}-b", $"{nonce}-a");
        await MoveAsync(collection, id, $"{nonce}-c");
        await MoveAsync(collection, id, $"{nonce}-d");

        var response = await factory.Reader().GetAsync(EarlierSlugs(collection, id));
        var page = await response.AssertJsonAsync();

        Assert.Equal([$"{nonce}-a", $"{nonce}-b", $"{nonce}-c"], Slugs(page));
        // Nothing but an import of Markdown gives an earlier slug of its own, and that imports articles only.
        Assert.All(page["items"]!.AsArray(), item => Assert.Equal(["slug"], item!.AsObject().Select(p => p.Key)));
        Assert.Equal(3, page.Total());
        Assert.True(response.Headers.CacheControl?.Private);
        var revalidated = await factory.Reader().SendAsync(new HttpRequestMessage(HttpMethod.Get, EarlierSlugs(collection, id)) { Headers = { { "If-None-Match", response.Headers.ETag!.Tag } } });
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        var first = await factory.Reader().GetJsonAsync($"{EarlierSlugs(collection, id)}?limit=2&sort=-slug");
        Assert.Equal([$"{nonce}-c", $"{nonce}-b"], Slugs(first));
        var next = await factory.Reader().GetJsonAsync($"{EarlierSlugs(collection, id)}?limit=2&sort=-slug&cursor={first["page"]!["nextCursor"]}");
        Assert.Equal([$"{nonce}-a"], Slugs(next));
        await (await factory.Reader().GetAsync($"{EarlierSlugs(collection, id)}?fields=fromImport")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task One_without_earlier_slugs_has_an_empty_list_and_an_unknown_or_deleted_one_is_a_404(string collection)
    {
        var id = await factory.Writer().PostOkAsync($"/api/v1/{collection}", new { name = $"Name {Nonce()}" });
        var created = id["id"]!.GetValue<long>();
        Assert.Empty(Slugs(await factory.Reader().GetJsonAsync(EarlierSlugs(collection, created))));

        Assert.Equal(HttpStatusCode.NoContent, (await factory.Writer().DeleteAsync($"/api/v1/{collection}/{created}")).StatusCode);
        await (await factory.Reader().GetAsync(EarlierSlugs(collection, created))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Reader().GetAsync(EarlierSlugs(collection, created + 100_000))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Listing_needs_a_key_and_removing_one_the_write_scope(string collection)
    {
        var (old, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, old, current);

        await (await factory.Anonymous().GetAsync(EarlierSlugs(collection, id))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Anonymous().DeleteAsync(EarlierSlug(collection, id, old))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.Reader().DeleteAsync(EarlierSlug(collection, id, old))).AssertProblemAsync(HttpStatusCode.Forbidden);

        await AssertMovedAsync(collection, old, current);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_removed_earlier_slug_is_a_404_anonymously_and_keyed_even_after_its_301_was_cached(string collection)
    {
        var (old, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, old, current);
        await AssertMovedAsync(collection, old, current);
        await AssertMovedAsync(collection, old, current);
        var before = await factory.Reader().GetAsync($"/api/v1/{collection}/{id}");
        var filtered = $"/api/v1/articles?{collection[..^1]}={old}";
        Assert.Equal(1, (await factory.Reader().GetJsonAsync(filtered)).Total());

        var removed = await factory.Writer().DeleteAsync(EarlierSlug(collection, id, old));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await factory.Anonymous().GetAsync(BySlug(collection, old))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Reader().GetAsync(BySlug(collection, old))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await factory.Reader().GetJsonAsync(filtered)).Total());
        Assert.Empty(Slugs(await factory.Reader().GetJsonAsync(EarlierSlugs(collection, id))));
        var after = await factory.Reader().GetAsync($"/api/v1/{collection}/{id}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        await (await factory.Writer().DeleteAsync(EarlierSlug(collection, id, old))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_removed_earlier_slug_is_free_for_a_derived_slug(string collection)
    {
        var (old, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, old, current);
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Writer().DeleteAsync(EarlierSlug(collection, id, old))).StatusCode);

        var other = await factory.Writer().PostOkAsync($"/api/v1/{collection}", new { name = old });

        Assert.Equal(old, other.Text("slug"));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_slug_it_never_had_has_now_or_another_ones_is_a_404_and_stays(string collection)
    {
        var (old, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, old, current);
        var other = await CreateAsync(collection, Nonce());

        await (await factory.Writer().DeleteAsync(EarlierSlug(collection, id, Nonce()))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Writer().DeleteAsync(EarlierSlug(collection, id, current))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Writer().DeleteAsync(EarlierSlug(collection, other, old))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Writer().DeleteAsync(EarlierSlug(collection, id + 100_000, old))).AssertProblemAsync(HttpStatusCode.NotFound);

        await AssertMovedAsync(collection, old, current);
        Assert.Equal([old], Slugs(await factory.Reader().GetJsonAsync(EarlierSlugs(collection, id))));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task An_earlier_slug_is_removed_by_any_spelling_its_redirect_takes(string collection)
    {
        var (nonce, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, $"{nonce}-張三-\u05E9\u05DC\u05D5\u05DD", current);
        var pointed = $"{nonce}-張三-\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD";
        await AssertMovedAsync(collection, pointed, current);

        Assert.Equal(HttpStatusCode.NoContent, (await factory.Writer().DeleteAsync(EarlierSlug(collection, id, pointed))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync(BySlug(collection, pointed))).StatusCode);
        Assert.Empty(Slugs(await factory.Reader().GetJsonAsync(EarlierSlugs(collection, id))));
    }

    /// <summary>An earlier slug has no version to compare: If-Match, even one naming no version of anything, changes nothing.</summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_removal_takes_no_if_match(string collection)
    {
        var (old, current) = (Nonce(), Nonce());
        var id = await MovedAsync(collection, old, current);

        var response = await factory.Writer().SendAsync(new HttpRequestMessage(HttpMethod.Delete, EarlierSlug(collection, id, old)) { Headers = { { "If-Match", "\"99-0\"" } } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_retried_removal_is_answered_as_the_first_and_its_key_sent_with_another_slug_is_a_422(string collection)
    {
        var (first, second, current) = (Nonce(), Nonce(), Nonce());
        var id = await MovedAsync(collection, first, second);
        await MoveAsync(collection, id, current);
        var key = Guid.NewGuid().ToString("N");

        foreach (var _ in new[] { 1, 2 })
        {
            var response = await factory.Writer().SendAsync(new HttpRequestMessage(HttpMethod.Delete, EarlierSlug(collection, id, first)) { Headers = { { "Idempotency-Key", key } } });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        var reused = await factory.Writer().SendAsync(new HttpRequestMessage(HttpMethod.Delete, EarlierSlug(collection, id, second)) { Headers = { { "Idempotency-Key", key } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal([second], Slugs(await factory.Reader().GetJsonAsync(EarlierSlugs(collection, id))));
        await AssertMovedAsync(collection, second, current);
    }
}
