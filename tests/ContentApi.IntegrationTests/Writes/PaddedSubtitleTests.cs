using System.Net;
using System.Net.Http.Json;
using ContentApi.TestSupport;
using ContentApi.Text;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// Review: a subtitle kept spaces at either end ("  前後空白  " was stored and served) while a title with them is a
/// 400. A subtitle is held to the title's rule on white space at its ends, on create, replace and merge alike; it may
/// still hold line breaks, and be empty.
/// </summary>
public sealed class PaddedSubtitleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("  前後空白  ")]
    [InlineData("Trailing\u00A0")]
    [InlineData("\u3000全形空格")]
    [InlineData("   ")]
    [InlineData("第一行\n")]
    public async Task A_subtitle_with_white_space_at_either_end_is_a_400_naming_it(string subtitle)
    {
        var writer = factory.Writer();
        var author = await new TestContent(writer).AuthorAsync();
        var request = new Dictionary<string, object?> { ["title"] = "標題", ["body"] = "正文。", ["language"] = "zh-Hant", ["authorIds"] = new[] { author } };
        var id = (await writer.PostOkAsync("/api/v1/articles", request))["id"]!.GetValue<long>();
        request["subtitle"] = subtitle;

        var responses = new[]
        {
            await writer.PostAsJsonAsync("/api/v1/articles", request, HttpAssertions.Json),
            await writer.PutAsJsonAsync($"/api/v1/articles/{id}", request, HttpAssertions.Json),
            await writer.PatchMergeAsync($"/api/v1/articles/{id}", new { subtitle }),
        };

        foreach (var response in responses)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal([TextRules.SurroundingWhiteSpaceMessage], problem["errors"]!["subtitle"]!.AsArray().Select(m => m!.GetValue<string>()));
        }
    }

    [Theory]
    [InlineData("兆級參數模型登頂多項基準")]
    [InlineData("第一行\n第二行")]
    [InlineData("")]
    public async Task A_subtitle_without_white_space_at_its_ends_is_stored_as_sent(string subtitle)
    {
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["subtitle"] = subtitle });

        Assert.Equal(subtitle, article["subtitle"]!.GetValue<string>());
    }
}
