using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// A query term parted by punctuation that stands next to a Chinese or Japanese word: a Japanese list's middle dot, a
/// slash between a year and the next, an excluded pair of words, a pasted text of more parts than a query has terms.
/// Each test writes words no other test of the class uses, since the class shares one app.
/// </summary>
public sealed class PartedQueryTermsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> ArticleAsync(string body, string language = "zh-Hant") =>
        (await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body, ["language"] = language }))["id"]!.GetValue<long>();

    private async Task<List<long>> FindAsync(string q) => (await factory.Anonymous().SearchAsync(q, "limit=100")).Ids();

    private async Task<string> BodySnippetAsync(string q, long id)
    {
        var results = await factory.Anonymous().SearchAsync(q, "limit=100");
        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        return Assert.Single(hit.Highlights(), h => h.Field == "body").Snippet;
    }

    /// <summary>
    /// Japanese lists kanji words with ・ (東京・大阪): the query read it as the dot inside a foreign name and searched the
    /// one word 東京大阪, which missed the two cities written apart (search review).
    /// </summary>
    [Fact]
    public async Task Search_kanji_words_parted_by_a_middle_dot_finds_both_words_anywhere()
    {
        var id = await ArticleAsync("来月は名古屋で会議を開き、その後に福岡で展示会を予定している。", "ja");

        var snippet = await BodySnippetAsync("名古屋・福岡", id);

        Assert.Contains("<mark>名古屋</mark>", snippet);
        Assert.Contains("<mark>福岡</mark>", snippet);
    }

    /// <summary>An article holding the list is found by its words, joined, apart or listed, and marked.</summary>
    [Theory]
    [InlineData("札幌・仙台")]
    [InlineData("札幌 仙台")]
    [InlineData("仙台")]
    [InlineData("札幌仙台")]
    public async Task Search_an_article_listing_kanji_words_with_a_middle_dot_is_found_by_its_words(string q)
    {
        var id = await ArticleAsync("新しい路線は札幌・仙台の二都市を結ぶ。", "ja");

        var snippet = await BodySnippetAsync(q, id);

        Assert.Contains("仙台</mark>", snippet);
    }

    /// <summary>The dot inside a foreign name, in katakana or in Chinese, still joins the name: the parts apart do not find it.</summary>
    [Theory]
    [InlineData("ドナルド・トランプ", "ドナルドトランプ", "ドナルド今天出席，トランプ缺席。")]
    [InlineData("伊隆·馬斯克", "伊隆馬斯克", "伊隆今天出席，馬斯克缺席。")]
    public async Task Search_a_name_with_its_middle_dot_stays_one_name(string q, string joined, string apartBody)
    {
        var named = await ArticleAsync($"記者會見上，{q}發表了談話。");
        var apart = await ArticleAsync(apartBody);

        Assert.Contains(named, await FindAsync(q));
        Assert.Contains(named, await FindAsync(joined));
        Assert.DoesNotContain(apart, await FindAsync(q));
    }

    /// <summary>
    /// A slash or hyphen between a Chinese word and a number or a Latin word parted nothing: 2023年/2026年 was one phrase
    /// that found only the two years written in a row (search review).
    /// </summary>
    [Theory]
    [InlineData("2023年/2026年", "<mark>2023年</mark>", "<mark>2026年</mark>")]
    [InlineData("營運長/COO", "<mark>營運長</mark>", "<mark>COO</mark>")]
    [InlineData("COO-營運長", "<mark>營運長</mark>", "<mark>COO</mark>")]
    public async Task Search_a_chinese_word_parted_from_a_number_or_latin_word_finds_both_anywhere(string q, string first, string second)
    {
        var id = await ArticleAsync("公司在2023年任命新的營運長，該COO預計2026年卸任。");

        var snippet = await BodySnippetAsync(q, id);

        Assert.Contains(first, snippet);
        Assert.Contains(second, snippet);
    }

    /// <summary>A number's own sign and Latin words parted by a slash still read as written in a row.</summary>
    [Theory]
    [InlineData("37%股權")]
    [InlineData("PX/RQ")]
    public async Task Search_a_number_sign_or_a_slash_between_latin_words_stays_a_phrase(string q)
    {
        var inARow = await ArticleAsync("該基金持有37%股權，採用 PX/RQ 架構。");
        var apart = await ArticleAsync("該基金持有37家公司的股權，採用 PX 與 RQ 架構。");

        Assert.Contains(inARow, await FindAsync(q));
        Assert.DoesNotContain(apart, await FindAsync(q));
    }

    /// <summary>
    /// An excluded term parted by punctuation excluded only the two words with punctuation between them, not the same
    /// words written joined or spaced, which the included term finds (search review): it now excludes the words in a row,
    /// however they are parted, and not the words apart.
    /// </summary>
    [Theory]
    [InlineData("鯨魚 -華為雲-推出")]
    [InlineData("鯨魚 -華為雲/推出")]
    public async Task Search_an_excluded_term_parted_by_punctuation_excludes_its_words_in_a_row(string q)
    {
        var joined = await ArticleAsync("華為雲推出鯨魚模型。");
        var spaced = await ArticleAsync("華為雲 推出鯨魚模型。");
        var punctuated = await ArticleAsync("華為雲-推出鯨魚模型。");
        var apart = await ArticleAsync("華為雲今天在深圳推出鯨魚模型。");

        var found = await FindAsync(q);

        Assert.DoesNotContain(joined, found);
        Assert.DoesNotContain(spaced, found);
        Assert.DoesNotContain(punctuated, found);
        Assert.Contains(apart, found);
    }

    /// <summary>A quoted phrase parted by punctuation finds its words in a row, however they are parted, and marks them.</summary>
    [Fact]
    public async Task Search_a_quoted_phrase_parted_by_punctuation_finds_its_words_joined()
    {
        var joined = await ArticleAsync("字節跳動發表豆包新版。");

        Assert.Contains("<mark>字節跳動發表</mark>", await BodySnippetAsync("\"字節跳動-發表\"", joined));
    }

    /// <summary>
    /// A pasted text with a slash between every character was cut into more terms than a query may have: a 400 for a
    /// query of one term (search review). Past the limit, such a term is one phrase again, its characters in a row.
    /// </summary>
    [Fact]
    public async Task Search_a_pasted_term_of_more_parts_than_the_term_limit_is_one_phrase()
    {
        var joined = await ArticleAsync("聯發科今天在新竹舉行技術論壇發表新款晶片。");
        var slashed = await ArticleAsync("標籤：聯/發/科/今/天/在/新/竹/舉/行/技/術/論/壇/發/表/新/款");
        var apart = await ArticleAsync("聯發科的新款晶片。今天在新竹，技術論壇舉行發表。");

        var found = await FindAsync("聯/發/科/今/天/在/新/竹/舉/行/技/術/論/壇/發/表/新/款");

        Assert.Contains(joined, found);
        Assert.Contains(slashed, found);
        Assert.DoesNotContain(apart, found);
    }
}
