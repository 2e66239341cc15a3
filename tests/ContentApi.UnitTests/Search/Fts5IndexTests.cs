using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

/// <summary>The analyzer and the MATCH builder against a real FTS5 table, as the search store will use them.</summary>
public sealed class Fts5IndexTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "通義千問發布 Qwen3-Max 模型，SWE-Bench Verified 得分 69.6。圖源:ifanr",
        "阿里巴巴的通义千问团队",
        "Café crème in Paris",
        "請問通知",
        "東京タワーとすし",
        "한국어 검색 엔진",
        "x marks near the spot",
        "ＧＰＴ４ｏ 發布",
        "Brûlé3k menu",
        "GPT\u00AD4o notes",
    ];

    private readonly InMemorySearchIndex _index = new(Documents);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("通義千問", new long[] { 1, 2 })]
    [InlineData("通义千问", new long[] { 1, 2 })]
    [InlineData("千問", new long[] { 1, 2 })]
    [InlineData("義千", new long[] { 1, 2 })]
    [InlineData("問通", new long[] { 4 })]
    [InlineData("問", new long[] { 1, 2, 4 })]
    [InlineData("圖源", new long[] { 1 })]
    [InlineData("图源", new long[] { 1 })]
    [InlineData("源圖", new long[0])]
    [InlineData("问发", new long[] { 1 })]
    [InlineData("タワー", new long[] { 5 })]
    [InlineData("すし", new long[] { 5 })]
    [InlineData("한국", new long[] { 6 })]
    [InlineData("검색", new long[] { 6 })]
    public void Match_cjk_query_finds_substrings_of_runs_in_either_script(string query, long[] expected) =>
        Assert.Equal(expected, Search(query));

    [Theory]
    [InlineData("qwen3", new long[] { 1 })]
    [InlineData("Qwen3-Max", new long[] { 1 })]
    [InlineData("QWEN3 max", new long[] { 1 })]
    [InlineData("qwen", new long[] { 1 })] // a model's name alone (review); it was none
    [InlineData("wen3", new long[0])]
    [InlineData("\"SWE-Bench Verified\"", new long[] { 1 })]
    // A word of letters and digits is found however it is written: full-width, accented, with a soft hyphen (review).
    [InlineData("GPT4o", new long[] { 8, 10 })]
    [InlineData("ＧＰＴ４ｏ", new long[] { 8, 10 })]
    [InlineData("gpt", new long[] { 8, 10 })]
    [InlineData("brule3k", new long[] { 9 })]
    [InlineData("BRÛLÉ", new long[] { 9 })]
    [InlineData("\"Verified SWE-Bench\"", new long[0])]
    [InlineData("\"模型 SWE\"", new long[] { 1 })]
    [InlineData("cafe", new long[] { 3 })]
    [InlineData("CAFÉ Crème", new long[] { 3 })]
    [InlineData("69.6", new long[] { 1 })]
    public void Match_words_phrases_and_mixed_text(string query, long[] expected) =>
        Assert.Equal(expected, Search(query));

    [Theory]
    [InlineData("通義千問 -qwen3", new long[] { 2 })]
    [InlineData("問 -通知 -\"Qwen3-Max\"", new long[] { 2 })]
    public void Match_excluded_terms_remove_documents(string query, long[] expected) =>
        Assert.Equal(expected, Search(query));

    [Theory]
    [InlineData("NEAR(x spot)", new long[0])]
    [InlineData("x near", new long[] { 7 })]
    [InlineData("x OR 通知", new long[0])]
    [InlineData("AND OR NOT", new long[0])]
    [InlineData("body:x", new long[0])]
    [InlineData("{body}: x", new long[0])]
    [InlineData("x*", new long[] { 7 })]
    [InlineData("^x )", new long[] { 7 })]
    [InlineData("x \"", new long[] { 7 })]
    [InlineData("\"x\" \"marks\" \"\"\"", new long[] { 7 })]
    public void Match_fts5_syntax_in_user_input_is_searched_as_text_never_interpreted(string query, long[] expected) =>
        Assert.Equal(expected, Search(query));

    [Fact]
    public void Match_a_term_finds_exactly_what_the_phrase_of_all_its_index_tokens_finds()
    {
        // The query leaves out the unigrams that a term's first and last bigrams imply; every substring of every
        // document (without spaces, which would split it into terms) must match the same rows either way.
        var substrings = Documents.SelectMany(d => Enumerable.Range(0, d.Length)
                .SelectMany(start => Enumerable.Range(1, Math.Min(6, d.Length - start)).Select(length => d.Substring(start, length))))
            .Where(s => !s.Any(c => char.IsWhiteSpace(c) || c is '"' or '-')).Distinct().ToList();
        Assert.True(substrings.Count > 200);
        foreach (var text in substrings)
        {
            var allTokens = SearchAnalyzer.AnalyzeForIndex(text);
            if (allTokens.Length > 0)
            {
                Assert.True(Rows("\"" + allTokens + "\"").SequenceEqual(Search(text)), text);
            }
        }
    }

    private long[] Search(string query) => _index.Search(query);

    private long[] Rows(string match) => _index.Rows(match);
}
