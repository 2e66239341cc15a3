using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

/// <summary>
/// The closing matter is looked for only near the end of the text (<see cref="ClosingMatterWindow"/>), and must be found
/// as a search of the whole text finds it: closing matter longer than the window (its runs of white space, brackets,
/// addresses and chains of credits are unbounded), texts shorter than it, line ends of any kind, and a window starting
/// inside a surrogate pair.
/// </summary>
public sealed class ClosingCreditWindowTests
{
    /// <summary>Far longer than the window, with no white space for it to skip.</summary>
    private static readonly string LongCjkBody = string.Concat(Enumerable.Repeat("阿里巴巴今日發布新模型，稱其在多項評測中領先。", 200));

    private static readonly string LongEnglishBody = string.Concat(Enumerable.Repeat("Prices held steady as traders waited for the report. ", 200));

    [Theory]
    [InlineData("短文。\n责任编辑：王五", "短文。\n")]
    [InlineData("短文。（完）", "短文。")]
    [InlineData("短文。\n本文僅代表作者觀點，不代表本平台立場。", "短文。\n")]
    [InlineData("责任编辑：王五", "责任编辑：王五")]
    [InlineData("", "")]
    public void A_text_shorter_than_the_window_loses_its_closing_matter(string text, string expected) =>
        Assert.Equal(expected, ClosingCredit.Without(text));

    [Theory]
    [InlineData("责任编辑：王五")]
    [InlineData("（完）")]
    [InlineData("本文僅代表作者觀點，不代表本平台立場。")]
    [InlineData("(Reporting by Jane Doe; Editing by John Roe)")]
    [InlineData("hong@yna.co.kr")]
    [InlineData("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>")]
    public void A_long_text_loses_its_closing_line(string closing)
    {
        Assert.Equal(LongCjkBody + "\n", ClosingCredit.Without(LongCjkBody + "\n" + closing));
        Assert.Equal(LongEnglishBody.TrimEnd() + "\n", ClosingCredit.Without(LongEnglishBody.TrimEnd() + "\n" + closing));
    }

    [Theory]
    [InlineData("（共同）")]
    [InlineData("（編輯：李四）1141204")]
    [InlineData("（完）")]
    public void A_long_text_loses_the_credit_run_into_its_last_line(string closing) =>
        Assert.Equal(LongCjkBody, ClosingCredit.Without(LongCjkBody + closing));

    [Fact]
    public void A_chain_of_credits_longer_than_the_window_is_found_whole()
    {
        var chain = "（" + string.Join("／", Enumerable.Range(0, 80).Select(i => $"编辑：记者{i}")) + "）";
        Assert.Equal(LongCjkBody, ClosingCredit.Without(LongCjkBody + chain));
    }

    [Fact]
    public void An_address_longer_than_the_window_is_found_whole() =>
        Assert.Equal(LongCjkBody + "\n", ClosingCredit.Without(LongCjkBody + "\n" + new string('a', 5_000) + "@yna.co.kr"));

    [Fact]
    public void A_repost_note_after_a_run_of_markers_longer_than_the_window_is_found_whole() =>
        Assert.Equal(LongCjkBody + "\n", ClosingCredit.Without(LongCjkBody + "\n" + new string('*', 3_000) + "本文来自澎湃新闻"));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("　")]
    public void White_space_longer_than_the_window_inside_or_after_closing_matter_is_read_through(string space)
    {
        var run = string.Concat(Enumerable.Repeat(space, 3_000));
        Assert.Equal(LongEnglishBody.TrimEnd() + "\n", ClosingCredit.Without(LongEnglishBody.TrimEnd() + "\nThis" + run + "article was originally published on Example."));
        Assert.Equal(LongCjkBody + "\n", ClosingCredit.Without(LongCjkBody + "\n责任编辑：王五" + run));
        Assert.Equal(LongCjkBody, ClosingCredit.Without(LongCjkBody + "（编辑：" + run + "王五）"));
    }

    [Fact]
    public void Twelve_closing_items_after_a_long_text_are_all_taken_and_thirteen_are_none()
    {
        var twelve = string.Concat(Enumerable.Range(0, 11).Select(i => $"\n来源：报社{i}")) + "\n责任编辑：王五";
        Assert.Equal(LongCjkBody + "\n", ClosingCredit.Without(LongCjkBody + twelve));
        Assert.Equal(LongCjkBody + "\n来源：报社" + twelve, ClosingCredit.Without(LongCjkBody + "\n来源：报社" + twelve));
    }

    [Fact]
    public void Closing_lines_with_crlf_line_ends_are_taken() =>
        Assert.Equal(LongCjkBody + "\r\n", ClosingCredit.Without(LongCjkBody + "\r\n来源：新京报\r\n责任编辑：王五\r\n"));

    /// <summary>Each emoji is two UTF-16 units: the window of the first text starts inside one, that of the second between two.</summary>
    [Theory]
    [InlineData(1_000)]
    [InlineData(1_001)]
    public void A_window_starting_inside_a_surrogate_pair_finds_the_closing_matter(int emoji)
    {
        var body = string.Concat(Enumerable.Repeat("😀", emoji));
        Assert.Equal(body + "\n", ClosingCredit.Without(body + "\n责任编辑：王五"));
        Assert.Equal(body, ClosingCredit.Without(body + "（完）"));
        Assert.Equal(body + "😀", ClosingCredit.Without(body + "😀"));
    }

    [Fact]
    public void The_window_of_a_long_article_starts_near_its_end()
    {
        Assert.InRange(ClosingMatterWindow.Start(LongCjkBody), LongCjkBody.Length - 500, LongCjkBody.Length);
        Assert.InRange(ClosingMatterWindow.Start(LongEnglishBody), LongEnglishBody.Length - 600, LongEnglishBody.Length);
    }

    /// <summary>Every part between the slashes could be a credit of a chain, so nothing before the end may be left unread.</summary>
    [Fact]
    public void The_window_of_a_text_of_short_parts_between_slashes_is_all_of_it()
    {
        var text = string.Concat(Enumerable.Repeat("编辑：记者/", 500));
        Assert.Equal(0, ClosingMatterWindow.Start(text));
    }
}
