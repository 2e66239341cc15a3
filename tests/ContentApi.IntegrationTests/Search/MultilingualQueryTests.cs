using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Search;

/// <summary>
/// Queries as readers type them in Chinese, Taiwanese Bopomofo and product names: punctuation typed between two Chinese
/// words, a model's name written joined where the article hyphenates it, a phonetic spelling without its tone marks.
/// </summary>
public sealed class MultilingualQueryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<long> ArticleAsync(string body, string language = "zh-Hant") =>
        (await new TestContent(factory.Writer()).ArticleAsync(new() { ["body"] = body, ["language"] = language }))["id"]!.GetValue<long>();

    private async Task<List<long>> FindAsync(string q) => (await factory.Anonymous().SearchAsync(q, "limit=100")).Ids();

    /// <summary>
    /// Chinese is written without spaces, so a reader parts two words with whatever key is at hand: 阿里雲-發布 was one
    /// phrase that only matched the two words with punctuation between them, and found nothing (search review).
    /// </summary>
    [Theory]
    [InlineData("阿里雲-發布")]
    [InlineData("阿里雲/發布")]
    [InlineData("阿里雲.發布")]
    [InlineData("阿里雲:發布")]
    [InlineData("阿里雲*發布")]
    [InlineData("阿里云-发布")]
    public async Task Search_chinese_words_parted_by_punctuation_finds_both_words_anywhere(string q)
    {
        var id = await ArticleAsync("阿里雲今天在杭州舉行了年度大會，會上正式發布新模型。");

        var results = await factory.Anonymous().SearchAsync(q, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        var snippet = Assert.Single(hit.Highlights(), h => h.Field == "body").Snippet;
        Assert.Contains("<mark>阿里雲</mark>", snippet);
        Assert.Contains("<mark>發布</mark>", snippet);
    }

    /// <summary>A phrase of Chinese words still finds them only together: the quotes keep it one phrase.</summary>
    [Fact]
    public async Task Search_quoted_chinese_words_parted_by_a_hyphen_stay_one_phrase()
    {
        var apart = await ArticleAsync("騰訊雲今天在深圳舉行了年度大會，會上正式推出新模型。");

        Assert.Contains(apart, await FindAsync("騰訊雲-推出"));
        Assert.DoesNotContain(apart, await FindAsync("\"騰訊雲-推出\""));
    }

    /// <summary>
    /// A model's name is found whether its name, version and variant are written joined or apart: qwen3max missed
    /// Qwen3-Max (only the boundary after the name was tried both ways), and Qwen3-Max missed Qwen3Max (search review).
    /// </summary>
    [Theory]
    [InlineData("通義千問 Qwen3-Max 上線。", "qwen3max")]
    [InlineData("通義千問 Qwen3-Max 上線。", "Qwen3 Max")]
    [InlineData("通義千問 Qwen3-Max 上線。", "qwen 3 max")]
    [InlineData("通義千問 Qwen3Max 上線。", "Qwen3-Max")]
    [InlineData("通義千問 Qwen 3 Max 上線。", "qwen3max")]
    [InlineData("OpenAI 發布 GPT-4 模型。", "gpt4")]
    [InlineData("OpenAI 發布 GPT4 模型。", "GPT-4")]
    [InlineData("OpenAI 發布 GPT 4o 模型。", "gpt-4o")]
    [InlineData("OpenAI 發布 GPT-4o 模型。", "gpt4o")]
    [InlineData("Meta 發布 Llama 3.1 模型。", "llama3.1")]
    [InlineData("Meta 發布 Llama3.1 模型。", "Llama 3.1")]
    public async Task Search_a_model_name_written_joined_or_apart_finds_the_other_spelling(string body, string q)
    {
        var id = await ArticleAsync(body);

        var results = await factory.Anonymous().SearchAsync(q, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(hit.Highlights(), h => h.Field == "body" && h.Snippet.Contains("<mark>", StringComparison.Ordinal));
    }

    /// <summary>A joined name does not find other versions or names that only share its parts.</summary>
    [Fact]
    public async Task Search_a_joined_model_name_does_not_find_another_version()
    {
        var other = await ArticleAsync("通義千問 Qwen2-Max 與 Qwen3-Plus 上線。");

        Assert.DoesNotContain(other, await FindAsync("qwen3max"));
    }

    /// <summary>
    /// Bopomofo is often written with its tone marks (ˊ ˇ ˋ ˙) and often without: the marks were words of their own
    /// that broke the run, so ㄓㄨㄧㄣ missed ㄓㄨˋㄧㄣ and the other way round (search review).
    /// </summary>
    [Theory]
    [InlineData("注音拼法是ㄓㄨˋㄧㄣ，很好學。", "ㄓㄨㄧㄣ", "<mark>ㄓㄨˋㄧㄣ</mark>")]
    [InlineData("注音拼法是ㄓㄨㄧㄣ，很好學。", "ㄓㄨˋㄧㄣ", "<mark>ㄓㄨㄧㄣ</mark>")]
    [InlineData("他說ㄨㄛˇ ㄞˋ ㄋㄧˇ就走了。", "ㄨㄛㄞㄋㄧ", "<mark>ㄨㄛˇ ㄞˋ ㄋㄧ</mark>ˇ")]
    public async Task Search_bopomofo_with_or_without_tone_marks_finds_the_other(string body, string q, string marked)
    {
        var id = await ArticleAsync(body);

        var results = await factory.Anonymous().SearchAsync(q, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(hit.Highlights(), h => h.Field == "body" && h.Snippet.Contains(marked, StringComparison.Ordinal));
    }

    /// <summary>
    /// An emoji is a word of its own, as Lucene's standard tokenizer reads one: a query of one was a 400 ("at least one
    /// word") and the emoji was in no index, so nothing found the post tagging a party with 🎉 (search review). A skin
    /// tone is left out as an accent is, so 👍 finds 👍🏽; a flag is its pair of letters, one word.
    /// </summary>
    [Theory]
    [InlineData("🎉", "<mark>🎉</mark>")]
    [InlineData("👍", "<mark>👍🏽</mark>")]
    [InlineData("👍🏽", "<mark>👍🏽</mark>")]
    [InlineData("🇹🇼", "<mark>🇹🇼</mark>")]
    [InlineData("慶功宴🎉", "<mark>慶功宴🎉</mark>")]
    public async Task Search_an_emoji_finds_the_article_and_marks_it(string q, string marked)
    {
        var id = await ArticleAsync("今天的慶功宴🎉大家都很開心，手舉🇹🇼國旗比了👍🏽。");

        var results = await factory.Anonymous().SearchAsync(q, "limit=100");

        var hit = Assert.Single(results["items"]!.AsArray(), item => item!["id"]!.GetValue<long>() == id)!;
        Assert.Contains(hit.Highlights(), h => h.Field == "body" && h.Snippet.Contains(marked, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_an_emoji_does_not_find_an_article_without_it()
    {
        var other = await ArticleAsync("今天的慶功宴大家都很開心🎈。");

        Assert.DoesNotContain(other, await FindAsync("🎉"));
    }
}
