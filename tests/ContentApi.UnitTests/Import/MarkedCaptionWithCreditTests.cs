using ContentApi.Rendering;
using ContentApi.UnitTests.Rendering;

namespace ContentApi.UnitTests.Import;

/// <summary>
/// A caption opened with the ▲ Taiwanese papers mark a picture's label with, its credit run in after it
/// ("▲台積電總部。記者王小明攝", "▲台積電總部。（記者王小明攝）"), is the figure's caption and credit in the article's HTML, but
/// import gave the image neither and left the line in the body: it took a run-in credit only from a line opening with a
/// letter or digit. It now takes both, as from the same line without the mark, and the mark, which only sets the
/// line apart in the body, is no part of the image's caption.
/// </summary>
public sealed class MarkedCaptionWithCreditTests
{
    [Theory]
    [InlineData("▲台積電總部。記者王小明攝", "▲台積電總部。", "記者王小明攝")]
    [InlineData("▲台積電總部。（記者王小明攝）", "▲台積電總部。", "（記者王小明攝）")]
    [InlineData("△ 阿里雲發布會現場。（圖／路透社）", "△ 阿里雲發布會現場。", "（圖／路透社）")]
    public void A_marked_caption_with_its_credit_run_in_is_the_figures_caption_and_credit(string line, string caption, string credit)
    {
        var html = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, $"![](https://images.example.com/a.jpg)\n{line}\n\n正文。", new Dictionary<long, InlineImage>()).Html);

        Assert.Equal($"{caption} <small class=\"credit\">{credit}</small>", html.QuerySelector("figcaption")!.InnerHtml);
    }

    [Theory]
    [InlineData("▲台積電總部。記者王小明攝", "台積電總部。", "記者王小明攝")]
    [InlineData("▲台積電總部。（記者王小明攝）", "台積電總部。", "記者王小明攝")]
    [InlineData("△ 阿里雲發布會現場。（圖／路透社）", "阿里雲發布會現場。", "圖／路透社")]
    public void Import_takes_a_marked_caption_with_its_credit_run_in_as_the_images_caption_and_credit(string line, string caption, string credit)
    {
        var document = Import.Succeeds(Import.Lines(["---", "title: T", "authors: []", "---", "", "![Alt](https://images.example.com/a.jpg)", line, "", "Next."]));

        Assert.Equal((caption, credit), (Assert.Single(document.Images).Caption, document.Images[0].Credit));
        Assert.Equal("![Alt](image:{0})\n\nNext.\n", document.BodyTemplate);
    }

    /// <summary>The first point of a list opened with the mark is no label in the HTML (revision 40), so import leaves it too.</summary>
    [Fact]
    public void The_first_point_of_a_marked_list_stays_in_the_body_with_what_reads_as_a_credit()
    {
        string[] lines = ["![Alt](https://images.example.com/a.jpg)", "▲ 第一點：台積電總部。圖／路透社", "▲ 第二點：營收成長三成。", "", "Next."];
        var html = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, string.Join("\n", lines), new Dictionary<long, InlineImage>()).Html);
        Assert.DoesNotContain("第一點", html.QuerySelector("figcaption")?.TextContent ?? "", StringComparison.Ordinal);

        var document = Import.Succeeds(Import.Lines(["---", "title: T", "authors: []", "---", "", .. lines]));

        Assert.Equal((null, null), (Assert.Single(document.Images).Caption, document.Images[0].Credit));
        Assert.Contains("▲ 第一點：台積電總部。圖／路透社\n", document.BodyTemplate, StringComparison.Ordinal);
    }
}
