using AngleSharp.Html.Parser;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A page of articles with format=html is one page to the browser: only its first image loads at once with
/// <c>fetchpriority="high"</c>, every later one (the first of each later article too) lazily.
/// </summary>
public sealed class ListPageImageLoadingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    private static IEnumerable<(string? Loading, string? Priority)> ImagesOf(string html) =>
        new HtmlParser().ParseDocument("<!doctype html><body>" + html).Body!.QuerySelectorAll("img")
            .Select(img => (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")));

    /// <summary>
    /// Review: every article of the list kept the high priority its own render gives its first image, so a page of 20
    /// articles asked the browser to fetch 20 images first.
    /// </summary>
    [Fact]
    public async Task List_with_html_gives_high_priority_only_to_the_first_image_of_the_page()
    {
        var author = await _content.AuthorAsync();
        var image = await _content.ImageAsync();
        var bodies = new[]
        {
            "No image here.",
            $"![Lead](image:{image})\n\nText.\n\n![Second](image:{image})",
            $"Text with an inline ![picture](image:{image}) in it.",
            $"![Lead](image:{image})",
        };
        var ids = new List<long>();
        foreach (var body in bodies)
        {
            ids.Add((await factory.Writer().CreateArticleAsync([author], new() { ["body"] = body, ["imageIds"] = new[] { image } })).Id());
        }
        var client = factory.Anonymous();
        // Each article rendered alone first, so the list reads its renderings from the cache.
        foreach (var id in ids)
        {
            await client.GetJsonAsync($"/api/v1/articles/{id}?format=html");
        }

        var list = await client.GetJsonAsync($"/api/v1/articles?author={author}&format=html");
        var images = list["items"]!.AsArray().SelectMany(item => ImagesOf(item!.Text("bodyHtml"))).ToList();
        Assert.Equal(4, images.Count);
        Assert.Equal((null, "high"), images[0]);
        Assert.All(images.Skip(1), later => Assert.Equal(("lazy", null), later));

        // The cached renderings are unchanged: each article alone still shows its first image at once.
        foreach (var id in ids.Skip(1))
        {
            var html = (await client.GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
            Assert.Equal((null, "high"), ImagesOf(html).First());
        }
    }

    [Fact]
    public async Task List_with_html_gives_high_priority_to_the_first_image_shown_even_when_earlier_articles_have_none()
    {
        var author = await _content.AuthorAsync();
        var image = await _content.ImageAsync();
        foreach (var body in new[] { "Plain text.", $"![Lead](image:{image})", "More plain text." })
        {
            await factory.Writer().CreateArticleAsync([author], new() { ["body"] = body, ["imageIds"] = new[] { image } });
        }

        var list = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&format=html");
        var images = list["items"]!.AsArray().SelectMany(item => ImagesOf(item!.Text("bodyHtml"))).ToList();
        Assert.Equal([((string?)null, (string?)"high")], images);
    }
}
