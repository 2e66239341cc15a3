using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Review: a Chinese article's paragraph and heading opening with an Arabic quote were served with dir="auto", which a
/// browser lays out right to left by that first Arabic letter, and the heading's toc entry had no direction at all.
/// </summary>
public sealed class QuoteOpeningBlockDirectionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_Chinese_paragraph_and_heading_opening_with_an_Arabic_quote_are_served_left_to_right()
    {
        var writer = factory.Writer();
        var id = (await writer.CreateArticleAsync([await new TestContent(writer).AuthorAsync()], new()
        {
            ["body"] = "## 「شكرا」的意思\n\n「السلام عليكم」，阿拉伯聯盟秘書長今天在開羅宣布停火。\n\nقالت الجامعة العربية إن «台灣» شريك.",
            ["language"] = "zh-Hant",
        })).Id();

        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");

        var html = article.Text("bodyHtml");
        Assert.Contains("dir=\"ltr\">「شكرا」的意思</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"ltr\">「السلام عليكم」，", html, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"rtl\">قالت", html, StringComparison.Ordinal);
        Assert.Equal("ltr", article["toc"]![0]!["dir"]?.GetValue<string>());
    }
}
