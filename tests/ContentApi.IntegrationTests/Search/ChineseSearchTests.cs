using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>Chinese search over the fixture corpus: words inside runs, Traditional/Simplified, mixed scripts, phrases, exclusions.</summary>
public sealed class ChineseSearchTests(SearchCorpusFactory factory) : IClassFixture<SearchCorpusFactory>
{
    [Theory]
    [InlineData("通義千問")]
    [InlineData("千問")]
    [InlineData("通義")]
    [InlineData("義千")]
    public async Task Search_any_substring_of_a_chinese_run_finds_the_article(string q)
    {
        var results = await factory.Anonymous().SearchAsync(q);

        Assert.Contains("qwen3-max-launch", results.Slugs());
    }

    [Theory]
    [InlineData("問通")]
    [InlineData("問發布通")]
    [InlineData("千通")]
    public async Task Search_characters_not_adjacent_in_that_order_find_nothing(string q)
    {
        var results = await factory.Anonymous().SearchAsync(q);

        Assert.Empty(results.Slugs());
        Assert.Equal(0, results.Total());
    }

    [Theory]
    [InlineData("通义千问", "qwen3-max-launch")]        // Simplified query, Traditional text
    [InlineData("通義千問", "qwen-open-source-hans")]   // Traditional query, Simplified text
    [InlineData("小籠包", "din-tai-fung-hans")]
    [InlineData("台积电", "tsmc-2nm-hant")]
    [InlineData("網球", "zheng-qinwen-gold-hans")]
    public async Task Search_traditional_and_simplified_find_each_other(string q, string slug)
    {
        var results = await factory.Anonymous().SearchAsync(q);

        Assert.Contains(slug, results.Slugs());
    }

    [Fact]
    public async Task Search_simplified_query_marks_the_traditional_words_in_highlights()
    {
        var results = await factory.Anonymous().SearchAsync("通义千问", "limit=100");

        var launch = results["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == "qwen3-max-launch")!;
        var highlights = launch.Highlights();
        Assert.Contains(("title", "<mark>通義千問</mark>發布 Qwen3-Max 兆級參數模型"), highlights);
        Assert.DoesNotContain(highlights, h => h.Snippet.Contains("<mark>通義</mark>實驗室", StringComparison.Ordinal)); // 通義 alone is not the query
    }

    [Fact]
    public async Task Search_mixed_latin_and_chinese_terms_must_all_match()
    {
        var both = await factory.Anonymous().SearchAsync("Qwen3-Max 模型");
        var latinOnly = await factory.Anonymous().SearchAsync("Qwen3-Max");

        Assert.Equal("qwen3-max-launch", both.Slugs()[0]);
        Assert.DoesNotContain("gpt5-enterprise-en", both.Slugs()); // has Qwen3-Max but no 模型
        Assert.Contains("gpt5-enterprise-en", latinOnly.Slugs());
        var title = both["items"]![0]!.Highlights().Single(h => h.Field == "title").Snippet;
        Assert.Equal("通義千問發布 <mark>Qwen3-Max</mark> 兆級參數<mark>模型</mark>", title);
    }

    [Theory]
    [InlineData("\"大型語言模型\"", 2)]
    [InlineData("\"语言模型\"", 2)]
    [InlineData("\"模型語言\"", 0)]
    [InlineData("\"language models\"", 1)]
    [InlineData("\"models language\"", 0)]
    [InlineData("\"SWE-Bench Verified\"", 3)]
    [InlineData("\"Verified SWE-Bench\"", 0)]
    [InlineData("\"大型語言模型", 2)] // an unclosed quote runs to the end
    public async Task Search_quoted_phrase_matches_words_in_that_order(string q, int total)
    {
        var results = await factory.Anonymous().SearchAsync(q);

        Assert.Equal(total, results.Total());
    }

    [Fact]
    public async Task Search_minus_word_excludes_articles_containing_it()
    {
        var all = await factory.Anonymous().SearchAsync("通義千問");
        var withoutQwen3 = await factory.Anonymous().SearchAsync("通義千問 -Qwen3-Max");
        var withoutOpenSource = await factory.Anonymous().SearchAsync("千問 -開源");

        Assert.Equal(3, all.Total());
        Assert.Equal(["qwen-open-source-hans"], withoutQwen3.Slugs());
        Assert.DoesNotContain("qwen-open-source-hans", withoutOpenSource.Slugs()); // 開源 excludes 开源 too
        Assert.Contains("qwen3-max-launch", withoutOpenSource.Slugs());
        Assert.DoesNotContain(withoutQwen3["items"]![0]!.Highlights(), h => h.Snippet.Contains("Qwen3", StringComparison.Ordinal) && h.Snippet.Contains("<mark>Qwen3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("茶", new[] { "bubble-tea-hant" })]
    [InlineData("鼎", new[] { "din-tai-fung-hans" })]
    [InlineData("捞", new[] { "hotpot-chain-hans" })]
    [InlineData("撈", new[] { "hotpot-chain-hans" })] // Traditional form of a character written in Simplified
    public async Task Search_single_cjk_character_finds_articles_containing_it(string q, string[] slugs)
    {
        var results = await factory.Anonymous().SearchAsync(q);

        Assert.Equal(slugs, results.Slugs());
        var highlight = results["items"]![0]!.Highlights()[0].Snippet;
        Assert.Contains("<mark>", highlight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_single_common_character_finds_every_article_using_it()
    {
        var results = await factory.Anonymous().SearchAsync("車", "limit=100&fields=slug");

        // 車 (Traditional) and 车 (Simplified) alike; the tag 電動車 counts too.
        Assert.Contains("xiaomi-su7-hans", results.Slugs());
        Assert.Contains("nio-battery-swap-mixed", results.Slugs());
        Assert.Contains("tesla-robotaxi-en", results.Slugs());
        Assert.DoesNotContain("palace-museum-hant", results.Slugs());
    }
}
