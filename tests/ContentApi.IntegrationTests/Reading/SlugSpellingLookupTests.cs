using System.Net;
using System.Text;
using ContentApi.TestSupport;
using Dapper;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A slug in a spelling Unicode NFKC reads as the same finds what has it: links copied on macOS or from some editors
/// arrive with é decomposed (e and U+0301), which was a 404 (frontend and multilingual probes). Another spelling
/// answers 301 to the slug, as an article's earlier slug does, so that each resource has one URL.
/// </summary>
public sealed class SlugSpellingLookupTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string BySlug(string resource, string slug) => $"/api/v1/{resource}/slug/{Uri.EscapeDataString(slug)}";

    private static string Decomposed(string slug) => slug.Normalize(NormalizationForm.FormD);

    [Fact]
    public async Task An_article_slug_written_decomposed_or_full_width_answers_301_to_its_slug()
    {
        var slug = $"café-crème-{Guid.NewGuid():N}"[..24];
        await new TestContent(factory.Writer()).ArticleAsync(new() { ["slug"] = slug });

        foreach (var spelling in new[] { Decomposed(slug), "ｃａｆé" + slug[4..] })
        {
            var moved = await factory.Anonymous().GetAsync(BySlug("articles", spelling) + "?fields=slug");
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(BySlug("articles", slug) + "?fields=slug", moved.Headers.Location?.OriginalString);
        }
    }

    /// <summary>
    /// A tag's or author's other spelling answered a cacheable 200 with no <c>Content-Location</c>, so one tag had
    /// several URLs in caches and links (fuzz helper); now it answers as an article's does.
    /// </summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    public async Task A_tag_or_author_slug_written_decomposed_answers_301_to_its_slug_and_is_found_in_lists(string resource)
    {
        var slug = $"tiếng-việt-{Guid.NewGuid():N}"[..20];
        var created = await factory.Writer().PostOkAsync($"/api/v1/{resource}", new { name = "Tiếng Việt", slug });
        await new TestContent(factory.Writer()).PublishWithAsync(resource, created.Id());

        foreach (var spelling in new[] { Decomposed(slug), "ｔｉ" + slug[2..] })
        {
            var moved = await factory.Anonymous().GetAsync(BySlug(resource, spelling) + "?fields=id");
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(BySlug(resource, slug) + "?fields=id", moved.Headers.Location?.OriginalString);
            Assert.NotNull(moved.Headers.CacheControl);

            var inPlace = await factory.Reader().GetAsync(BySlug(resource, spelling) + "?fields=id");
            Assert.Equal(created.Id(), (await inPlace.AssertJsonAsync()).Id());
            Assert.Equal(BySlug(resource, slug) + "?fields=id", inPlace.Content.Headers.ContentLocation?.OriginalString);
        }
        var exact = await factory.Anonymous().GetAsync(BySlug(resource, slug));
        Assert.Equal(created.Id(), (await exact.AssertJsonAsync()).Id());
        Assert.Null(exact.Content.Headers.ContentLocation);
        var listed = await factory.Anonymous().GetJsonAsync($"/api/v1/{resource}?slug={Uri.EscapeDataString(Decomposed(slug))}");
        Assert.Equal([created.Id()], listed.ItemIds());
    }

    /// <summary>A slug stored before slugs had to be NFKC is found as it is stored, and an article's is no 301 (review).</summary>
    [Fact]
    public async Task A_slug_stored_decomposed_before_the_rules_is_found_as_stored()
    {
        var slug = $"cafe\u0301-{Guid.NewGuid():N}"[..16];
        var tag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = "Café" });
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["tagIds"] = new[] { tag.Id() } });
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE tags SET slug = @slug WHERE id = @id", new { slug, id = tag.Id() });
            await db.ExecuteAsync("UPDATE articles SET slug = @slug WHERE id = @id", new { slug, id = article.Id() });
        }

        Assert.Equal(tag.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("tags", slug))).Id());
        Assert.Equal([tag.Id()], (await factory.Anonymous().GetJsonAsync($"/api/v1/tags?slug={Uri.EscapeDataString(slug)}")).ItemIds());
        Assert.Equal(article.Id(), (await factory.Anonymous().GetJsonAsync(BySlug("articles", slug))).Id());
    }

    [Fact]
    public async Task The_article_list_filters_by_a_tag_slug_written_decomposed()
    {
        var slug = $"đà-nẵng-{Guid.NewGuid():N}"[..16];
        var tag = await factory.Writer().PostOkAsync("/api/v1/tags", new { name = "Đà Nẵng", slug });
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["tagIds"] = new[] { tag.Id() } });

        var listed = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?tag={Uri.EscapeDataString(Decomposed(slug))}");
        Assert.Equal([article.Id()], listed.ItemIds());
    }
}
