using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

/// <summary>
/// The closing credits' pattern let a run of <c>*</c>, <c>_</c>, spaces and line ends before a repost note, a reporter line
/// or an address cross lines, so on a body of <c>***</c> lines (16 KB: 4,000 of them), or of blank lines, every line end
/// started a scan to the body's end:
/// 5 s to refuse a write of such a body (its Markdown too costly to parse, its raw text is what the excerpt is cut from),
/// minutes at 50 KB, on a thread that went on after the client left (fuzz helper). The run stays on its line now. No
/// test here reads the clock: at the size below the old pattern ran over a minute before the run was stopped (about ten
/// by its growth, not waited for).
/// </summary>
public sealed class ClosingCreditScanTests
{
    [Theory]
    [InlineData("***\n")]
    [InlineData("___\n")]
    [InlineData("*_\n\n")]
    [InlineData(" \n")]
    [InlineData("\n")]
    [InlineData("。 \n")]
    public void Lines_of_emphasis_markers_are_no_closing_credit_and_are_read_once(string line)
    {
        var body = string.Concat(Enumerable.Repeat(line, 40_000));
        Assert.Equal(body, ClosingCredit.Without(body));
        Assert.Equal(("Prices held steady.\n" + body).TrimEnd(), ClosingCredit.Without("Prices held steady.\n" + body + "*Reporting by Jane Doe*").TrimEnd());
    }

    /// <summary>
    /// Review: each closing line taken off the end was found by a scan of all the text before it, so a body of thousands
    /// of disclaimer, source or editor lines was read once a line (minutes at this size, not waited for). So many are
    /// no article's closing matter but what the text is made of: it stays whole, as a text of closing matter alone does.
    /// </summary>
    [Theory]
    [InlineData("Disclaimer: the author holds no shares.\n")]
    [InlineData("免責聲明：本文僅供參考。\n")]
    [InlineData("来源：新京报\n")]
    [InlineData("责任编辑：王五\n")]
    public void A_body_of_thousands_of_closing_lines_is_not_read_once_a_line(string line)
    {
        var body = "Prices held steady.\n" + string.Concat(Enumerable.Repeat(line, 40_000));
        Assert.Equal(body, ClosingCredit.Without(body));
    }

    /// <summary>
    /// Review: the white space starting a line was matched twice over, by the line's own run and by the run a repost
    /// note, a reporter line or a disclaimer may start with, so a line of spaces was tried at every split of it between
    /// the two: quadratic in its length (a minute and more at this size, not waited for).
    /// </summary>
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(" \t")]
    public void A_long_run_of_white_space_starting_a_line_is_read_once(string space)
    {
        var run = string.Concat(Enumerable.Repeat(space, 200_000 / space.Length));
        Assert.Equal("Prices held steady.\n" + run + "x", ClosingCredit.Without("Prices held steady.\n" + run + "x"));
        Assert.Equal("Prices held steady.\n", ClosingCredit.Without("Prices held steady.\n" + run + "免責聲明：本文僅供參考。"));
    }
}
