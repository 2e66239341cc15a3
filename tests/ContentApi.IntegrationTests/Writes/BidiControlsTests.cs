using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Only control characters were refused in titles and names, so a bidirectional override left open was stored and
/// served: "invoice\u202Efdp.exe" showed as "invoiceexe.pdf", and in a list, where the next title or the author beside
/// it is in the same paragraph, it went on reversing them (the Trojan Source spoof). Mixed-direction text, marks and
/// embeddings or isolates closed within the field stay text.
/// </summary>
public sealed class BidiControlsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("invoice\u202Efdp.exe")]                       // an override left open
    [InlineData("\u2067שלום")]                                 // an isolate left open
    [InlineData("Quarterly report\u202C")]                     // a PDF closing nothing: it would close the page's embedding
    [InlineData("a\u2069 b")]                                  // a PDI closing nothing
    [InlineData("\u202B\u2067שלום\u202C\u2069")]               // closed out of order
    [InlineData("\u202Eline one\nline two")]                   // a line break does not close it: HTML joins the lines
    public async Task A_title_or_name_leaving_a_bidi_control_open_is_a_400_on_that_field(string text)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var author = await content.AuthorAsync();
        var tag = await content.TagAsync();

        var article = await writer.PostAsJsonAsync("/api/v1/articles", new
        {
            title = text, body = "Text.", language = "en", authorIds = new[] { author },
        }, HttpAssertions.Json);
        var authorName = await writer.PatchMergeAsync($"/api/v1/authors/{author}", new { name = text });
        var tagDescription = await writer.PatchMergeAsync($"/api/v1/tags/{tag}", new { description = text });
        var altText = await writer.PostAsJsonAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = text }, HttpAssertions.Json);

        foreach (var (response, field) in new[] { (article, "title"), (authorName, "name"), (tagDescription, "description"), (altText, "altText") })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>());
            Assert.Contains(Text.TextRules.BidiControlMessage, messages);
        }
    }

    [Theory]
    [InlineData("مرحبا world")]                                // mixed direction, no controls
    [InlineData("\u202Bשלום\u202C and \u2067مرحبا\u2069")]     // an embedding and an isolate, each closed
    [InlineData("\u2068user\u202E名\u202C\u2069")]             // nested, closed in order
    [InlineData("abc\u200F\u200E\u061C")]                      // marks reorder nothing beyond their neighbours
    public async Task Mixed_direction_text_and_closed_controls_are_stored_as_sent(string text)
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["title"] = text, ["subtitle"] = text });

        Assert.Equal(text, article["title"]!.GetValue<string>());
        Assert.Equal(text, article["subtitle"]!.GetValue<string>());
    }

    /// <summary>
    /// A body may leave an override open (its paragraph's end closes it in the HTML), and the excerpt's cut may fall
    /// between an isolate and its close: the derived excerpt, shown inline in lists as a title is, kept the override open
    /// and reversed what a list showed after it, and a client sending the article back as it read it got a 400 on the
    /// excerpt it had been given. A derived excerpt keeps only the controls closed within it.
    /// </summary>
    [Theory]
    [InlineData("Please open invoice\u202Efdp.exe today.", "Please open invoicefdp.exe today.")]
    [InlineData("Stray close\u202C and \u2067שלום\u2069 kept.", "Stray close and \u2067שלום\u2069 kept.")]
    public async Task A_derived_excerpt_leaves_no_bidi_control_open_and_goes_back_as_it_came(string body, string excerpt)
    {
        var writer = factory.Writer();
        var article = await new TestContent(writer).ArticleAsync(new() { ["body"] = body });
        var url = $"/api/v1/articles/{article.Id()}";

        Assert.Equal(excerpt, article.Text("excerpt"));
        var sentBack = await (await writer.PatchMergeAsync(url, new { excerpt = article.Text("excerpt") })).AssertJsonAsync();
        Assert.Equal(excerpt, sentBack.Text("excerpt"));
    }

    [Fact]
    public async Task A_derived_excerpt_cut_inside_an_isolate_leaves_the_isolate_out()
    {
        var body = "Lead " + string.Concat(Enumerable.Repeat("word ", 30)) + "\u2067" + string.Concat(Enumerable.Repeat("שלום ", 40)) + "\u2069 end.";
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body });

        var excerpt = article.Text("excerpt");
        Assert.EndsWith("…", excerpt);
        Assert.Contains("שלום", excerpt);
        Assert.True(Text.TextRules.HasBalancedBidiControls(excerpt), excerpt);
        Assert.DoesNotContain('\u2067', excerpt);
    }
}
