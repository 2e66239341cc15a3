using System.Net;
using System.Text.Json.Nodes;
using ContentApi.Data;
using ContentApi.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// An edit that changes an article's slug leaves its old one leading to it (301), so links made with it keep working;
/// a live slug always wins over an old one.
/// </summary>
public sealed class ArticleSlugAliasTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Nonce() => "s" + Guid.NewGuid().ToString("N")[..10];

    private static string BySlug(string slug, string query = "") => $"/api/v1/articles/slug/{Uri.EscapeDataString(slug)}{query}";

    private async Task<long> ArticleAsync(string slug, string status = "published") =>
        (await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = slug, ["status"] = status }))["id"]!.GetValue<long>();

    private async Task MoveAsync(long id, string slug) =>
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug })).AssertJsonAsync();

    private static async Task<HttpResponseMessage> AssertMovedAsync(HttpClient client, string from, string to, string query = "")
    {
        var response = await client.GetAsync(BySlug(from, query));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(BySlug(to, query), response.Headers.Location?.OriginalString);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        return response;
    }

    [Fact]
    public async Task An_old_slug_answers_301_to_the_current_one_with_the_same_query()
    {
        var (old, @new) = ($"{Nonce()}-舊網址", $"{Nonce()}-新網址");
        var id = await ArticleAsync(old);

        await MoveAsync(id, @new);

        var moved = await AssertMovedAsync(factory.Anonymous(), old, @new, "?include=authors&fields=title,slug");
        Assert.True(moved.Headers.CacheControl?.Public);
        var followed = await (await factory.Anonymous().GetAsync(moved.Headers.Location)).AssertJsonAsync();
        Assert.Equal(@new, followed["slug"]!.GetValue<string>());
    }

    /// <summary>
    /// An old slug's 301 is public but never fresh: a browser or CDN that kept "A moved to B" for the article's minute
    /// went A→B→A→… once an editor moved the slug back to A (a typo undone), ERR_TOO_MANY_REDIRECTS until it expired.
    /// </summary>
    [Fact]
    public async Task An_old_slugs_301_is_asked_again_each_time_so_a_slug_moved_back_cannot_loop()
    {
        var (first, second) = (Nonce(), Nonce());
        var id = await ArticleAsync(first);
        await MoveAsync(id, second);

        var moved = await AssertMovedAsync(factory.Anonymous(), first, second);
        await MoveAsync(id, first);
        var back = await AssertMovedAsync(factory.Anonymous(), second, first);

        foreach (var response in new[] { moved, back })
        {
            Assert.True(response.Headers.CacheControl?.Public);
            Assert.True(response.Headers.CacheControl?.NoCache);
            Assert.Null(response.Headers.CacheControl?.MaxAge);
        }
        await (await factory.Anonymous().GetAsync(BySlug(first))).AssertJsonAsync();
    }

    /// <summary>An old slug's 301 is kept in the app's response cache as a 200 is (it cost two indexed reads each time), until the content changes.</summary>
    [Fact]
    public async Task An_old_slugs_301_is_answered_from_the_response_cache_until_the_content_changes()
    {
        using var app = new CachedStatementCountingApiFactory();
        var (old, @new, newer) = (Nonce(), Nonce(), Nonce());
        var id = (await new TestContent(app.Writer()).ArticleAsync(new() { ["slug"] = old }))["id"]!.GetValue<long>();
        await (await app.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug = @new })).AssertJsonAsync();
        await AssertMovedAsync(app.Anonymous(), old, @new);
        var counter = app.Services.GetRequiredService<SqlStatementCounter>();

        // The fewest of three: the counter counts the app's background work too (the writer's key's last use, recorded
        // after its PATCH answered), which once added 6 statements in a full, loaded suite run.
        var fewest = long.MaxValue;
        HttpResponseMessage cached = null!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = counter.Count;
            cached = await AssertMovedAsync(app.Anonymous(), old, @new);
            fewest = Math.Min(fewest, counter.Count - before);
        }

        Assert.Equal(0, fewest);
        Assert.True(cached.Headers.CacheControl?.Public);
        Assert.True(cached.Headers.CacheControl?.NoCache);
        Assert.Null(cached.Headers.CacheControl?.MaxAge);
        await (await app.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { slug = newer })).AssertJsonAsync();
        await AssertMovedAsync(app.Anonymous(), old, newer);
    }

    private sealed class CachedStatementCountingApiFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:CountStatements"] = "true",
            ["Database:ContentStateRecheckMilliseconds"] = "3600000",
        };
    }

    [Fact]
    public async Task Every_earlier_slug_leads_to_the_current_one_and_one_taken_back_is_live_again()
    {
        var (a, b, c) = (Nonce(), Nonce(), Nonce());
        var id = await ArticleAsync(a);
        await MoveAsync(id, b);
        await MoveAsync(id, c);

        await AssertMovedAsync(factory.Anonymous(), a, c);
        await AssertMovedAsync(factory.Anonymous(), b, c);

        await MoveAsync(id, a);
        Assert.Equal(id, (await (await factory.Anonymous().GetAsync(BySlug(a))).AssertJsonAsync())["id"]!.GetValue<long>());
        await AssertMovedAsync(factory.Anonymous(), c, a);
    }

    [Fact]
    public async Task Another_article_given_an_old_slug_takes_it_over()
    {
        var (old, @new) = (Nonce(), Nonce());
        var first = await ArticleAsync(old);
        await MoveAsync(first, @new);

        var second = await ArticleAsync(old);

        Assert.Equal(second, (await (await factory.Anonymous().GetAsync(BySlug(old))).AssertJsonAsync())["id"]!.GetValue<long>());
        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM article_slug_aliases WHERE slug = @Old", new { Old = old }));
    }

    [Fact]
    public async Task A_slug_derived_from_a_title_never_takes_an_old_slug_of_another_article()
    {
        var title = $"Moved {Nonce()}";
        var content = new TestContent(factory.Writer());
        var first = await content.ArticleAsync(new() { ["title"] = title });
        var derived = first["slug"]!.GetValue<string>();
        await MoveAsync(first["id"]!.GetValue<long>(), Nonce());

        var second = await content.ArticleAsync(new() { ["title"] = title });

        Assert.Equal($"{derived}-2", second["slug"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.MovedPermanently, (await factory.Anonymous().GetAsync(BySlug(derived))).StatusCode);
    }

    /// <summary>
    /// A key holder is answered in place (200, <c>Content-Location</c> naming the article's URL), as keyed answers are
    /// private and no cache keeps them under either URL: .NET's HttpClient (which NSwag's clients use) and Java's drop
    /// the Authorization header when they follow a redirect, even on the same host, so a 301 led a key holder to what an
    /// anonymous caller sees, a 404 for a draft or a scheduled article.
    /// </summary>
    [Theory]
    [InlineData("draft")]
    [InlineData("scheduled")]
    [InlineData("published")]
    public async Task An_old_slug_is_404_to_anonymous_callers_of_an_unpublished_article_and_answered_in_place_to_key_holders(string state)
    {
        var (old, @new) = (Nonce(), Nonce());
        var id = await ArticleAsync(old);
        await MoveAsync(id, @new);
        if (state != "published")
        {
            JsonObject unpublish = state == "draft" ? new() { ["status"] = "draft" } : new() { ["publishedAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O") };
            await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", unpublish)).AssertJsonAsync();
            await (await factory.Anonymous().GetAsync(BySlug(old))).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        else
        {
            await AssertMovedAsync(factory.Anonymous(), old, @new);
        }

        var inPlace = await factory.Reader().GetAsync(BySlug(old, "?fields=id,slug"));

        var article = await inPlace.AssertJsonAsync();
        Assert.Equal((id, @new), (article["id"]!.GetValue<long>(), article["slug"]!.GetValue<string>()));
        Assert.Equal(BySlug(@new, "?fields=id,slug"), inPlace.Content.Headers.ContentLocation?.OriginalString);
        Assert.True(inPlace.Headers.CacheControl?.Private);
        var current = await factory.Reader().GetAsync(BySlug(@new, "?fields=id,slug"));
        Assert.Equal(current.Headers.ETag, inPlace.Headers.ETag);
        Assert.Null(current.Content.Headers.ContentLocation);
    }

    /// <summary>So is a key holder's request in another spelling of the slug (a decomposed é), which an anonymous caller is sent on from by a 301.</summary>
    [Fact]
    public async Task Another_spelling_of_a_slug_is_answered_in_place_to_key_holders()
    {
        var slug = $"café-{Nonce()}";
        var id = await ArticleAsync(slug);
        var decomposed = slug.Normalize(System.Text.NormalizationForm.FormD);
        await AssertMovedAsync(factory.Anonymous(), decomposed, slug);

        var inPlace = await factory.Writer().GetAsync(BySlug(decomposed));

        Assert.Equal(id, (await inPlace.AssertJsonAsync())["id"]!.GetValue<long>());
        Assert.Equal(BySlug(slug), inPlace.Content.Headers.ContentLocation?.OriginalString);
    }

    /// <summary>A draft's slug was nobody's link: kept, each change of it held a slug a later title could give.</summary>
    [Fact]
    public async Task A_draft_leaves_no_old_slug()
    {
        var (old, @new) = (Nonce(), Nonce());
        var id = await ArticleAsync(old, status: "draft");

        await MoveAsync(id, @new);

        await (await factory.Reader().GetAsync(BySlug(old))).AssertProblemAsync(HttpStatusCode.NotFound);
        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM article_slug_aliases WHERE article_id = @Id", new { Id = id }));
    }

    [Fact]
    public async Task A_deleted_article_takes_its_old_slugs_with_it()
    {
        var (old, @new) = (Nonce(), Nonce());
        var id = await ArticleAsync(old);
        await MoveAsync(id, @new);

        (await factory.Writer().DeleteAsync($"/api/v1/articles/{id}")).EnsureSuccessStatusCode();

        await (await factory.Anonymous().GetAsync(BySlug(old))).AssertProblemAsync(HttpStatusCode.NotFound);
        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM article_slug_aliases WHERE article_id = @Id", new { Id = id }));
    }

    [Fact]
    public async Task An_edit_that_keeps_the_slug_leaves_no_old_slug()
    {
        var slug = Nonce();
        var id = await ArticleAsync(slug);

        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new JsonObject { ["title"] = "Another title" })).AssertJsonAsync();

        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM article_slug_aliases WHERE article_id = @Id", new { Id = id }));
    }
}
