using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// A Japanese title holding a ruby, pasted as the body takes one (newsroom probe): its derived slug named the tags and the
/// reading, "ruby-谷中-rt-やなか-rt-ruby-の路地".
/// </summary>
public sealed class RubyTitleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("<ruby>谷中<rt>やなか</rt></ruby>の路地を歩く")]
    [InlineData("｜谷中《やなか》の路地を歩く")]
    public async Task Create_article_with_a_ruby_in_its_title_derives_the_slug_from_its_base(string title)
    {
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title, ["body"] = "谷中の路地を歩いた。", ["language"] = "ja" });

        Assert.StartsWith("谷中の路地を歩く", article["slug"]!.GetValue<string>());
        Assert.Equal(title, article["title"]!.GetValue<string>());
    }

    /// <summary>
    /// A title is text (README), so its highlight is that text escaped, tags and all, never markup the title smuggles
    /// into a page: an explorer's "the tags show escaped" is the promise kept.
    /// </summary>
    [Fact]
    public async Task Search_highlights_a_title_holding_tags_as_its_escaped_text()
    {
        var title = "<ruby>谷中<rt>やなか</rt></ruby>の路地をゆく";
        var article = await new TestContent(factory.Writer()).ArticleAsync(new() { ["title"] = title, ["body"] = "下町の路地を歩いた。", ["language"] = "ja", ["status"] = "published" });

        var results = await factory.Anonymous().SearchAsync("谷中", "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == article["id"]!.GetValue<long>())!;
        var snippet = Assert.Single(hit.Highlights(), h => h.Field == "title").Snippet;
        Assert.Equal("&lt;ruby&gt;<mark>谷中</mark>&lt;rt&gt;やなか&lt;/rt&gt;&lt;/ruby&gt;の路地をゆく", snippet);
    }
}
