using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// Mainland China, Taiwan and Hong Kong write some words differently (人工智能 and 人工智慧, 软件 and 軟體): a query in one
/// region's word finds articles in the other's, and marks them, while every word of the query must still match.
/// </summary>
public sealed class RegionalWordsSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> ArticleAsync(string body, string language) =>
        (await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body, ["language"] = language }))["id"]!.GetValue<long>();

    [Fact]
    public async Task A_mainland_word_finds_and_marks_the_taiwanese_word_and_the_other_way_round()
    {
        var taiwan = await ArticleAsync("行政院今天宣布，將投入更多預算發展人工智慧與半導體產業。", "zh-Hant");
        var mainland = await ArticleAsync("工信部表示，将加快人工智能与集成电路产业发展。", "zh-Hans");

        var byMainlandWord = await factory.Anonymous().SearchAsync("人工智能", "limit=100");
        var byTaiwanWord = await factory.Anonymous().SearchAsync("人工智慧", "limit=100");

        Assert.Contains(taiwan, byMainlandWord.Ids());
        Assert.Contains(mainland, byMainlandWord.Ids());
        Assert.Contains(taiwan, byTaiwanWord.Ids());
        Assert.Contains(mainland, byTaiwanWord.Ids());
        var hit = Assert.Single(byMainlandWord["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == taiwan)!;
        Assert.Contains(("body", "行政院今天宣布，將投入更多預算發展<mark>人工智慧</mark>與半導體產業。"), hit.Highlights());
    }

    [Fact]
    public async Task Every_word_of_a_query_must_still_match_in_one_of_its_regional_forms()
    {
        var both = await ArticleAsync("這家公司的軟體部署在自家的伺服器上，資料庫則放在雲端。", "zh-Hant");
        var softwareOnly = await ArticleAsync("這家公司推出新的軟體，下個月上市。", "zh-Hant");

        var results = await factory.Anonymous().SearchAsync("软件 服务器", "limit=100");

        Assert.Contains(both, results.Ids());
        Assert.DoesNotContain(softwareOnly, results.Ids());
        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == both)!;
        Assert.Contains(("body", "這家公司的<mark>軟體</mark>部署在自家的<mark>伺服器</mark>上，資料庫則放在雲端。"), hit.Highlights());
    }
}
