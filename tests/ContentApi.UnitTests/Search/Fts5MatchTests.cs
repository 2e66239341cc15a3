using System.Text.RegularExpressions;
using ContentApi.Search;

namespace ContentApi.UnitTests.Search;

public sealed partial class Fts5MatchTests
{
    private static string? Match(string query) => Fts5Match.ToFts5Match(SearchQuery.Parse(query));

    [Theory]
    [InlineData("qwen3", "\"qwen3\"")]
    [InlineData("qwen3 模型", "\"qwen3\" AND \"模型\"")]
    [InlineData("通義千問", "\"通义 义 义千 千 千问\"")]
    [InlineData("問", "\"问\"")]
    [InlineData("Qwen3-Max", "\"qwen3 max\"")]
    [InlineData("\"SWE-Bench Verified\"", "\"swe bench verified\"")]
    public void ToFts5Match_included_terms_are_quoted_strings_joined_with_and(string query, string expected) =>
        Assert.Equal(expected, Match(query));

    [Fact]
    public void ToFts5Match_excluded_terms_are_subtracted_with_not() =>
        Assert.Equal("(\"a\" AND \"b\") NOT (\"c\" OR \"d e\")", Match("a -c b -\"d e\""));

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
