using System.Text.Json;
using ContentApi.Articles;
using ContentApi.Authors;
using ContentApi.Http.Json;
using ContentApi.Http.Lists;
using ContentApi.Images;
using ContentApi.Rendering;
using ContentApi.Search;
using ContentApi.Tags;

namespace ContentApi.UnitTests.Http;

public sealed class SparseObjectTests
{
    private static readonly ArticleResponse Article = new(
        7, "通义千问", "通義千問「模型」 <b>&</b>", null, "摘要", "# 標題\n\n正文 😀", "zh-Hant", ArticleStatus.Published,
        new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), [new AuthorSummary(1, "li", "李", null)],
        [new TagSummary(2, "ai", "AI")], null, [], "https://example.com/a", 1, 9,
        new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), 4);

    private static readonly SearchResult Hit = SearchResult.Of(Article, [new SearchHighlight(HighlightField.Title, "<mark>通義</mark>千問")]);

    private static readonly DateTimeOffset Made = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static readonly ImageResponse Photo = new(
        3, "https://圖片.例子.tw/a.jpg", "示意圖", "發布會", "圖源:ifanr", "CC BY 4.0", 1200, 675, "image/jpeg", 123_456, new FocalPoint(0.25, 1e-7), Made, Made, 2);

    public static TheoryData<object> EveryResponseType() =>
    [
        Article,
        Hit,
        Hit with { Highlights = [] },
        Article with { CoverImage = Photo, Images = [Photo], BodyHtml = "<h1 id=\"x\">標題</h1>", Toc = [new TocEntry(1, "標題", "x")], PlainText = "標題" },
        new AuthorResponse(1, "li", "李", null, Photo, "https://example.com", "li@example.com", 3, Made, Made, 5),
        new TagResponse(2, "ai", "AI", "人工智慧", 0, Made, Made, 1),
        Photo,
        Photo with { FocalPoint = null, Width = null, ByteSize = long.MaxValue },
    ];

    [Theory]
    [MemberData(nameof(EveryResponseType))]
    public void With_every_member_it_writes_the_same_bytes_as_the_object(object response)
    {
        Assert.Equal(
            JsonSerializer.Serialize(response, response.GetType(), JsonSetup.Options),
            Serialize(response, [.. FieldSet.MembersOf(response.GetType())]));
    }

    [Fact]
    public void It_writes_only_the_named_members_in_the_objects_own_order()
    {
        var written = JsonDocument.Parse(Serialize(Article, ["version", "title", "authors", "id"])).RootElement;

        Assert.Equal(["id", "title", "authors", "version"], written.EnumerateObject().Select(p => p.Name));
        Assert.Equal("李", written.GetProperty("authors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Members_written_only_when_set_stay_out_when_null_although_named()
    {
        var written = JsonDocument.Parse(Serialize(Article, ["id", "bodyHtml", "toc", "coverImage"])).RootElement;

        Assert.Equal(["id", "coverImage"], written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, written.GetProperty("coverImage").ValueKind);
    }

    [Fact]
    public void Text_is_written_with_the_apps_encoder()
    {
        Assert.Equal("""{"title":"通義千問「模型」 <b>&</b>"}""", Serialize(Article, ["title"]));
    }

    private static string Serialize(object value, HashSet<string> names) =>
        JsonSerializer.Serialize<object>(new SparseObject(value, names), JsonSetup.Options);
}
