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
}
