using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;
using ContentApi.Text;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Names, titles and alt text are shown on one line (a byline, a page's &lt;title&gt;, og: tags, an RSS item's title, an
/// alt attribute), yet took line breaks, tabs and white space around them: a tag "Line\nBreak" was a 201, and " Padded
/// Name " was stored as sent and sorted first. Each is a 400 naming the field and saying why.
/// </summary>
public sealed class SingleLineTextTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("Line\nBreak", TextRules.LineBreakMessage)]
    [InlineData("Multi\r\nLine", TextRules.LineBreakMessage)]
    [InlineData("Next\u0085Line", TextRules.LineBreakMessage)]
    [InlineData("Line\u2028Separator", TextRules.LineBreakMessage)]
    [InlineData("Paragraph\u2029Separator", TextRules.LineBreakMessage)]
    [InlineData("Tab\there", TextRules.LineBreakMessage)]
    [InlineData(" Padded Name ", TextRules.SurroundingWhiteSpaceMessage)]
    [InlineData("Trailing\u00A0", TextRules.SurroundingWhiteSpaceMessage)]
    [InlineData("\u3000全形空格", TextRules.SurroundingWhiteSpaceMessage)]
    [InlineData("Byte\uFEFFOrder", TextRules.ByteOrderMarkMessage)]
    [InlineData("\uFEFFName", TextRules.ByteOrderMarkMessage)]
    public async Task A_name_title_or_alt_text_off_one_line_is_a_400_saying_why(string text, string message)
    {
        var writer = factory.Writer();
        var content = new TestContent(writer);
        var author = await content.AuthorAsync();
        var tag = await content.TagAsync();
        var image = await content.ImageAsync();

        var responses = new[]
        {
            (await writer.PostAsJsonAsync("/api/v1/tags", new { name = text }, HttpAssertions.Json), "name"),
            (await writer.PostAsJsonAsync("/api/v1/authors", new { name = text }, HttpAssertions.Json), "name"),
            (await writer.PatchMergeAsync($"/api/v1/tags/{tag}", new { name = text }), "name"),
            (await writer.PatchMergeAsync($"/api/v1/authors/{author}", new { name = text }), "name"),
            (await writer.PostAsJsonAsync("/api/v1/articles", new { title = text, body = "Text.", language = "en", authorIds = new[] { author } }, HttpAssertions.Json), "title"),
            (await writer.PostAsJsonAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = text }, HttpAssertions.Json), "altText"),
            (await writer.PatchMergeAsync($"/api/v1/images/{image}", new { altText = text }), "altText"),
        };

        foreach (var (response, field) in responses)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>());
            Assert.Contains(message, messages);
        }
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\t")]
    public async Task A_blank_name_is_told_only_that_it_is_empty(string text)
    {
        var response = await factory.Writer().PostAsJsonAsync("/api/v1/tags", new { name = text }, HttpAssertions.Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single(problem["errors"]!["name"]!.AsArray());
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("Jane Doe")]
    [InlineData("Zero\u200Bwidth inside")]
    [InlineData("👩‍💻 Dev")]
    public async Task One_line_of_text_is_stored_as_sent(string text)
    {
        var writer = factory.Writer();
        var tag = await writer.PostOkAsync("/api/v1/tags", new { name = text });
        var image = await writer.PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = text });

        Assert.Equal(text, tag["name"]!.GetValue<string>());
        Assert.Equal(text, image["altText"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decorative_images_empty_alt_text_is_still_taken()
    {
        var image = await factory.Writer().PostOkAsync("/api/v1/images", new { url = "https://cdn.example.com/a.jpg", altText = "" });

        Assert.Equal("", image["altText"]!.GetValue<string>());
    }
}
