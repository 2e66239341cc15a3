using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed class RegionalWordsTests
{
    private static string Highlight(string text, string query) => Snippets.Highlight(text, SearchQuery.Parse(query));

    [Theory]
    [InlineData("台灣的人工智慧產業", "人工智能", "台灣的<mark>人工智慧</mark>產業")]
    [InlineData("大陆的人工智能产业", "人工智慧", "大陆的<mark>人工智能</mark>产业")]
    [InlineData("新版軟體上線", "软件", "新版<mark>軟體</mark>上線")]
    [InlineData("資料庫與伺服器", "数据库 服务器", "<mark>資料庫</mark>與<mark>伺服器</mark>")]
    [InlineData("在部落格發表", "博客", "在<mark>部落格</mark>發表")]
    [InlineData("網路影片平台", "网络视频", "<mark>網路影片</mark>平台")]
    [InlineData("推出人工智慧應用", "人工智能应用", "推出<mark>人工智慧應用</mark>")]
    [InlineData("買了印表機", "\"打印机\"", "買了<mark>印表機</mark>")]
    public void A_regional_word_in_the_query_marks_its_equivalents(string text, string query, string expected) =>
        Assert.Equal(expected, Highlight(text, query));

    [Theory]
    [InlineData("產品品質很好", "质量")] // 質量 is mass in Taiwan: no such pair
    [InlineData("程序正義", "程式")] // 程序 is a procedure in Taiwan: only its compounds are paired
    [InlineData("人工智能", "智慧")] // 智慧 alone is wisdom on the mainland: only 人工智慧 is paired
    public void A_word_outside_the_table_marks_only_itself(string text, string query) =>
        Assert.DoesNotContain("<mark>", Highlight(text, query), StringComparison.Ordinal);

    [Fact]
    public void A_regional_word_is_looked_for_in_each_of_its_forms_ored_within_the_term()
    {
        var match = Fts5Match.ToFts5Match(SearchQuery.Parse("软件 Qwen3"))!;

        Assert.StartsWith("(", match, StringComparison.Ordinal);
        Assert.Contains(" OR ", match, StringComparison.Ordinal);
        Assert.Contains(") AND ", match, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_of_many_regional_words_has_at_most_the_most_forms()
    {
        var term = SearchQuery.Parse("人工智能软件服务器数据库博客").Terms.Single();

        Assert.Equal(RegionalWords.MaxForms, term.Forms.Count);
    }
}
