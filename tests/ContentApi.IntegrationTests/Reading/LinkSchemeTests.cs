using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// A body is stored as written, whatever its links name; the HTML links only http, https, mailto, tel and relative URLs,
/// and a link to any other scheme keeps its text without an address (as Contentful's and CKEditor's renderers keep a
/// dangerous one's): an internal reference such as <c>article:55</c>, which the API does not resolve (only
/// <c>image:ID</c> is one), as much as <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c>, whose address never reaches
/// the HTML.
/// </summary>
public sealed class LinkSchemeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("[see](article:55)", "see")]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("[d](data:text/html,hi)", "d")]
    [InlineData("[v](vbscript:msgbox(1))", "v")]
    [InlineData("[f](ftp://files.example.com/a.pdf)", "f")]
    public async Task A_link_to_another_scheme_is_stored_as_written_and_rendered_as_its_text(string link, string text)
    {
        var body = $"前言 {link} 結尾。";
        var created = await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body });

        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{created.Id()}?format=html");

        Assert.Equal(body, article.Text("body"));
        Assert.Equal($"<p>前言 {text} 結尾。</p>", article.Text("bodyHtml"));
    }
}
