using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A caption sentence opened with ▲ that starts as a credit does ("▲Photo by the author shows…", "▲來源：台積電年報顯示，…。")
/// was the figure's credit in place of the image's own, and import took it as the image's credit: the mark makes a
/// sentence a label, and the credit's words at its start made that label a credit, as they make none of the same
/// sentence without the mark.
/// </summary>
public sealed class MarkedCaptionSentenceTests
{
    private static readonly InlineImage Credited = new(12, "https://cdn.example.com/a.jpg", "發布會", null, "圖源:ifanr", 1200, 800);

    [Theory]
    [InlineData("▲Photo by the author shows the harbour at dawn.")]
    [InlineData("▲Source: the company said revenue rose.")]
    [InlineData("▲來源：台積電年報顯示，營收成長三成。")]
    [InlineData("▲ 圖／台積電董事長魏哲家今天在股東會上說，明年資本支出將再創新高。")]
    [InlineData("▲疫苗由政府免費提供。")]
    [InlineData("▲遊客在步道上拍攝。")]
    public void A_marked_sentence_that_starts_as_a_credit_is_the_figures_caption(string sentence)
    {
        var markdown = $"![](image:12)\n{sentence}\n\n正文。";
        var body = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Credited }).Html);
        Assert.Equal($"{sentence} <small class=\"credit\">圖源:ifanr</small>", body.QuerySelector("figcaption")!.InnerHtml);

        var document = Import.Import.Succeeds(Import.Import.Lines(["---", "title: T", "authors: []", "---", "", "![Alt](https://images.example.com/a.jpg)", sentence, "", "Next."]));
        Assert.Null(Assert.Single(document.Images).Credit);
    }

    [Theory]
    [InlineData("▲圖／路透社。")]
    [InlineData("▲來源：路透社。")]
    [InlineData("▲Photo: Reuters.")]
    [InlineData("▲攝影：王小明。")]
    // A photographer's credit and who provided the picture, without a source word (review: each was the caption, shown
    // beside the image's own credit).
    [InlineData("▲記者王小明攝。")]
    [InlineData("▲記者王小明／攝。")]
    [InlineData("▲張三 李四 攝。")]
    [InlineData("▲台積電提供。")]
    [InlineData("▲照片由王小明提供。")]
    public void A_marked_credit_ending_with_a_stop_stays_the_figures_credit(string credit)
    {
        var markdown = $"![](image:12)\n{credit}\n\n正文。";
        var body = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Credited }).Html);
        Assert.Equal(credit, body.QuerySelector("figcaption small.credit")!.TextContent);
    }
}
