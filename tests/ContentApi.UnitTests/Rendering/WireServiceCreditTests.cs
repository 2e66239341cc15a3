using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Credits as wire services and newsrooms type them under a photo: the agency and its photographer with a slash
/// ("REUTERS/Ann Wang", "AP Photo/…", "AFP PHOTO / …"), a photographer "for" a paper, and a Taiwanese reporter's
/// "記者王小明／攝影" or CNA's dated "（中央社記者王小明攝　114年12月5日）". None was a credit: typed alone under the photo, it
/// was its caption, which left the image record's credit beside it (the photo credited to the wrong source), or it was
/// split inside ("(AP" the caption, "Photo/Tatan Syuflana)" the credit).
/// </summary>
public sealed class WireServiceCreditTests
{
    private static readonly InlineImage Agency = new(3, "https://cdn.example.com/a.jpg", "蘋果派", "原始圖說蘋果派", "中央社", 1200, 800);

    private static AngleSharp.Dom.IElement Body(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [3] = Agency }).Html);

    private static string Figcaption(string markdown) => Body(markdown).QuerySelector("figcaption")!.InnerHtml;

    public static TheoryData<string> Credits =>
    [
        "REUTERS/Ann Wang",
        "Reuters/Ann Wang",
        "REUTERS / Ann Wang",
        "Xinhua/Wang Xiao",
        "EPA-EFE/RITCHIE B. TONGO",
        "AP Photo/Tatan Syuflana",
        "(AP Photo/Tatan Syuflana)",
        "AFP PHOTO / SAM YEH",
        "AFP Photo/Sam Yeh",
        "Jane Doe for The New York Times",
        "Jane Doe for The Washington Post",
        "（記者王小明／攝影）",
        "（記者王小明/攝）",
        "記者王小明／攝",
        "記者王小明/攝影",
        "記者王小明攝影",
        "（中央社記者王小明攝　114年12月5日）",
        "（中央社記者王小明攝 2025年12月5日）",
        "（中央社記者王小明攝）",
    ];

    [Theory]
    [MemberData(nameof(Credits))]
    public void A_wire_credit_alone_under_a_photo_is_its_credit_and_the_images_caption_stays(string credit)
    {
        Assert.True(FigureLabels.NamesSource(credit));
        foreach (var markdown in new[] { $"![](image:3)\n{credit}\n\n正文。", $"![](image:3)\n\n{credit}\n\n正文。" })
        {
            Assert.Equal($"原始圖說蘋果派 <small class=\"credit\">{credit}</small>", Figcaption(markdown));
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        }
    }

    [Theory]
    [MemberData(nameof(Credits))]
    public void A_wire_credit_under_a_caption_sentence_is_its_credit(string credit) =>
        Assert.Equal($"行政院長出席記者會。 <small class=\"credit\">{credit}</small>", Figcaption($"![](image:3)\n行政院長出席記者會。\n{credit}\n\n正文。"));

    [Theory]
    [InlineData("(REUTERS/Ann Wang)")]
    [InlineData("(Xinhua/Wang Xiao)")]
    [InlineData("(EPA-EFE/RITCHIE B. TONGO)")]
    [InlineData("（記者王小明／攝影）")]
    [InlineData("（中央社記者王小明攝　114年12月5日）")]
    public void A_bracketed_wire_credit_ending_the_caption_line_is_set_apart(string credit) =>
        Assert.Equal($"行政院長出席記者會。 <small class=\"credit\">{credit}</small>", Figcaption($"![](image:3)\n行政院長出席記者會。{credit}\n\nBody."));

    /// <summary>
    /// A news agency's name alone under a photo, as newsrooms type it: the credit, in any case, in Chinese too; it was the
    /// caption, replacing the image's own, and the image record's credit stayed beside it.
    /// </summary>
    [Theory]
    [InlineData("Reuters")]
    [InlineData("REUTERS")]
    [InlineData("reuters")]
    [InlineData("AFP")]
    [InlineData("AP")]
    [InlineData("AP Photo")]
    [InlineData("AFP PHOTO")]
    [InlineData("XINHUA")]
    [InlineData("EPA-EFE")]
    [InlineData("Kyodo")]
    [InlineData("中央社")]
    [InlineData("新華社")]
    [InlineData("新华社")]
    [InlineData("路透社")]
    [InlineData("美聯社")]
    [InlineData("美联社")]
    [InlineData("法新社")]
    [InlineData("歐新社")]
    [InlineData("中新社")]
    [InlineData("中央社提供")]
    public void A_news_agency_alone_under_a_photo_is_its_credit(string credit)
    {
        Assert.True(FigureLabels.NamesSource(credit));
        foreach (var markdown in new[] { $"![](image:3)\n{credit}\n\n正文。", $"![](image:3)\n\n{credit}\n\n正文。", $"> ![](image:3)\n> {credit}\n\n正文。" })
        {
            Assert.Equal($"原始圖說蘋果派 <small class=\"credit\">{credit}</small>", Figcaption(markdown));
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        }
    }

    /// <summary>An agency's name in a sentence or beside another name with a slash is no credit: the line is the caption.</summary>
    [Theory]
    [InlineData("Apple/Google 合作發表")]
    [InlineData("SpaceX/NASA")]
    [InlineData("Reuters/Ipsos Poll shows support rising")]
    [InlineData("Reuters/Ipsos Poll Shows Support")]
    [InlineData("Reuters/Ipsos Poll")]
    [InlineData("Reuters Building")]
    [InlineData("中央社大樓")]
    [InlineData("路透社總部")]
    public void A_caption_naming_an_agency_stays_a_caption(string caption)
    {
        Assert.False(FigureLabels.NamesSource(caption));
        Assert.Equal($"{caption} <small class=\"credit\">中央社</small>", Figcaption($"![](image:3)\n{caption}\n\n正文。"));
    }

    /// <summary>Slashes, "for" and 攝影 in a caption name no agency or photographer: such a line stays the caption.</summary>
    [Theory]
    [InlineData("台北/新北 兩市合作")]
    [InlineData("台北／新北 兩市合作")]
    [InlineData("2024/25 賽季")]
    [InlineData("USA/Canada Border")]
    [InlineData("Reuters/Ipsos poll results")]
    [InlineData("Waiting for The Rolling Stones")]
    [InlineData("Fans queue for The New York Times")]
    [InlineData("記者會現場／攝影")]
    [InlineData("（2019年拍攝）")]
    [InlineData("（縮時攝影　2025年12月5日）")]
    public void A_caption_with_a_slash_or_a_for_stays_a_caption(string caption)
    {
        Assert.False(FigureLabels.NamesSource(caption));
        Assert.Equal($"{caption} <small class=\"credit\">中央社</small>", Figcaption($"![](image:3)\n{caption}\n\n正文。"));
    }
}
