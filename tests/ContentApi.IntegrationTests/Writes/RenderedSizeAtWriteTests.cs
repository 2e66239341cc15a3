using System.Net;
using System.Net.Http.Json;
using ContentApi.IntegrationTests.Reading;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Writes;

/// <summary>
/// A body is stored only when readers will get it as HTML: one whose HTML would pass the renderer's bound is a 400 on
/// body when written, not a 201 whose every read shows its escaped source. 125,000 empty headings (250,000 characters)
/// were stored, as the write-time estimate counted no heading's id, and every read showed the source.
/// </summary>
public sealed class RenderedSizeAtWriteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    public static TheoryData<string, string> Expanding => new()
    {
        { "empty headings", string.Concat(Enumerable.Repeat("#\n", 125_000)) },
        { "deeply nested quotes", string.Concat(Enumerable.Repeat(new string('>', 90) + " 引\n\n", 2_500)) },
        { "a table of empty cells", TableOfEmptyCells(columns: 60, rows: 2_000) },
        { "deeply nested lists", string.Concat(Enumerable.Repeat("- - - - - - - - - - - - - - - - - - - a\n", 6_000)) },
    };

    private static string TableOfEmptyCells(int columns, int rows) =>
        "|" + string.Concat(Enumerable.Repeat("a|", columns)) + "\n|" + string.Concat(Enumerable.Repeat(":-:|", columns)) + "\n"
        + string.Concat(Enumerable.Repeat(new string('|', columns + 1) + "\n", rows));

    [Theory]
    [MemberData(nameof(Expanding))]
    public async Task A_body_whose_html_passes_the_bound_is_refused_when_written(string shape, string body) =>
        await AssertRefusedAsync(await PostAsync(body), shape);

    /// <summary>Under a row of figures a credit line is each figure's: 2,000 figures repeated a credit of 20 links.</summary>
    [Fact]
    public async Task A_row_of_figures_repeating_a_long_credit_is_refused_when_written()
    {
        var image = await _content.ImageAsync();
        var body = string.Concat(Enumerable.Repeat($"![](image:{image})\n", 2_000))
            + "圖源:" + string.Concat(Enumerable.Repeat("[中央社](https://example.com/cna) ", 20));

        await AssertRefusedAsync(await PostAsync(body, [image]), "a row of figures");
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string shape)
    {
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = (await response.AssertJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
            var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
            Assert.Fail($"{shape}: stored with a 201, and read as {(html.StartsWith("<pre>", StringComparison.Ordinal) ? "its escaped source" : "HTML")}");
        }
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("a million characters", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_chinese_article_with_credited_figures_is_stored_and_read_as_html()
    {
        var image = await _content.ImageAsync(credit: "圖源:ifanr", caption: "發布會現場");
        var body = string.Concat(Enumerable.Range(0, 150).Select(i =>
            $"## 第 {i} 節\n\n阿里雲在杭州發布了新一代大模型，**據報導**其推理成本下降了一半[^{i}]，詳見[官網](https://example.com/{i})。\n\n"
            + $"![發布會現場](image:{image})\n圖源:ifanr\n\n- 第一點\n- 第二點\n\n[^{i}]: 註 {i}\n\n"));

        var response = await PostAsync(body, [image]);

        var id = (await response.AssertJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        Assert.StartsWith("<h2", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, long[]? imageIds = null) =>
        await factory.Writer().PostAsJsonAsync("/api/v1/articles", new Dictionary<string, object?>
        {
            ["title"] = $"Article {Guid.NewGuid():N}",
            ["body"] = body,
            ["language"] = "zh-Hant",
            ["authorIds"] = new[] { await _content.AuthorAsync() },
            ["imageIds"] = imageIds ?? [],
            ["status"] = "published",
        }, HttpAssertions.Json);
}
