using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// Review: an Arabic article's price table (iPhone | السعر) was served with dir="ltr", its first column on the left, and
/// a list item opening with a brand name stood on the left of the list, as their first letter is Latin.
/// </summary>
public sealed class RightToLeftArticleDirectionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Body = "## iPhone 17 في مصر\n\n| iPhone | السعر |\n| --- | --- |\n| iPhone 17 | ٥٤٬٩٩٩ جنيه |\n\n- iPhone 17 Pro متوفر بثلاثة ألوان\n- التقسيط متاح لمدة ٢٤ شهراً";

    [Fact]
    public async Task An_arabic_articles_table_list_and_heading_opening_with_a_latin_name_are_served_right_to_left()
    {
        var writer = factory.Writer();
        var id = (await writer.CreateArticleAsync([await new TestContent(writer).AuthorAsync()], new()
        {
            ["body"] = Body,
            ["language"] = "ar-EG",
        })).Id();

        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");

        var html = article.Text("bodyHtml");
        Assert.Contains("<table dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<li dir=\"rtl\">iPhone 17 Pro", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\">iPhone 17 في مصر</h2>", html, StringComparison.Ordinal);
        Assert.Equal("rtl", article["toc"]![0]!["dir"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_article_whose_language_becomes_arabic_is_served_right_to_left_at_once()
    {
        var writer = factory.Writer();
        var id = (await writer.CreateArticleAsync([await new TestContent(writer).AuthorAsync()], new()
        {
            ["body"] = Body,
            ["language"] = "en",
        })).Id();
        Assert.Contains("<table dir=\"ltr\">", (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml"), StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { language = "ar" })).StatusCode);

        Assert.Contains("<table dir=\"rtl\">", (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml"), StringComparison.Ordinal);
    }
}
