using System.Text.RegularExpressions;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed partial class Fts5MatchTests
{
    private static string? Match(string query) => Fts5Match.ToFts5Match(SearchQuery.Parse(query));

    [Theory]
    [InlineData("qwen", "\"qwen\"")]
    [InlineData("qwen 模型", "\"qwen\" AND \"模型\"")]
    [InlineData("通義千問", "\"通义 义 义千 千 千问\"")]
    [InlineData("問", "\"问\"")]
    [InlineData("Qwen-Max", "\"qwen max\"")]
    [InlineData("\"SWE-Bench Verified\"", "\"swe bench verified\"")]
    public void ToFts5Match_included_terms_are_quoted_strings_joined_with_and(string query, string expected) =>
        Assert.Equal(expected, Match(query));

    /// <summary>A name and its version are matched joined or apart, whichever was typed: "gpt5" found no "GPT-5" (CJK probe).</summary>
    [Theory]
    [InlineData("qwen3", "(\"qwen3\" OR \"qwen 3\")")]
    [InlineData("GPT-5", "(\"gpt 5\" OR \"gpt5\")")]
    [InlineData("\"iPhone 15\" 模型", "(\"iphone 15\" OR \"iphone15\") AND \"模型\"")]
    [InlineData("gpt4o", "(\"gpt4 4 4o\" OR \"gpt 4 4o\")")]
    [InlineData("GPT-4o", "(\"gpt 4 4o\" OR \"gpt4 4 4o\")")]
    [InlineData("Qwen3-Max", "(\"qwen3 3 max\" OR \"qwen 3 max\" OR \"qwen3 3 3max\" OR \"qwen 3 3max\")")] // a variant after the version, joined or apart too
    [InlineData("Llama3.1", "(\"llama3 3 1\" OR \"llama 3 1\")")] // so does a version's further part
    [InlineData("\"Llama 3.1\"", "(\"llama 3 1\" OR \"llama3 3 1\")")]
    [InlineData("Qwen2.5-Max", "(\"qwen2 2 5 max\" OR \"qwen 2 5 max\")")]
    [InlineData("gpt-4o-mini", "(\"gpt 4 4o o mini\" OR \"gpt4 4 4o o mini\")")] // a name after the variant follows every spelling
    [InlineData("\"Qwen Max 3\"", "\"qwen max 3\"")] // letters and letters first
    [InlineData("2024-10", "\"2024 10\"")] // digits and digits
    [InlineData("a1b2c3d4e5", "\"a1b2c3d4e5\"")] // a code, kept whole
    [InlineData("models -gpt5", "(\"models\") NOT (\"gpt5\")")] // excluded as typed, within their bound
    public void ToFts5Match_a_name_and_its_version_are_matched_joined_or_apart(string query, string expected) =>
        Assert.Equal(expected, Match(query));

    [Fact]
    public void ToFts5Match_excluded_terms_are_subtracted_with_not() =>
        Assert.Equal("(\"a\" AND \"b\") NOT (\"c\" OR \"d e\")", Match("a -c b -\"d e\""));

    private static int TokenCount(string match) => match.Split([' ', '"'], StringSplitOptions.RemoveEmptyEntries).Count(t => t != "AND");

    [Fact]
    public void ToFts5Match_a_phrase_of_more_tokens_than_allowed_is_matched_by_its_start()
    {
        // 255 characters were a phrase of 507 tokens, checked at every one of a repetitive body's 250,000 characters.
        var match = Match(new string('模', SearchQuery.MaxLength - 1))!;

        Assert.Equal(Fts5Match.MaxTokens - 1, TokenCount(match));
        Assert.Equal(Match(new string('模', 33)), match);
    }

    [Fact]
    public void ToFts5Match_long_terms_share_the_tokens_allowed()
    {
        var sentence = "研究團隊在今年發表的報告中指出新型固態電池的能量密度已經比現有的鋰離子電池高出將近一倍";
        var terms = Enumerable.Range(0, SearchQuery.MaxTerms).Select(i => sentence[i..(i + 12)]).ToList();

        var match = Match(string.Join(' ', terms))!;

        Assert.InRange(TokenCount(match), SearchQuery.MaxTerms, Fts5Match.MaxTokens);
        Assert.Equal(SearchQuery.MaxTerms, match.Split(" AND ").Length);
    }

    [Fact]
    public void ToFts5Match_short_terms_beside_a_long_one_keep_all_their_tokens() =>
        // The 12 tokens of Qwen3-Max's four spellings leave 52: 27 characters are 51.
        Assert.Equal($"(\"qwen3 3 max\" OR \"qwen 3 max\" OR \"qwen3 3 3max\" OR \"qwen 3 3max\") AND {Match(new string('模', 27))}", Match("Qwen3-Max " + new string('模', 200)));

    [Fact]
    public void ToFts5Match_an_excluded_phrase_is_matched_whole_and_the_included_ones_share_what_it_leaves()
    {
        // Matched by its start, an excluded phrase also dropped articles that only began the same way (review).
        const string excluded = "董事長魏哲家今日表示營收將成長";
        var match = Match($"台積電 {new string('模', 200)} -\"{excluded}\"")!;

        Assert.EndsWith($"NOT ({Match(excluded)})", match, StringComparison.Ordinal);
        Assert.InRange(TokenCount(match.Replace("NOT", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)),
            1, Fts5Match.MaxTokens);
    }

    private static readonly string[] Names = ["gpt", "qwen", "llama", "claude", "gemini", "mistral", "phi", "yi", "glm", "ernie", "kimi", "doubao", "hunyuan", "spark", "baichuan", "minimax"];

    /// <summary>
    /// At the least share, one token, every spelling of a term is cut to its first unit: sixteen quoted names with their
    /// Chinese parted (four spellings and the words joined) were 80 strings of one token, and fourteen names beside
    /// excluded phrases of 26 tokens 82, past the tokens an expression may hold.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToFts5Match_many_spellings_cut_to_one_token_stay_within_the_tokens_allowed(bool besideExcludedPhrases)
    {
        var query = besideExcludedPhrases
            ? string.Join(' ', Names.Take(14).Select(name => $"{name}4o甲")) + " -甲乙丙丁戊己庚辛 -子丑寅卯辰巳午未"
            : string.Join(' ', Names.Select(name => $"\"{name}4o阿-雲\""));

        var match = Match(query)!;

        Assert.InRange(QuotedStrings().Matches(match).Sum(quoted => quoted.Groups[1].Value.Split(' ').Length), 1, Fts5Match.MaxTokens);
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedStrings();

    [Fact]
    public void An_excluded_phrase_of_more_than_its_share_of_tokens_is_refused() =>
        Assert.Equal(SearchQuery.TooMuchExcludedMessage, SearchQuery.Parse("台積電 -" + new string('模', 20)).Error);

    [Fact]
    public void ToFts5Match_the_same_term_twice_is_one_string() =>
        Assert.Equal("(\"模\" AND \"模型\") NOT (\"x\")", Match("模 模型 模 -x 模 -x"));

    [Theory]
    [InlineData("")]
    [InlineData("***")]
    [InlineData("-only")]
    public void ToFts5Match_invalid_query_gives_null(string query) => Assert.Null(Match(query));

    [Theory]
    [InlineData("NEAR(a b)")]
    [InlineData("title:x")]
    [InlineData("{title body}: x")]
    [InlineData("a*")]
    [InlineData("^x")]
    [InlineData("x \"")]
    [InlineData("AND OR NOT")]
    [InlineData("x )")]
    [InlineData("x OR y")]
    [InlineData("\"a\" + \"b\" -(c)")]
    [InlineData("x\"\"\"y")]
    public void ToFts5Match_injection_attempt_yields_only_quoted_strings_and_our_operators(string query)
    {
        var match = Match(query);
        Assert.NotNull(match);
        Assert.Matches(SafeExpression(), match);
    }

    // Strings of tokens (letters, digits, non-ASCII, single spaces), joined by AND, optionally minus an OR list.
    [GeneratedRegex("""^\(?"[^"()*:^+{}]+"( AND "[^"()*:^+{}]+")*\)?( NOT \("[^"()*:^+{}]+"( OR "[^"()*:^+{}]+")*\))?$""")]
    private static partial Regex SafeExpression();
}
