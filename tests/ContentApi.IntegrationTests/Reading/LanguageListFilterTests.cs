using System.Net;
using System.Text.Json.Nodes;
using ContentApi.IntegrationTests.Search;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>
/// The language filter takes several ranges, any of which an article may match (a switcher's "English and French"), and
/// reads a Chinese script and the regions that write it by default as one: zh-Hant finds zh-TW, zh-HK and zh-MO.
/// </summary>
public sealed class LanguageListFilterTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly TestContent _content = new(factory.Writer());

    [Fact]
    public async Task ListArticles_by_several_languages_lists_the_articles_of_any_of_them_once_with_their_total()
    {
        var author = await _content.AuthorAsync();
        var english = await ArticleAsync(author, "en", "Why the night train is back");
        var british = await ArticleAsync(author, "en-GB", "The sleeper from London to Edinburgh");
        var french = await ArticleAsync(author, "fr", "Le retour des trains de nuit");
        var canadian = await ArticleAsync(author, "fr-CA", "Le train de nuit entre Montréal et Halifax");
        await ArticleAsync(author, "de", "Die Rückkehr der Nachtzüge");
        long[] expected = [english, british, french, canadian];

        foreach (var language in new[] { "en,fr", "fr,en", "en%2Cfr", "en&language=fr", "en%20,%20fr", "EN,fr,en-GB,fr", "en,fr-CA,fr" })
        {
            var list = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&language={language}&sort=createdAt");
            Assert.Equal(expected, list.ItemIds());
            Assert.Equal(4, list.Total());
        }
        Assert.Equal(expected, await factory.Anonymous().IdsOfEveryPageAsync($"/api/v1/articles?author={author}&language=en,fr&sort=createdAt&limit=3", 4));
    }

    [Fact]
    public async Task Search_by_several_languages_finds_the_hits_of_any_of_them()
    {
        var author = await _content.AuthorAsync();
        var word = "w" + Guid.NewGuid().ToString("N")[..12];
        var english = await ArticleAsync(author, "en", $"Night trains {word}");
        var french = await ArticleAsync(author, "fr-FR", $"Trains de nuit {word}");
        var hongKong = await ArticleAsync(author, "zh-HK", $"港鐵夜車 {word}");
        await ArticleAsync(author, "de", $"Nachtzüge {word}");

        var hits = await factory.Anonymous().SearchAsync(word, "language=en,fr");
        var traditional = await factory.Anonymous().SearchAsync(word, "language=zh-Hant");

        Assert.Equal(new[] { english, french }.Order(), hits.Ids().Order());
        Assert.Equal(2, hits.Total());
        Assert.Equal([hongKong], traditional.Ids());
    }

    [Theory]
    [InlineData("en,,fr", "Separate the items")]
    [InlineData("en,", "Separate the items")]
    [InlineData("en,*", "'*' is every language")]
    [InlineData("en,english", "'english'")]
    [InlineData("en,zh-*", "'zh-*'")]
    public async Task ListArticles_and_search_refuse_a_bad_language_list_naming_what_is_wrong(string language, string named)
    {
        foreach (var url in new[] { "/api/v1/articles?language=", "/api/v1/search?q=train&language=" })
        {
            var errors = await factory.Anonymous().GetErrorsAsync(url + Uri.EscapeDataString(language).Replace("%2C", ",", StringComparison.Ordinal));
            Assert.Contains(named, errors.Message("language"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListArticles_refuses_more_languages_than_the_filter_takes()
    {
        var languages = string.Join(",", "en fr de es it pt nl sv da nb fi pl cs sk hu ro bg el tr ru uk".Split(' '));

        var errors = await factory.Anonymous().GetErrorsAsync($"/api/v1/articles?language={languages}");

        Assert.Contains("At most 20 languages", errors.Message("language"), StringComparison.Ordinal);
        await factory.Anonymous().GetJsonAsync($"/api/v1/articles?language={string.Join(",", languages.Split(',')[..20])}");
    }

    [Fact]
    public async Task ListArticles_by_a_chinese_script_finds_the_regions_that_write_it_and_not_plain_zh()
    {
        var author = await _content.AuthorAsync();
        var hant = await ArticleAsync(author, "zh-Hant", "台積電公布先進製程進度");
        var taiwan = await ArticleAsync(author, "zh-TW", "颱風過後的東部鐵路");
        var hongKong = await ArticleAsync(author, "zh-HK", "港鐵新線通車首日");
        var macau = await ArticleAsync(author, "zh-MO", "澳門格蘭披治大賽車");
        var hantTaiwan = await ArticleAsync(author, "zh-Hant-TW", "立法院三讀通過預算");
        var hongKongNumbers = await ArticleAsync(author, "zh-HK-u-nu-hanidec", "恒生指數收市報告");
        var hans = await ArticleAsync(author, "zh-Hans", "人工智能大模型发布");
        var mainland = await ArticleAsync(author, "zh-CN", "春运铁路客流创新高");
        var singapore = await ArticleAsync(author, "zh-SG", "新加坡组屋政策调整");
        var malaysia = await ArticleAsync(author, "zh-MY", "吉隆坡捷运新站启用");
        var hansTaiwan = await ArticleAsync(author, "zh-Hans-TW", "台湾简体版新闻摘要");
        var plain = await ArticleAsync(author, "zh", "中文新闻");
        await ArticleAsync(author, "yue-Hant-HK", "今日天文台發出黃色暴雨警告");
        await ArticleAsync(author, "en", "Typhoon season in Taiwan");

        Assert.Equal([hant, taiwan, hongKong, macau, hantTaiwan, hongKongNumbers], await InAsync("zh-Hant"));
        Assert.Equal([hans, mainland, singapore, malaysia, hansTaiwan], await InAsync("zh-hans"));
        Assert.Equal([taiwan, hantTaiwan], await InAsync("zh-TW"));
        Assert.Equal([taiwan, hantTaiwan], await InAsync("zh-Hant-TW"));
        Assert.Equal([mainland], await InAsync("zh-CN"));
        Assert.Equal([hans, mainland, singapore, malaysia, hansTaiwan], await InAsync("zh-Hans-CN,zh-Hans"));
        Assert.Equal([hant, taiwan, hongKong, macau, hantTaiwan, hongKongNumbers, hans, mainland, singapore, malaysia, hansTaiwan], await InAsync("zh-Hant,zh-Hans"));
        Assert.Equal([hant, taiwan, hongKong, macau, hantTaiwan, hongKongNumbers, hans, mainland, singapore, malaysia, hansTaiwan, plain], await InAsync("zh"));

        async Task<List<long>> InAsync(string language)
        {
            var list = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&language={language}&sort=createdAt&limit=100");
            Assert.Equal(list.ItemIds().Count, list.Total());
            return list.ItemIds();
        }
    }

    [Fact]
    public async Task ListArticles_by_cantonese_finds_it_written_as_yue_or_as_the_extended_zh_yue()
    {
        var author = await _content.AuthorAsync();
        var yue = await ArticleAsync(author, "yue-HK", "今日天文台發出黃色暴雨警告");
        var extended = await ArticleAsync(author, "zh-yue-HK", "呢間茶餐廳嘅菠蘿包好出名");
        await ArticleAsync(author, "zh-HK", "港鐵新線通車首日");

        foreach (var language in new[] { "yue", "zh-yue", "yue-HK", "zh-yue-HK" })
        {
            var list = await factory.Anonymous().GetJsonAsync($"/api/v1/articles?author={author}&language={language}&sort=createdAt");
            Assert.Equal([yue, extended], list.ItemIds());
        }
    }

    [Fact]
    public async Task ListArticles_by_a_chinese_script_answers_with_its_own_etag_and_304()
    {
        var author = await _content.AuthorAsync();
        await ArticleAsync(author, "zh-TW", "颱風過後的東部鐵路");
        var url = $"/api/v1/articles?author={author}&language=zh-Hant";
        var first = await factory.Anonymous().GetAsync(url);
        Assert.Single((await first.AssertJsonAsync()).ItemIds());
        var onlyTraditional = await factory.Anonymous().GetAsync($"/api/v1/articles?author={author}&language=zh-Hans");
        Assert.NotEqual(first.Headers.ETag, onlyTraditional.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await factory.Anonymous().SendAsync(conditional)).StatusCode);
    }

    private async Task<long> ArticleAsync(long author, string language, string title) =>
        (await factory.Writer().CreateArticleAsync([author], new() { ["language"] = language, ["title"] = title, ["body"] = title + "。" })).Id();
}
