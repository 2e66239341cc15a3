using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Http.Json;
using ContentApi.Http.Lists;
using ContentApi.Images;
using ContentApi.OpenApi;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>A search hit is the article as its reads send it (search offers no renderings), with highlights.</summary>
public sealed class SearchResultTests
{
    /// <summary>What a search hit leaves out of an article read: its renderings, and the key names a key holder's read has (search ranks what anyone may read).</summary>
    private static readonly string[] Renderings = ["bodyHtml", "toc", "plainText", "createdBy", "updatedBy"];

    private static readonly DateTimeOffset Made = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static readonly ImageResponse Photo = new(
        3, "https://images.example.com/a.jpg", "示意圖", "發布會", "圖源:ifanr", "CC BY 4.0", 1200, 675, "image/jpeg", 123_456, null, Made, Made, 2);

    /// <summary>Every member a value of its own, so that one copied into another's place shows.</summary>
    private static readonly ArticleResponse Article = new(
        7, "tongyi", "通義千問", "副標題", "摘要", "# 標題\n\n正文", "zh-Hant", ArticleStatus.Published, Made.AddHours(1),
        [new AuthorSummary(11, "li", "李", Photo with { Id = 5 })], [new TagSummary(12, "ai", "AI")], Photo, [Photo with { Id = 4 }], "https://example.com/a",
        5, 9, Made.AddHours(2), Made.AddHours(3), 13);

    [Fact]
    public void Its_members_are_an_article_reads_in_their_order_but_the_renderings_then_highlights()
    {
        Assert.Equal([.. FieldSet.MembersOf(typeof(ArticleResponse)).Except(Renderings), "highlights"], FieldSet.MembersOf(typeof(SearchResult)));
        foreach (var member in typeof(SearchResult).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(SearchResult.Highlights)))
        {
            var read = typeof(ArticleResponse).GetProperty(member.Name)!;
            Assert.Equal(read.PropertyType, member.PropertyType);
            Assert.Equal(PropertyNullability.IsNullable(read), PropertyNullability.IsNullable(member));
            Assert.Equal(read.GetCustomAttribute<SchemaFormatAttribute>()?.Format, member.GetCustomAttribute<SchemaFormatAttribute>()?.Format);
            // The body is always sent by reads, and by search only when fields names it.
            Assert.Equal(member.Name == nameof(SearchResult.Body), read.GetCustomAttribute<OmittedUnlessAttribute>()?.When != member.GetCustomAttribute<OmittedUnlessAttribute>()?.When);
        }
    }

    [Fact]
    public void It_writes_its_articles_json_then_the_highlights()
    {
        var hit = SearchResult.Of(Article, [new SearchHighlight(HighlightField.Body, "<mark>正文</mark>")]);

        var expected = JsonNode.Parse(JsonSerializer.Serialize(Article, JsonSetup.Options))!.AsObject();
        expected["highlights"] = new JsonArray(new JsonObject { ["field"] = "body", ["snippet"] = "<mark>正文</mark>" });
        var written = JsonNode.Parse(JsonSerializer.Serialize(hit, JsonSetup.Options))!.AsObject();
        Assert.Equal(expected.Select(m => m.Key), written.Select(m => m.Key));
        Assert.True(JsonNode.DeepEquals(expected, written), written.ToJsonString());
    }
}
