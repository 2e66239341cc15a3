using System.Net;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Derived slugs leave out the points of Hebrew and Arabic and the tatweel, which search ignores and readers do not type:
/// مُحَمَّد was the slug "مُحَمَّد", a 404 at "محمد". A URL written with them (a pointed title copied) still finds the
/// slug, as another NFKC spelling does: an article's answers 301 to its slug, a tag's or author's is found.
/// </summary>
public sealed class PointedSlugTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string BySlug(string resource, string slug) => $"/api/v1/{resource}/slug/{Uri.EscapeDataString(slug)}";

    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("مُحَمَّد بن سلمان", "محمد-بن-سلمان")]
    [InlineData("مـحـمـد بن سلمان", "محمد-بن-سلمان")]
    [InlineData("שָׁלוֹם עֲלֵיכֶם", "שלום-עליכם")]
    public async Task An_article_derives_its_slug_without_the_points_and_its_pointed_url_answers_301_to_it(string title, string derived)
    {
        var marker = Marker();
        var created = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = $"{title} {marker}" });
        var slug = $"{derived}-{marker}";
        Assert.Equal(slug, created["slug"]!.GetValue<string>());

        Assert.Equal(created.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("articles", slug))).Id());
        var moved = await factory.Anonymous().GetAsync(BySlug("articles", $"{title.Replace(' ', '-')}-{marker}") + "?fields=slug");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(BySlug("articles", slug) + "?fields=slug", moved.Headers.Location?.OriginalString);
    }

    /// <summary>An earlier slug, an edit replaced, is found by its pointed spelling too, and leads to the article's slug.</summary>
    [Fact]
    public async Task A_pointed_url_of_an_earlier_slug_answers_301_to_the_slug_the_article_has_now()
    {
        var marker = Marker();
        var created = await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = $"שלום-{marker}" });
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{created.Id()}", new { slug = $"now-{marker}" })).AssertJsonAsync();

        var moved = await factory.Anonymous().GetAsync(BySlug("articles", $"שָׁלוֹם-{marker}"));

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(BySlug("articles", $"now-{marker}"), moved.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_tag_or_author_is_found_by_its_slug_written_with_points(string resource)
    {
        var marker = Marker();
        var created = await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = $"مُحَمَّد {marker}" });
        Assert.Equal($"محمد-{marker}", created["slug"]!.GetValue<string>());
        await new TestContent(factory.Writer()).PublishWithAsync(resource, created.Id());

        var moved = await factory.Anonymous().GetAsync(BySlug(resource, $"مُحَمَّد-{marker}"));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(BySlug(resource, $"محمد-{marker}"), moved.Headers.Location?.OriginalString);
        var found = await factory.Reader().GetJsonAsync(BySlug(resource, $"مُحَمَّد-{marker}"));
        Assert.Equal(created.Id(), found.Id());
        var listed = await factory.Anonymous().GetJsonAsync($"/api/v1/{resource}?slug={Uri.EscapeDataString($"مُحَمَّد-{marker}")}");
        Assert.Equal([created.Id()], listed.ItemIds());
    }

    /// <summary>
    /// A slug an earlier build derived with its points is stored so and found as stored, before the unpointed slug of
    /// another article, tag or author; its URLs are not rewritten.
    /// </summary>
    [Fact]
    public async Task A_slug_stored_with_points_is_found_as_stored()
    {
        var marker = Marker();
        var (pointed, plain) = ($"שָׁלוֹם-{marker}", $"שלום-{marker}");
        var earlier = await new TestContent(factory.Writer()).ArticleAsync();
        var later = await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = plain });
        var earlierTag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = $"Earlier {marker}" });
        var laterTag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = $"Later {marker}", slug = plain });
        await new TestContent(factory.Writer()).PublishWithAsync("tags", earlierTag.Id());
        await new TestContent(factory.Writer()).PublishWithAsync("tags", laterTag.Id());
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE articles SET slug = @pointed WHERE id = @id", new { pointed, id = earlier.Id() });
            await db.ExecuteAsync("UPDATE tags SET slug = @pointed WHERE id = @id", new { pointed, id = earlierTag.Id() });
        }

        Assert.Equal(earlier.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("articles", pointed))).Id());
        Assert.Equal(later.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("articles", plain))).Id());
        Assert.Equal(earlierTag.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("tags", pointed))).Id());
        Assert.Equal(laterTag.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("tags", plain))).Id());
    }

    /// <summary>
    /// The slug= filter of a list reads a slug as a lookup by slug does: the spelling as written (and in NFKC) first, and
    /// the unpointed one only when no tag or author has that. It listed both, the pointed slug stored before and another
    /// tag or author whose slug is its unpointed spelling.
    /// </summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_list_by_a_slug_stored_with_points_lists_it_and_not_the_unpointed_slug_too(string resource)
    {
        var marker = Marker();
        var (pointed, otherPointing, plain) = ($"שָׁלוֹם-{marker}", $"שְׁלוֹם-{marker}", $"שלום-{marker}");
        var (earlier, later) = await StoredWithPointsAndPlainAsync(resource, marker, pointed, plain);

        async Task<IEnumerable<long>> ListedAsync(params string[] slugs) =>
            (await factory.Reader().GetJsonAsync($"/api/v1/{resource}?slug={string.Join(',', slugs.Select(Uri.EscapeDataString))}")).ItemIds();

        Assert.Equal([earlier.Id()], await ListedAsync(pointed));
        Assert.Equal([later.Id()], await ListedAsync(plain));
        Assert.Equal([later.Id()], await ListedAsync(otherPointing)); // stored by neither: the unpointed slug's
        Assert.Equal([earlier.Id(), later.Id()], await ListedAsync(pointed, otherPointing));
    }

    /// <summary>
    /// The article list's author= and tag= filters read a slug as a lookup by slug does. They took its NFKC spelling
    /// only: an author's slug written with points (a pointed name copied) listed nothing.
    /// </summary>
    [Theory]
    [InlineData("author")]
    [InlineData("tag")]
    public async Task The_article_lists_author_and_tag_filters_find_a_slug_written_with_points(string filter)
    {
        var marker = Marker();
        var (pointed, otherPointing, plain) = ($"שָׁלוֹם-{marker}", $"שְׁלוֹם-{marker}", $"שלום-{marker}");
        var writer = factory.Writer();
        var (earlier, owner) = await StoredWithPointsAndPlainAsync($"{filter}s", marker, pointed, plain);
        var ofOwner = await ArticleOfAsync(owner.Id());
        var ofEarlier = await ArticleOfAsync(earlier.Id());

        Task<System.Text.Json.Nodes.JsonObject> ArticleOfAsync(long id) => new TestContent(writer).ArticleAsync(new()
        {
            ["title"] = $"Pointed {marker}",
            [filter == "author" ? "authorIds" : "tagIds"] = new[] { id },
        });
        async Task<IEnumerable<long>> ListedAsync(string slug)
        {
            var listed = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles?{filter}={Uri.EscapeDataString(slug)}")).ItemIds();
            // Search filters the same way, walking its hits rather than starting from the few articles' links.
            var found = (await factory.Anonymous().GetJsonAsync($"/api/v1/search?q={marker}&{filter}={Uri.EscapeDataString(slug)}")).ItemIds();
            Assert.Equal(listed, found);
            return listed;
        }

        Assert.Equal([ofOwner.Id()], await ListedAsync(plain));
        Assert.Equal([ofOwner.Id()], await ListedAsync(otherPointing)); // stored by neither: the unpointed slug's
        Assert.Equal([ofEarlier.Id()], await ListedAsync(pointed)); // stored so: found as stored, and only it
    }

    /// <summary>
    /// Two tags or authors: one with the plain slug, then one stored with the pointed slug (as by a build before slugs
    /// left points out), so that a lookup taking the lowest id among the spellings would find the wrong one.
    /// </summary>
    private async Task<(System.Text.Json.Nodes.JsonObject Pointed, System.Text.Json.Nodes.JsonObject Plain)> StoredWithPointsAndPlainAsync(
        string resource, string marker, string pointed, string plain)
    {
        var later = await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = $"Later {marker}", slug = plain });
        var earlier = await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = $"Earlier {marker}" });
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync($"UPDATE {resource} SET slug = @pointed WHERE id = @id", new { pointed, id = earlier.Id() });
        }
        return (earlier, later);
    }
}
