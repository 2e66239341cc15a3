using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A tag or an author whose slug an edit changed keeps its old slug leading to it, as an article does: a tag renamed
/// from ai to artificial-intelligence broke every /tags/ai link and every ?tag=ai list a frontend had built.
/// </summary>
public sealed class TagAndAuthorSlugAliasTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Nonce() => "s" + Guid.NewGuid().ToString("N")[..10];

    private static string BySlug(string collection, string slug, string query = "") =>
        $"/api/v1/{collection}/slug/{Uri.EscapeDataString(slug)}{query}";

    /// <summary>A tag or an author (<paramref name="collection"/>) with this slug that a published article uses; its id and the article's.</summary>
    private async Task<(long Id, long Article)> PublishedAsync(string collection, string slug, string name)
    {
        var writer = factory.Writer();
        var id = collection == "tags"
            ? (await writer.PostOkAsync("/api/v1/tags", new { name, slug }))["id"]!.GetValue<long>()
            : (await writer.PostOkAsync("/api/v1/authors", new { name, slug }))["id"]!.GetValue<long>();
        var article = await new TestContent(writer).ArticleAsync(collection == "tags"
            ? new() { ["tagIds"] = new[] { id }, ["title"] = $"{name}新聞 {Nonce()}", ["language"] = "zh-Hant" }
            : new() { ["authorIds"] = new[] { id }, ["title"] = $"{name}專欄 {Nonce()}", ["language"] = "zh-Hant" });
        return (id, article["id"]!.GetValue<long>());
    }

    private async Task MoveAsync(string collection, long id, string slug) =>
        await (await factory.Writer().PatchMergeAsync($"/api/v1/{collection}/{id}", new { slug })).AssertJsonAsync();

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task An_old_slug_answers_301_to_the_current_one_with_the_same_query(string collection)
    {
        var (old, @new) = ($"{Nonce()}-ai", $"{Nonce()}-artificial-intelligence");
        var (id, _) = await PublishedAsync(collection, old, $"人工智慧 {Nonce()}");

        await MoveAsync(collection, id, @new);

        var response = await factory.Anonymous().GetAsync(BySlug(collection, old, "?fields=slug,name"));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(BySlug(collection, @new, "?fields=slug,name"), response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var followed = await (await factory.Anonymous().GetAsync(response.Headers.Location)).AssertJsonAsync();
        Assert.Equal(@new, followed["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_key_holder_reads_an_old_slug_in_place_with_Content_Location(string collection)
    {
        var (old, @new) = ($"{Nonce()}-wang", $"{Nonce()}-wang-da-ming");
        var (id, _) = await PublishedAsync(collection, old, $"王小明 {Nonce()}");
        await MoveAsync(collection, id, @new);

        var response = await factory.Reader().GetAsync(BySlug(collection, old));

        var body = await response.AssertJsonAsync();
        Assert.Equal(id, body["id"]!.GetValue<long>());
        Assert.Equal(BySlug(collection, @new), response.Content.Headers.ContentLocation?.OriginalString);
    }

    [Theory]
    [InlineData("tags", "tag")]
    [InlineData("authors", "author")]
    public async Task The_article_list_and_search_filters_follow_an_old_slug(string collection, string filter)
    {
        var (old, @new) = ($"{Nonce()}-ai", $"{Nonce()}-artificial-intelligence");
        var (id, article) = await PublishedAsync(collection, old, $"人工智慧 {Nonce()}");
        await MoveAsync(collection, id, @new);

        var list = await (await factory.Anonymous().GetAsync($"/api/v1/articles?{filter}={Uri.EscapeDataString(old)}")).AssertJsonAsync();
        Assert.Equal([article], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));

        var search = await (await factory.Anonymous().GetAsync($"/api/v1/search?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E6%85%A7&{filter}={Uri.EscapeDataString(old)}")).AssertJsonAsync();
        Assert.Equal([article], search["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task The_list_slug_filter_finds_an_old_slug_listed_with_its_current_one(string collection)
    {
        var (old, @new) = ($"{Nonce()}-ai", $"{Nonce()}-artificial-intelligence");
        var (id, _) = await PublishedAsync(collection, old, $"人工智慧 {Nonce()}");
        await MoveAsync(collection, id, @new);

        var list = await (await factory.Anonymous().GetAsync($"/api/v1/{collection}?slug={Uri.EscapeDataString(old)}")).AssertJsonAsync();

        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(@new, item["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Another_one_given_an_old_slug_explicitly_takes_it_over_but_a_derived_slug_never_does(string collection)
    {
        var (old, @new) = ($"{Nonce()}-ai", $"{Nonce()}-artificial-intelligence");
        var (id, _) = await PublishedAsync(collection, old, $"AI {Nonce()}");
        await MoveAsync(collection, id, @new);

        var derived = await factory.Writer().PostOkAsync($"/api/v1/{collection}", new { name = old });
        Assert.Equal($"{old}-2", derived["slug"]!.GetValue<string>());
        var (taker, _) = await PublishedAsync(collection, old, $"Ai Weiwei {Nonce()}");

        var response = await factory.Anonymous().GetAsync(BySlug(collection, old));
        Assert.Equal(taker, (await response.AssertJsonAsync())["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_slug_moved_back_is_current_again_and_the_other_one_leads_to_it(string collection)
    {
        var (first, second) = ($"{Nonce()}-taiwan", $"{Nonce()}-taiwan-news");
        var (id, _) = await PublishedAsync(collection, first, $"台灣 {Nonce()}");
        await MoveAsync(collection, id, second);

        await MoveAsync(collection, id, first);

        await (await factory.Anonymous().GetAsync(BySlug(collection, first))).AssertJsonAsync();
        var back = await factory.Anonymous().GetAsync(BySlug(collection, second));
        Assert.Equal(HttpStatusCode.MovedPermanently, back.StatusCode);
        Assert.Equal(BySlug(collection, first), back.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task Deleting_one_frees_its_old_slugs(string collection)
    {
        var (old, @new) = ($"{Nonce()}-ai", $"{Nonce()}-artificial-intelligence");
        var (id, article) = await PublishedAsync(collection, old, $"人工智慧 {Nonce()}");
        await MoveAsync(collection, id, @new);
        var writer = factory.Writer();
        if (collection == "tags")
        {
            await (await writer.PatchMergeAsync($"/api/v1/articles/{article}", new { tagIds = Array.Empty<long>() })).AssertJsonAsync();
        }
        else
        {
            Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/articles/{article}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/{collection}/{id}")).StatusCode);

        await (await factory.Reader().GetAsync(BySlug(collection, old))).AssertProblemAsync(HttpStatusCode.NotFound);
        var again = await writer.PostOkAsync($"/api/v1/{collection}", new { name = old });
        Assert.Equal(old, again["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tag_renamed_by_name_alone_keeps_its_slug_and_leaves_no_old_one()
    {
        var slug = $"{Nonce()}-ai";
        var (id, _) = await PublishedAsync("tags", slug, $"AI {Nonce()}");

        var renamed = await (await factory.Writer().PatchMergeAsync($"/api/v1/tags/{id}", new { name = $"人工智慧 {Nonce()}" })).AssertJsonAsync();

        Assert.Equal(slug, renamed["slug"]!.GetValue<string>());
        await (await factory.Anonymous().GetAsync(BySlug("tags", slug))).AssertJsonAsync();
    }
}
