using System.Text;
using ContentApi.Rendering;
using ContentApi.Text;

namespace ContentApi.UnitTests.Rendering;

public sealed class TimedMarkdownParseTests
{
    private static string LongArticle()
    {
        var body = new StringBuilder();
        for (var paragraph = 0; body.Length < 200_000; paragraph++)
        {
            body.Append($"## 第 {paragraph} 節\n\n這是**重點**，見[來源](https://example.com/{paragraph})與 https://example.org/{paragraph} 的說明。\n\n");
        }
        return body.ToString();
    }

    [Fact]
    public void A_long_body_whose_parse_passes_the_limit_is_refused_as_too_slow()
    {
        // A limit of zero: the parse, on its own thread, cannot have finished when the limit is checked.
        Assert.Equal(TimedMarkdownParse.Explanation, ArticleText.Measure(LongArticle(), TimeSpan.Zero).TooComplex);
    }

    [Fact]
    public void A_long_body_whose_parse_has_time_is_measured_as_usual()
    {
        var stats = ArticleText.Measure(LongArticle(), ParseLimits.Unhurried);
        Assert.Null(stats.TooComplex);
        Assert.Contains("這是重點", stats.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_body_is_parsed_in_place_without_a_limit() =>
        Assert.Null(ArticleText.Measure("短文，**重點**。", TimeSpan.Zero).TooComplex);

    [Fact]
    public void Nesting_refused_on_the_parse_thread_is_reported_as_such()
    {
        var body = new string('>', 130) + " quoted\n\n" + string.Concat(Enumerable.Repeat("一段文字。\n\n", 5_000));
        Assert.Equal(MarkdownTooComplexException.Explanation, ArticleText.Measure(body, ParseLimits.Unhurried).TooComplex);
    }
}
