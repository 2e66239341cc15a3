using System.Net;
using System.Text.Json.Nodes;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>Sort allow-lists, sparse fieldsets and embedding: what frontends ask for, and 400s naming what is allowed.</summary>
public sealed class SortFieldsIncludeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Embeds = ["authors", "tags", "coverImage", "images"];

    private readonly TestContent _content = new(factory.Writer());

    private async Task<(long Author, long[] Ids)> ThreeArticlesAsync()
    {
        var writer = factory.Writer();
        var author = await _content.AuthorAsync();
        var day = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var ids = new[]
        {
            (await writer.CreateArticleAsync([author], new() { ["title"] = "Banana", ["publishedAt"] = day })).Id(),
            (await writer.CreateArticleAsync([author], new() { ["title"] = "apple", ["publishedAt"] = day.AddDays(2) })).Id(),
            (await writer.CreateArticleAsync([author], new() { ["title"] = "Cherry", ["publishedAt"] = day.AddDays(1) })).Id(),
        };
        return (author, ids);
    }

    [Fact]
    public async Task ListArticles_is_newest_first_by_default_and_follows_sort()
    {
        var (author, ids) = await ThreeArticlesAsync();
        var client = factory.Anonymous();
        var newestFirst = new[] { ids[1], ids[2], ids[0] };
        Assert.Equal(newestFirst, (await client.GetJsonAsync($"/api/v1/articles?author={author}")).ItemIds());
        Assert.Equal(newestFirst, (await client.GetJsonAsync($"/api/v1/articles?author={author}&sort=-publishedAt")).ItemIds());
        Assert.Equal(newestFirst.Reverse(), (await client.GetJsonAsync($"/api/v1/articles?author={author}&sort=publishedAt")).ItemIds());
        // Titles sort by code point (SQLite BINARY): upper case before lower case.
        Assert.Equal([ids[0], ids[2], ids[1]], (await client.GetJsonAsync($"/api/v1/articles?author={author}&sort=title")).ItemIds());
        Assert.Equal([ids[1], ids[2], ids[0]], (await client.GetJsonAsync($"/api/v1/articles?author={author}&sort=-title")).ItemIds());
        Assert.Equal(ids, (await client.GetJsonAsync($"/api/v1/articles?author={author}&sort=createdAt")).ItemIds());
        Assert.Equal(ids.Reverse(), (await factory.Reader().GetJsonAsync($"/api/v1/articles?author={author}&sort=-createdAt")).ItemIds());
    }

    [Theory]
    [InlineData("/api/v1/articles?sort=body", "publishedAt, -publishedAt")]
    [InlineData("/api/v1/articles?sort=--title", "title, -title")]
    [InlineData("/api/v1/articles?sort=Title", "title, -title")]
    [InlineData("/api/v1/authors?sort=email", "name, -name")]
    [InlineData("/api/v1/authors?sort=-email", "name, -name")]
    [InlineData("/api/v1/tags?sort=articleCount", "publishedArticleCount, -publishedArticleCount")]
    [InlineData("/api/v1/images?sort=url", "createdAt, -createdAt")]
    [InlineData("/api/v1/articles?sort=published_at%20DESC%3B%20DROP%20TABLE%20articles", "publishedAt")]
    [InlineData("/api/v1/articles?sort=", "publishedAt, -publishedAt")]
    [InlineData("/api/v1/tags?sort=", "name, -name")]
    [InlineData("/api/v1/articles?sort=-", "title, -title")]
    public async Task Sort_outside_the_allow_list_is_400_listing_the_allowed_sorts(string url, string listed)
    {
        var errors = await factory.Reader().GetErrorsAsync(url);
        var message = errors.Message("sort");
        Assert.Contains("Allowed:", message, StringComparison.Ordinal);
        Assert.Contains(listed, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAuthors_tags_and_images_follow_their_sorts()
    {
        var writer = factory.Writer();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var authors = new List<JsonObject>();
        foreach (var name in new[] { "Zed", "Amy", "Mia" })
        {
            authors.Add(await writer.PostOkAsync("/api/v1/authors", new { name = $"{prefix} {name}" }));
        }
        var slugs = string.Concat(authors.Select(a => $"&slug={a.Text("slug")}"));
        var client = factory.Reader(); // authors and tags no published article uses are listed to key holders only
        Assert.Equal([authors[1].Id(), authors[2].Id(), authors[0].Id()], (await client.GetJsonAsync($"/api/v1/authors?{slugs[1..]}")).ItemIds());
        Assert.Equal([authors[0].Id(), authors[2].Id(), authors[1].Id()], (await client.GetJsonAsync($"/api/v1/authors?sort=-name{slugs}")).ItemIds());
        Assert.Equal(authors.Select(a => a.Id()), (await client.GetJsonAsync($"/api/v1/authors?sort=createdAt{slugs}")).ItemIds());

        var tags = new List<JsonObject>();
        foreach (var name in new[] { "b", "c", "a" })
        {
            tags.Add(await writer.PostOkAsync("/api/v1/tags", new { name = $"{prefix} {name}" }));
        }
        var tagSlugs = string.Concat(tags.Select(t => $"&slug={t.Text("slug")}"));
        Assert.Equal([tags[2].Id(), tags[0].Id(), tags[1].Id()], (await client.GetJsonAsync($"/api/v1/tags?sort=slug{tagSlugs}")).ItemIds());
        Assert.Equal([tags[1].Id(), tags[0].Id(), tags[2].Id()], (await client.GetJsonAsync($"/api/v1/tags?sort=-name{tagSlugs}")).ItemIds());

        var mimeType = $"image/x-sort-{prefix}";
        var images = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            images.Add((await writer.PostOkAsync("/api/v1/images", new { url = $"https://cdn.example.com/{i}.x", altText = "x", mimeType }))["id"]!.GetValue<long>());
        }
        // Images no published content shows are listed to key holders only.
        Assert.Equal(Enumerable.Reverse(images), (await factory.Reader().GetJsonAsync($"/api/v1/images?mimeType={mimeType}")).ItemIds());
        Assert.Equal(images, (await factory.Reader().GetJsonAsync($"/api/v1/images?mimeType={mimeType}&sort=createdAt")).ItemIds());
    }

    [Fact]
    public async Task Fields_keeps_only_the_named_members_of_articles_in_lists_and_single_reads()
    {
        var (author, ids) = await ThreeArticlesAsync();
        var list = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&fields=id,slug,title");
        foreach (var item in list["items"]!.AsArray())
        {
            Assert.Equal(["id", "slug", "title"], item!.AsObject().Select(p => p.Key));
        }
        Assert.Equal(3, list.Total());
        var single = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{ids[0]}?fields=title,authors");
        Assert.Equal(["title", "authors"], single.Select(p => p.Key));
        Assert.Equal(author, single["authors"]![0]!.Id());
    }

    [Theory]
    [InlineData("/api/v1/articles?fields=id,password")]
    [InlineData("/api/v1/articles/1?fields=Title")]
    [InlineData("/api/v1/articles/slug/x?fields=id,bodyHtmlx")]
    [InlineData("/api/v1/articles?fields=id,highlights")]
    public async Task Unknown_article_field_is_400_listing_the_allowed_fields(string url)
    {
        var message = (await factory.Anonymous().GetErrorsAsync(url)).Message("fields");
        Assert.Contains("Allowed:", message, StringComparison.Ordinal);
        Assert.Contains("readingTimeMinutes", message, StringComparison.Ordinal);
        Assert.DoesNotContain("highlights", message.Split("Allowed:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_embeds_what_is_named_and_none_or_an_empty_include_embeds_nothing()
    {
        var writer = factory.Writer();
        var author = await _content.AuthorAsync();
        var tag = await _content.TagAsync();
        var (cover, inline) = (await _content.ImageAsync(), await _content.ImageAsync());
        var article = await writer.CreateArticleAsync([author], new() { ["tagIds"] = new[] { tag }, ["coverImageId"] = cover, ["imageIds"] = new[] { inline } });
        var client = factory.Anonymous();

        foreach (var url in new[] { $"/api/v1/articles/{article.Id()}", $"/api/v1/articles?author={author}" })
        {
            var all = Single(await client.GetJsonAsync(url + Join(url, "include=authors,tags,coverImage,images")));
            Assert.Equal(author, all["authors"]![0]!.Id());
            Assert.Equal(tag, all["tags"]![0]!.Id());
            Assert.Equal(cover, all["coverImage"]!.Id());
            Assert.Equal(inline, all["images"]![0]!.Id());
            Assert.Equal(all.ToJsonString(), Single(await client.GetJsonAsync(url)).ToJsonString());

            var empty = Single(await client.GetJsonAsync(url + Join(url, "include=")));
            Assert.All(Embeds, name => Assert.False(empty.ContainsKey(name), $"{name} should not be embedded with include="));
            Assert.Equal(article.Text("title"), empty.Text("title"));
            // What a generated client can send: it leaves an empty array out of the query, which then means all.
            var none = Single(await client.GetJsonAsync(url + Join(url, "include=none")));
            Assert.Equal(empty.ToJsonString(), none.ToJsonString());

            var some = Single(await client.GetJsonAsync(url + Join(url, "include=tags,coverImage")));
            Assert.Equal(["coverImage", "tags"], Embeds.Where(some.ContainsKey).Order(StringComparer.Ordinal));
            // As a client that writes arrays as repeated parameters sends it.
            var repeated = Single(await client.GetJsonAsync(url + Join(url, "include=tags&include=coverImage&fields=id&fields=tags,coverImage")));
            Assert.Equal(["coverImage", "id", "tags"], repeated.Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("/api/v1/articles?fields=bodyHtml", "format=html")]
    [InlineData("/api/v1/articles/1?fields=id,toc&format=text", "format=html")]
    [InlineData("/api/v1/articles/slug/x?fields=plainText&format=html", "format=text")]
    [InlineData("/api/v1/articles?fields=id,authors&include=tags", "include names it")]
    [InlineData("/api/v1/articles/1?fields=coverImage&include=", "include names it")]
    [InlineData("/api/v1/search?q=x&fields=tags&include=authors", "include names it")]
    public async Task A_field_the_response_would_not_send_is_400_saying_what_sends_it(string url, string remedy)
    {
        var message = (await factory.Anonymous().GetErrorsAsync(url)).Message("fields");
        Assert.Contains(remedy, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_naming_renderings_and_embeds_that_are_asked_for_are_sent()
    {
        var (_, ids) = await ThreeArticlesAsync();
        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{ids[0]}?fields=bodyHtml,plainText,authors&format=html,text&include=authors");
        Assert.Equal(["authors", "bodyHtml", "plainText"], article.Select(p => p.Key).Order());
    }

    [Theory]
    [InlineData("/api/v1/articles?include=none,authors")]
    [InlineData("/api/v1/articles/1?include=tags&include=none")]
    [InlineData("/api/v1/search?q=x&include=none,none")]
    public async Task Include_none_stands_alone(string url) =>
        Assert.Contains("stands alone", (await factory.Anonymous().GetErrorsAsync(url)).Message("include"), StringComparison.Ordinal);

    [Fact]
    public async Task Fields_naming_an_embed_with_include_none_is_400() =>
        Assert.Contains("include names it", (await factory.Anonymous().GetErrorsAsync("/api/v1/articles?fields=id,tags&include=none")).Message("fields"), StringComparison.Ordinal);

    [Theory]
    [InlineData("/api/v1/articles?include=comments")]
    [InlineData("/api/v1/articles/1?include=authors,avatar")]
    [InlineData("/api/v1/articles?include=Authors")]
    public async Task Unknown_include_is_400_listing_the_allowed_relations(string url)
    {
        var message = (await factory.Anonymous().GetErrorsAsync(url)).Message("include");
        Assert.Contains("Allowed: authors, tags, coverImage, images", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_keeps_only_the_named_members_of_authors_tags_and_images()
    {
        var writer = factory.Writer();
        var avatar = await _content.ImageAsync();
        var author = await writer.PostOkAsync("/api/v1/authors", new { name = $"Sparse {Guid.NewGuid():N}", avatarImageId = avatar, email = "s@example.com" });
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = $"Sparse {Guid.NewGuid():N}" });
        await _content.ArticleAsync(new() { ["authorIds"] = new[] { author.Id() }, ["tagIds"] = new[] { tag.Id() } });
        var client = factory.Anonymous();

        Assert.Equal(["id", "name", "avatar"], (await client.GetJsonAsync($"/api/v1/authors/{author.Id()}?fields=id,name,avatar")).Select(p => p.Key));
        Assert.Equal(["slug"], (await client.GetJsonAsync($"/api/v1/authors/slug/{author.Text("slug")}?fields=slug")).Select(p => p.Key));
        var authors = await client.GetJsonAsync($"/api/v1/authors?slug={author.Text("slug")}&fields=id,slug,publishedArticleCount");
        Assert.Equal(["id", "slug", "publishedArticleCount"], authors["items"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(1, authors.Total());
        // A field list cannot reveal what the caller may not see.
        Assert.Null((await client.GetJsonAsync($"/api/v1/authors/{author.Id()}?fields=email"))["email"]);

        Assert.Equal(["id", "name"], (await client.GetJsonAsync($"/api/v1/tags/{tag.Id()}?fields=id,name")).Select(p => p.Key));
        Assert.Equal(["slug"], (await client.GetJsonAsync($"/api/v1/tags/slug/{tag.Text("slug")}?fields=slug")).Select(p => p.Key));
        var tags = await client.GetJsonAsync($"/api/v1/tags?slug={tag.Text("slug")}&fields=name");
        Assert.Equal(["name"], tags["items"]![0]!.AsObject().Select(p => p.Key));

        Assert.Equal(["url", "width", "height"], (await client.GetJsonAsync($"/api/v1/images/{avatar}?fields=url,width,height")).Select(p => p.Key));
        var images = await client.GetJsonAsync("/api/v1/images?limit=2&fields=id,altText");
        Assert.All(images["items"]!.AsArray(), i => Assert.Equal(["id", "altText"], i!.AsObject().Select(p => p.Key)));
    }

    [Theory]
    [InlineData("/api/v1/authors?fields=id,password", "publishedArticleCount")]
    [InlineData("/api/v1/authors/1?fields=title", "avatar")]
    [InlineData("/api/v1/tags?fields=body", "description")]
    [InlineData("/api/v1/tags/slug/x?fields=x", "description")]
    [InlineData("/api/v1/images?fields=bytes", "altText")]
    [InlineData("/api/v1/images/1?fields=", "altText")]
    public async Task Unknown_field_of_authors_tags_or_images_is_400_listing_the_allowed_fields(string url, string listed)
    {
        var message = (await factory.Anonymous().GetErrorsAsync(url)).Message("fields");
        Assert.Contains(listed, message, StringComparison.Ordinal);
    }

    private static string Join(string url, string parameter) => (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter;

    private static JsonObject Single(JsonObject response) =>
        response.ContainsKey("items") ? Assert.Single(response["items"]!.AsArray())!.AsObject() : response;
}
