using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// The host of a URL field (an image's url, an author's website, an article's canonicalUrl) is one browsers can look up:
/// a label written in Punycode ("xn--…") that does not decode to a name IDNA allows was stored and served, and a
/// frontend's new URL() throws on it. An internationalized name, an IP address and a host browsers open though IDNA
/// would not register it (a hyphen at a label's end) are taken.
/// </summary>
public sealed class UrlHostTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> PostAsync(string collection, string url)
    {
        var writer = factory.Writer();
        object body = collection switch
        {
            "images" => new { url, altText = "示意圖", mimeType = "image/jpeg" },
            "authors" => new { name = $"Author {Guid.NewGuid():N}", website = url },
            _ => new
            {
                title = $"Article {Guid.NewGuid():N}",
                body = "Text.",
                language = "en",
                authorIds = new[] { await new TestContent(writer).AuthorAsync() },
                status = "published",
                canonicalUrl = url,
            },
        };
        return await writer.PostAsJsonAsync($"/api/v1/{collection}", body);
    }

    [Theory]
    [InlineData("images", "url", "https://xn--/x.jpg")]
    [InlineData("images", "url", "https://xn--abc-.example/x.jpg")] // decodes to plain ASCII, "abc", which is never written so
    [InlineData("images", "url", "https://cdn.xn--zz/x.jpg")]
    [InlineData("images", "url", "https://XN--/x.jpg")]
    [InlineData("authors", "website", "https://xn--/")]
    [InlineData("articles", "canonicalUrl", "https://news.xn--/a")]
    public async Task A_url_whose_punycode_label_does_not_decode_is_a_400_naming_the_field(string collection, string field, string url)
    {
        var problem = await (await PostAsync(collection, url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]![field]!.AsArray())!.GetValue<string>();
        Assert.Contains("xn--", message, StringComparison.Ordinal);
        Assert.Single(problem["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("https://a..com/x.jpg")]
    [InlineData("https://exa mple.com/x.jpg")]
    [InlineData("https://u:p@cdn.example.com/x.jpg")]
    public async Task A_url_with_no_usable_host_is_a_400_naming_the_field(string url)
    {
        var problem = await (await PostAsync("images", url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem["errors"]!["url"]!.AsArray());
    }

    [Theory]
    [InlineData("https://例子.测试/x.jpg")]
    [InlineData("https://xn--fsqu00a.xn--0zwm56d/x.jpg")]
    [InlineData("https://münchen.example/x.jpg")]
    [InlineData("https://xn--mnchen-3ya.example/x.jpg")]
    [InlineData("https://-a.com/x.jpg")]
    [InlineData("https://ex-.blogspot.com/x.jpg")]
    [InlineData("https://[::1]/x.jpg")]
    [InlineData("https://127.0.0.1/x.jpg")]
    public async Task A_url_with_a_host_browsers_look_up_is_stored_and_served_as_sent(string url)
    {
        var created = await (await PostAsync("images", url)).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(url, created.Text("url"));
        Assert.Equal(url, (await factory.Writer().GetJsonAsync($"/api/v1/images/{created.Id()}")).Text("url"));
    }

    /// <summary>
    /// An internationalized host is kept in the JSON as sent (Unicode), and the HTML, whose sanitizer reads every URL,
    /// writes it in Punycode, the ASCII name browsers look up: the same host either way.
    /// </summary>
    [Fact]
    public async Task An_internationalized_image_host_is_written_to_the_html_in_punycode()
    {
        var image = (await (await PostAsync("images", "https://例子.测试/x.jpg")).AssertJsonAsync(HttpStatusCode.Created)).Id();
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = $"![示意圖](image:{image})", ["imageIds"] = new[] { image } });

        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{article.Id()}?format=html")).Text("bodyHtml");

        Assert.Contains("src=\"https://xn--fsqu00a.xn--0zwm56d/x.jpg\"", html, StringComparison.Ordinal);
    }
}
