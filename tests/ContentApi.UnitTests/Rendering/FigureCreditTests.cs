using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// Credit lines as newsrooms write them. A credit was known only by a colon after its first words, so a caption with
/// a colon ("左起：…") took the credit's place and the real credit after it became a paragraph of the article (and of
/// its excerpt), and credits written without a colon ("圖／中央社", "© Reuters", "Photo by …") were never credits.
/// </summary>
public sealed class FigureCreditTests
{
    private static readonly InlineImage Bare = new(12, "https://cdn.example.com/a.jpg", "發布會", null, null, 1200, 800);

    private static AngleSharp.Dom.IElement Body(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Bare }).Html);

    [Theory]
    [InlineData("左起：吳泳銘、蔡崇信", "圖源:ifanr")]
    [InlineData("From left: Eddie Wu, Joe Tsai", "Photo: Reuters")]
    [InlineData("阿里雲杭州發布會", "圖／中央社")]
    [InlineData("阿里雲杭州發布會", "（圖／中央社）")]
    [InlineData("아리윈 발표회", "사진=연합뉴스")]
    [InlineData("Launch event", "© Reuters")]
    [InlineData("Launch event", "Photo by Jane Doe")]
    [InlineData("Launch event", "Courtesy of Alibaba Cloud")]
    [InlineData("發布會：現場", "來源／阿里雲")]
    // Photo credits of more languages (editor probe).
    [InlineData("הרכבת בתחנה", "צילום: רויטרס")]
    [InlineData("İstanbul Boğazı", "Fotoğraf: AA")]
    [InlineData("Η Ακρόπολη", "ΦΩΤΟ: ΑΠΕ-ΜΠΕ")]
    [InlineData("รถไฟฟ้าสายสีชมพู", "ภาพโดย รอยเตอร์")]
    [InlineData("Hành khách trên tàu", "Ảnh: TTXVN")]
    [InlineData("चंद्रयान का प्रक्षेपण", "चित्र: इसरो")]
    [InlineData("محطة القطار", "تصوير: رويترز")]
    [InlineData("محطة القطار", "(رويترز)")]
    [InlineData("ایستگاه قطار", "عکس: ایرنا")]
    [InlineData("रेलवे स्टेशन", "(फोटो साभार: पीटीआई)")]
    // A label with a bracketed note before its colon (review: no credit once brackets opened no word).
    [InlineData("Launch event", "Photo (file): Reuters")]
    [InlineData("阿里雲杭州發布會", "來源（資料照）：中央社")]
    public void A_caption_and_the_credit_under_it_are_the_figures_label(string caption, string credit)
    {
        foreach (var markdown in new[] { $"![](image:12)\n{caption}\n{credit}\n\n正文。", $"![](image:12)\n\n{caption}\n\n{credit}\n\n正文。" })
        {
            var body = Body(markdown);
            Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
            Assert.Equal(caption, body.QuerySelector("figcaption")!.FirstChild!.TextContent.Trim());
            Assert.Equal(credit, body.QuerySelector("small.credit")!.TextContent);
            Assert.Equal("正文。", body.Children[1].TextContent);

            var excerpt = DerivedExcerpt.Of(markdown);
            Assert.Equal("正文。", excerpt);
        }
    }

    /// <summary>
    /// Taiwanese papers open a picture's label with ▲ (or △), its credit too: "▲圖／路透社" was a caption, shown beside
    /// the image's own credit (two credits for one photo), and "▲（圖／路透社）" a caption of "▲" alone (h200's e2e probe).
    /// </summary>
    [Theory]
    [InlineData("▲圖／路透社")]
    [InlineData("▲（圖／路透社）")]
    [InlineData("△ 攝影：王小明")]
    public void A_credit_opened_with_a_triangle_is_the_figures_credit(string credit)
    {
        var image = Bare with { Caption = "發布會現場", Credit = "圖源:ifanr" };
        foreach (var caption in new[] { "", "▲阿里雲總部外觀", "台積電位於新竹科學園區的晶圓廠。" })
        {
            var markdown = $"![](image:12)\n{caption}{(caption.Length > 0 ? "\n" : "")}{credit}\n\n正文。";
            var body = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = image }).Html);
            Assert.Equal($"{(caption.Length > 0 ? caption : "發布會現場")} <small class=\"credit\">{credit}</small>", body.QuerySelector("figcaption")!.InnerHtml);
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown)); // "台積電位於新竹科學園區的晶圓廠。▲圖／路透社 正文。" before
        }
        // A gallery's excerpt keeps its captions, not its credits: it was "▲圖／路透社 ▲（圖／路透社）".
        Assert.Equal("▲阿里雲總部外觀 ▲資料中心", DerivedExcerpt.Of($"![](image:12)\n▲阿里雲總部外觀\n{credit}\n\n![](image:12)\n▲資料中心\n{credit}"));
    }

    /// <summary>
    /// A sentence under a photo opened with ▲ is its caption, as Taiwanese papers mark one ("▲阿里雲位於杭州的總部大樓。"):
    /// ending as a sentence does, it was a paragraph of the article, and the start of its excerpt (h200's e2e probe).
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    public void A_sentence_opened_with_a_triangle_under_a_photo_is_its_caption(string gap)
    {
        var markdown = $"![](image:12){gap}▲阿里雲位於杭州的總部大樓。\n\n正文。";
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("▲阿里雲位於杭州的總部大樓。", body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>
    /// Korean papers and some Chinese writers open the points of a list with ▲, one a paragraph or a line: under a photo,
    /// the first point became its caption, gone from the article's text and its excerpt.
    /// </summary>
    [Theory]
    [InlineData("▲ 第一點：台積電第三季營收成長三成。", "▲ 第二點：毛利率創下新高。", "\n\n", "\n\n")]
    [InlineData("▲ 第一點：台積電第三季營收成長三成。", "▲ 第二點：毛利率創下新高。", "\n", "\n")]
    [InlineData("▲ 第一點：台積電第三季營收成長三成。", "▲ 第二點：毛利率創下新高。", "\n", "\n\n")]
    [InlineData("▲삼성전자는 3분기 영업이익이 9조원이라고 밝혔다.", "▲SK하이닉스도 사상 최대 실적을 냈다.", "\n\n", "\n\n")]
    public void Points_opened_with_a_triangle_under_a_photo_stay_the_articles_text(string first, string second, string gap, string between)
    {
        var markdown = $"![](image:12){gap}{first}{between}{second}";
        var body = Body(markdown);
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.Contains(first, body.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(first, DerivedExcerpt.Of(markdown), StringComparison.Ordinal);
    }

    /// <summary>
    /// A sentence opened with ▲ is a caption, not a credit by the colon after its first words (a quote: "…表示：「…。」"):
    /// as a credit it stood in for the image's own, the photo's source gone from the figure.
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    public void A_sentence_opened_with_a_triangle_with_a_colon_is_no_credit(string gap)
    {
        var image = Bare with { Credit = "圖源:ifanr" };
        var markdown = $"![](image:12){gap}▲ 記者會上，魏哲家表示：「我們會在美國擴大投資。」\n\n正文。";
        var body = SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = image }).Html);
        Assert.Equal("▲ 記者會上，魏哲家表示：「我們會在美國擴大投資。」 <small class=\"credit\">圖源:ifanr</small>", body.QuerySelector("figcaption")!.InnerHtml);
    }

    /// <summary>
    /// A line opened with ▲ that introduces what follows (a colon) or is the first line of a wrapped sentence (a comma) is
    /// no caption, as it is none without the mark: it became the figure's caption, and left the excerpt.
    /// </summary>
    [Theory]
    [InlineData("![](image:12)\n\n▲ 本次發表的重點如下：\n\n- 更快的推理\n- 更低的價格", "▲ 本次發表的重點如下：")]
    [InlineData("![](image:12)\n▲阿里雲今天在杭州發布了新模型，\n吸引上千名開發者到場。", "▲阿里雲今天在杭州發布了新模型，")]
    public void A_line_opened_with_a_triangle_that_goes_on_below_is_no_caption(string markdown, string line)
    {
        var body = Body(markdown);
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.StartsWith(line, DerivedExcerpt.Of(markdown), StringComparison.Ordinal);
    }

    /// <summary>
    /// News captions are sentences, and agencies' pass 100 characters: such a caption with its credit under it became a
    /// paragraph after the figure, with a second credit, and went into the excerpt (found by an editor's probe).
    /// </summary>
    [Theory]
    [InlineData("台積電位於新竹科學園區的晶圓廠。", "圖源：路透社")]
    [InlineData("*Residents wade through a flooded street in Jakarta.*", "Photo: AP")]
    [InlineData("삼성전자 평택캠퍼스 전경.", "사진=연합뉴스")]
    // Xinhua's credit line under its caption (CJK probe: both became paragraphs of the article and of its excerpt).
    [InlineData("图为工人在安徽合肥一家新能源汽车工厂生产线上作业。", "新华社记者 张三 摄")]
    [InlineData("10月4日，工人在生产线上作业。", "新华社发（张三 摄）")]
    [InlineData("工人在生產線上作業。", "記者王小明攝")]
    [InlineData("Workers in protective suits inspect the production line at the company's new semiconductor plant on the outskirts of Kumamoto, southern Japan, on Nov. 27, 2026.", "Photo: AP")]
    public void A_sentence_caption_right_above_its_credit_is_the_figures_label(string caption, string credit)
    {
        var shown = caption.Trim('*');
        foreach (var markdown in new[] { $"![](image:12)\n{caption}\n{credit}\n\n正文。", $"![](image:12)\n\n{caption}\n{credit}\n\n正文。" })
        {
            var body = Body(markdown);
            Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
            Assert.Equal(shown, body.QuerySelector("figcaption")!.FirstChild!.TextContent.Trim());
            Assert.Equal(credit, body.QuerySelector("small.credit")!.TextContent);
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        }
    }

    /// <summary>
    /// The same caption and credit each in a paragraph of its own, as CMS exports write them one &lt;p&gt; a line: the
    /// sentence caption and then the credit were paragraphs of the article, after a figure without either, and went into
    /// the excerpt (CJK probe).
    /// </summary>
    [Theory]
    [InlineData("熊本縣知事蒲島郁夫（左）與魏哲家（右）握手。", "圖／達志影像")]
    [InlineData("图为工人在安徽合肥一家新能源汽车工厂生产线上作业。", "新华社记者 张三 摄")]
    [InlineData("記者会見する佐藤恒治社長。", "写真＝共同")]
    [InlineData("삼성전자 평택캠퍼스 전경.", "연합뉴스 자료사진")]
    // Arabic, Persian and Hindi credits that name their source (RTL and Indic review: the caption was a paragraph of the
    // article and opened its excerpt).
    [InlineData("مقر الشركة في مدينة هانغتشو شرقي الصين.", "الصورة: رويترز")]
    [InlineData("متداولون في بورصة هونغ كونغ.", "(رويترز)")]
    [InlineData("ساختمان مرکزی علی‌بابا در شهر هانگژو.", "عکس: ایرنا")]
    [InlineData("हांगझोउ में अलीबाबा का मुख्यालय।", "तस्वीर: पीटीआई")]
    [InlineData("बीजिंग में प्रेस कॉन्फ्रेंस हुई।", "फोटो साभार: एएफपी")]
    [InlineData("מטה החברה בהאנגג'ואו שבמזרח סין.", "צילום: רויטרס")]
    public void A_sentence_caption_and_its_credit_in_paragraphs_of_their_own_are_the_figures_label(string caption, string credit)
    {
        foreach (var markdown in TwoParagraphsUnderAPicture(caption, credit))
        {
            var body = Body(markdown);
            Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
            Assert.Equal(caption, body.QuerySelector("figcaption")!.FirstChild!.TextContent.Trim());
            Assert.Equal(credit, body.QuerySelector("small.credit")!.TextContent);
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        }
    }

    /// <summary>Two one-line paragraphs under a picture, the first apart from it or on the line right under it, then text.</summary>
    private static string[] TwoParagraphsUnderAPicture(string first, string second) =>
        [$"![](image:12)\n\n{first}\n\n{second}\n\n正文。", $"![](image:12)\n{first}\n\n{second}\n\n正文。"];

    /// <summary>
    /// A data note under a sentence names where the sentence's figures come from, not who took a picture: under a chart,
    /// a one-line body sentence and then "資料來源：主計總處" were taken as the chart's caption and credit, and the sentence
    /// left the text and the excerpt.
    /// </summary>
    [Theory]
    [InlineData("去年經濟成長率為3.1%，創三年新高。", "資料來源：主計總處")]
    [InlineData("Revenue rose 12% last year.", "Source: company filings")]
    [InlineData("消費者物価は前年比3%上昇した。", "出所：総務省")]
    [InlineData("去年出口增长7%。", "来源：海关总署")]
    public void A_sentence_above_a_data_source_note_stays_text(string sentence, string note)
    {
        foreach (var markdown in TwoParagraphsUnderAPicture(sentence, note))
        {
            var body = Body(markdown);
            Assert.Null(body.QuerySelector("figcaption"));
            Assert.Contains(sentence, body.TextContent, StringComparison.Ordinal);
            Assert.StartsWith(sentence, DerivedExcerpt.Of(markdown), StringComparison.Ordinal);
        }
    }

    [Theory]
    // With no credit under it, a sentence after an image is the article's; so is a sentence under which the text goes on.
    [InlineData("![](image:12)\n台積電昨日宣布擴產。\n\n正文。")]
    [InlineData("![](image:12)\n台積電昨日宣布擴產。\n法人認為這將推升營收。\n\n正文。")]
    [InlineData("![](image:12)\n\n台積電昨日宣布擴產。\n法人認為這將推升營收。")]
    public void A_sentence_after_an_image_without_a_credit_under_it_stays_text(string markdown)
    {
        var body = Body(markdown);
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.Contains("台積電昨日宣布擴產。", body.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("台積電昨日宣布擴產。", DerivedExcerpt.Of(markdown), StringComparison.Ordinal);
    }

    /// <summary>
    /// "照片來源：" and "相片提供：", as Taiwanese and Hong Kong sites credit a photo, were credits only by their colon: a
    /// caption sentence above one in a paragraph of its own stayed text with the credit (both in the excerpt), and a
    /// credit run into a caption line was not set apart, so the photo showed the image's caption or credit too (review).
    /// </summary>
    [Theory]
    [InlineData("照片來源：中央社")]
    [InlineData("照片来源：新华社")]
    [InlineData("相片提供：受訪者")]
    [InlineData("圖片出處：維基百科")]
    public void A_photo_source_word_names_the_pictures_source(string credit)
    {
        foreach (var markdown in new[] { $"![](image:12)\n\n熊本縣知事蒲島郁夫與魏哲家握手。\n\n{credit}\n\n正文。", $"![](image:12)\n熊本縣知事蒲島郁夫與魏哲家握手。{credit}\n\n正文。", $"![](image:12)\n熊本縣知事蒲島郁夫與魏哲家握手（{credit}）\n\n正文。" })
        {
            var body = Body(markdown);
            Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
            Assert.StartsWith("熊本縣知事蒲島郁夫與魏哲家握手", body.QuerySelector("figcaption")!.FirstChild!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Contains(credit, body.QuerySelector("small.credit")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        }
    }

    /// <summary>
    /// An image's line ending in &lt;br&gt;, as HTML converted to Markdown (a WeChat or CMS paste) writes it, made no
    /// figure: the img stayed in a paragraph with its credit as text, which led the excerpt (review).
    /// </summary>
    [Theory]
    [InlineData("![](image:12)<br>\n圖源：ifanr\n\n正文。")]
    [InlineData("![](image:12) <BR />\n圖源：ifanr\n\n正文。")]
    [InlineData("![](image:12)\n<br>\n圖源：ifanr\n\n正文。")]
    public void An_image_line_ending_in_a_br_tag_is_a_figure(string markdown)
    {
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("圖源：ifanr", body.QuerySelector("small.credit")!.TextContent);
        Assert.Equal("正文。", body.Children[1].InnerHtml);
        Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>
    /// A &lt;br&gt; with the label after it on the image's line, as HTML converted to Markdown writes a WeChat or CMS
    /// figure: the img stayed in a paragraph with the credit as its text, which led the excerpt (review).
    /// </summary>
    [Theory]
    [InlineData("![](image:12)<br>圖源：ifanr\n\n正文。", null, "圖源：ifanr")]
    [InlineData("![](image:12)<br/>圖源：ifanr\n\n正文。", null, "圖源：ifanr")]
    [InlineData("![](image:12) <BR> 圖源：ifanr\n\n正文。", null, "圖源：ifanr")]
    [InlineData("![](image:12)<br>台北101夜景<br>圖源：中央社\n\n正文。", "台北101夜景", "圖源：中央社")]
    [InlineData("![](image:12)<br>台北101夜景 <br>\n圖源：中央社\n\n正文。", "台北101夜景", "圖源：中央社")]
    [InlineData("![](image:12)<br>台北101夜景<br>圖源：中央社<br>正文。", "台北101夜景", "圖源：中央社")]
    [InlineData("![](image:12)<br><br>圖源：ifanr\n\n正文。", null, "圖源：ifanr")]
    [InlineData("![](image:12)\n\n台北101夜景<br>圖源：中央社\n\n正文。", "台北101夜景", "圖源：中央社")]
    public void A_label_after_a_br_tag_on_the_images_line_is_the_figures_label(string markdown, string? caption, string credit)
    {
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal(credit, body.QuerySelector("small.credit")!.TextContent);
        Assert.Equal(caption is null ? credit : $"{caption} {credit}", body.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("正文。", body.Children[1].TextContent);
        Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
        Assert.Equal(caption is null ? $"{credit}\n正文。" : $"{caption}\n{credit}\n正文。", MarkdownRenderer.ToPlainText(markdown));
    }

    [Theory]
    // Elsewhere a <br> in running text stays as it was, and so does a line of text with an image on it.
    [InlineData("正文第一行<br>圖源：ifanr")]
    [InlineData("台北101夜景 ![](image:12)<br>圖源：ifanr")]
    public void A_br_tag_in_running_text_stays_text(string markdown)
    {
        var body = Body(markdown);
        Assert.Equal(["P"], body.Children.Select(child => child.TagName));
        Assert.NotNull(body.QuerySelector("p br"));
    }

    /// <summary>
    /// A sentence wrapped onto a second line right under an image: its first line became the figure's caption and the
    /// rest a paragraph, so the sentence was cut in two and the excerpt started in its middle (review).
    /// </summary>
    [Theory]
    [InlineData("![](image:12)\n阿里雲今天在杭州發布了新模型，\n引起業界熱議。\n\n正文。", "阿里雲今天在杭州發布了新模型，")]
    [InlineData("![](image:12)\nAlibaba Cloud released its new model on Tuesday,\nwhich drew wide attention.\n\nBody.", "Alibaba Cloud released its new model on Tuesday,")]
    [InlineData("![](image:12)\nAlibaba Cloud on Tuesday released its new model\nin Hangzhou, drawing wide attention.\n\nBody.", "Alibaba Cloud on Tuesday released its new model")]
    [InlineData("![](image:12)\n\n各大廠商紛紛跟進；\n\n正文。", "各大廠商紛紛跟進；")]
    public void A_sentence_wrapped_under_an_image_stays_text(string markdown, string firstLine)
    {
        var body = Body(markdown);
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.StartsWith(firstLine, body.Children[1].TextContent, StringComparison.Ordinal);
        Assert.StartsWith(firstLine, DerivedExcerpt.Of(markdown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Apple launch event\niPhone 17 goes on sale on Friday.\n\nBody.", "Apple launch event")]
    [InlineData("阿里雲杭州發布會\n現場座無虛席", "阿里雲杭州發布會")]
    public void A_caption_above_a_line_that_starts_a_sentence_is_still_the_caption(string label, string caption)
    {
        var body = Body($"![](image:12)\n{label}");
        Assert.Equal(caption, body.QuerySelector("figcaption")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("圖／中央社")]
    [InlineData("© Reuters")]
    [InlineData("Photo by Jane Doe")]
    [InlineData("사진=연합뉴스")]
    [InlineData("新华社记者 张三 摄")]
    [InlineData("新华社发（张三 摄）")]
    [InlineData("张三 李四 摄")]
    [InlineData("[삼성전자 제공. 재판매 및 DB 금지]")]
    [InlineData("[연합뉴스 자료사진]")]
    // Japanese papers write the label with a full-width equals sign, and a credit after one alone: this was a caption
    // beside the image's own credit (CJK review).
    [InlineData("写真＝ロイター")]
    [InlineData("（写真＝共同）")]
    [InlineData("＝ロイター")]
    // Korean papers' "photo provided by" and a Japanese photographer's credit with a dot (CJK review: captions).
    [InlineData("사진 제공=삼성전자")]
    [InlineData("[사진 제공=삼성전자]")]
    [InlineData("제공=삼성전자")]
    [InlineData("（撮影・山田太郎）")]
    // Korean papers credit after a slash: an agency, or their photographer (CJK review).
    [InlineData("/뉴스1")]
    [InlineData("/로이터 연합뉴스")]
    [InlineData("/장련성 기자")]
    // An agency alone in brackets (Chinese papers' photo agencies, Jiji), a Japanese chart's "（出所）" or "出典：", and a
    // Korean agency's file photo unbracketed or after "자료사진=": captions beside the image's own credit (CJK review).
    [InlineData("（视觉中国）")]
    [InlineData("（視覺中國）")]
    [InlineData("(东方IC)")]
    [InlineData("（時事）")]
    [InlineData("（AFP時事）")]
    [InlineData("（出所）総務省")]
    [InlineData("（出所）総務省「労働力調査」")]
    [InlineData("【出典】内閣府")]
    [InlineData("出所：総務省")]
    [InlineData("出典：内閣府「経済財政白書」")]
    [InlineData("연합뉴스 자료사진")]
    [InlineData("뉴스1 자료사진")]
    [InlineData("자료사진=연합뉴스")]
    [InlineData("자료 사진=뉴시스")]
    // Korean web papers' "photo source" and Chinese papers' "provided by" in brackets: the first was split into a caption
    // "[사진" and a credit "출처=연합뉴스]", the second a caption (CJK probe).
    [InlineData("[사진 출처=연합뉴스]")]
    [InlineData("사진 출처: 게티이미지뱅크")]
    [InlineData("사진출처=게티이미지뱅크")]
    [InlineData("（台積電提供）")]
    [InlineData("（受訪者提供）")]
    [InlineData("（东方IC供图）")]
    // Taiwanese papers' file photo with its agency: a caption beside the image's own credit (CJK review).
    [InlineData("（資料照，中央社）")]
    [InlineData("（中央社檔案照片）")]
    [InlineData("（資料照片／聯合報系）")]
    [InlineData("（本報資料照片）")]
    // Japanese papers write the foreign agencies in katakana or full-width letters.
    [InlineData("（ロイター）")]
    [InlineData("（ＡＰ）")]
    [InlineData("（ＡＦＰ）")]
    [InlineData("（ロイター＝共同）")]
    [InlineData("（ゲッティ＝共同）")]
    // Japanese papers credit a stock photo agency in brackets, and a copyright with a letter C in brackets before its
    // holder or year: all were captions beside the image's own credit.
    [InlineData("（ＰＩＸＴＡ）")]
    [InlineData("(PIXTA)")]
    [InlineData("（アフロ）")]
    [InlineData("（Ｃ）共同通信")]
    [InlineData("(C)Kyodo")]
    [InlineData("(c) 2024 Reuters")]
    // Probe, captions beside the image's own credit: Korean's "photo ©", Taiwanese papers' illustration or file photo and
    // its source after a slash, Chinese sites' "picture from the web" disclaimer, and English credits without a label:
    // a photo agency alone, or a photographer and their agency or paper after a slash.
    [InlineData("사진ⓒ뉴스1")]
    [InlineData("<사진=연합뉴스>")]
    [InlineData("（示意圖／取自pixabay）")]
    [InlineData("示意圖／取自pixabay")]
    [InlineData("資料照／中央社")]
    [InlineData("（图片来源于网络，如有侵权请联系删除）")]
    [InlineData("图片来自网络")]
    [InlineData("Getty Images")]
    [InlineData("Jane Doe/Getty Images")]
    [InlineData("Saul Loeb/AFP via Getty Images")]
    [InlineData("Jane Doe / Reuters")]
    [InlineData("Jane Doe/The New York Times")]
    // Korean papers credit a stock photo agency by its name alone.
    [InlineData("게티이미지뱅크")]
    [InlineData("클립아트코리아")]
    [InlineData("셔터스톡")]
    [InlineData("[게티이미지뱅크]")]
    [InlineData("[픽사베이]")]
    [InlineData("[AFP=연합뉴스]")]
    // Taiwanese papers credit one reporter for the photo and the text, and note an illustration taken from the web
    // after a comma: both were the figure's caption beside the image's own credit.
    [InlineData("圖、文／王小明")]
    [InlineData("圖文／記者王小明")]
    [InlineData("文、圖／王小明")]
    [InlineData("示意圖，取自網路")]
    [InlineData("（示意圖，翻攝自臉書）")]
    [InlineData("資料照，圖片來源：Unsplash")]
    public void A_credit_without_a_colon_alone_under_an_image_is_its_credit(string credit)
    {
        var body = Body($"![](image:12)\n{credit}\n\n正文。");
        Assert.Equal(credit, body.QuerySelector("figcaption small.credit")!.TextContent);
        Assert.Equal("正文。", body.Children[1].TextContent);
    }

    [Theory]
    // A caption with a colon is still a caption when no credit follows, and a colon line under it is no credit then.
    [InlineData("![](image:12)\n左起：吳泳銘、蔡崇信\n\n正文。", "左起：吳泳銘、蔡崇信")]
    [InlineData("![](image:12)\n圖：發布會現場\n\n正文。", "圖：發布會現場")]
    public void A_single_label_line_with_a_colon_stays_where_it_was(string markdown, string label) =>
        Assert.Equal(label, Body(markdown).QuerySelector("figcaption")!.TextContent.Trim());

    [Fact]
    public void A_sub_figure_caption_is_no_copyright_line() =>
        Assert.Null(Body("![](image:12)\n(c) Results after training\n\n正文。").QuerySelector("small.credit"));

    [Theory]
    // A paragraph of its own, all in bold, under a picture: the subhead of the next section, as Chinese news sites write
    // them ("**二、市場反應**"), which was taken for the picture's caption and left the article without it.
    [InlineData("**二、市場反應**")]
    [InlineData("__Market reaction__")]
    [InlineData("***What comes next***")]
    public void A_bold_paragraph_of_its_own_under_a_picture_is_a_subhead_not_its_caption(string subhead)
    {
        var body = Body($"![](image:12)\n\n{subhead}\n\n正文。");
        Assert.Equal(["FIGURE", "P", "P"], body.Children.Select(child => child.TagName));
        Assert.Null(body.QuerySelector("figcaption"));
        Assert.NotNull(body.Children[1].QuerySelector("strong"));
        Assert.Equal("正文。", body.Children[2].TextContent);
    }

    [Theory]
    // Bold on the picture's own line, or followed by a credit, or a credit itself, is still the picture's label.
    [InlineData("![](image:12)\n**阿里雲發布會現場**\n\n正文。", "阿里雲發布會現場", null)]
    [InlineData("![](image:12)\n\n**阿里雲發布會現場**\n\n圖源:ifanr\n\n正文。", "阿里雲發布會現場", "圖源:ifanr")]
    [InlineData("![](image:12)\n\n**圖源:ifanr**\n\n正文。", null, "圖源:ifanr")]
    [InlineData("![](image:12)\n\n~~舊的說明~~\n\n正文。", "舊的說明", null)]
    public void Bold_that_labels_a_picture_stays_its_label(string markdown, string? caption, string? credit)
    {
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal(credit, body.QuerySelector("figcaption small.credit")?.TextContent);
        if (caption is not null)
        {
            Assert.Equal(caption, body.QuerySelector("figcaption")!.FirstChild!.TextContent.Trim());
        }
    }

    private static readonly InlineImage Credited = Bare with { Caption = "資料照片：阿里雲", Credit = "ifanr" };

    private static AngleSharp.Dom.IElement Figcaption(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Credited }).Html).QuerySelector("figcaption")!;

    [Theory]
    // A credit in brackets at the end of the caption, as news sites write both on one line: the photo showed the typed
    // credit inside its caption and the image's own as well, or the whole line as its credit beside the image's caption.
    [InlineData("The launch event in Hangzhou. (Photo: Reuters)", "The launch event in Hangzhou.", "(Photo: Reuters)")]
    [InlineData("Launch event (Photo by Jane Doe)", "Launch event", "(Photo by Jane Doe)")]
    [InlineData("▲阿里雲發布會現場。（圖／記者王小明攝）", "▲阿里雲發布會現場。", "（圖／記者王小明攝）")]
    [InlineData("阿里雲發布會現場（圖源：ifanr）", "阿里雲發布會現場", "（圖源：ifanr）")]
    [InlineData("阿里雲發布會現場（圖：阿里雲）", "阿里雲發布會現場", "（圖：阿里雲）")]
    [InlineData("左起：吳泳銘、蔡崇信（攝影：王小明）", "左起：吳泳銘、蔡崇信", "（攝影：王小明）")]
    [InlineData("ライトアップされた東京駅(写真：共同通信)", "ライトアップされた東京駅", "(写真：共同通信)")]
    [InlineData("아리윈 발표회 (사진=연합뉴스)", "아리윈 발표회", "(사진=연합뉴스)")]
    [InlineData("*Launch event* (Photo: [Reuters](https://reuters.com))", "<em>Launch event</em>", "(Photo: <a href=\"https://reuters.com\" rel=\"noopener noreferrer nofollow\">Reuters</a>)")]
    [InlineData("**Launch event** *(Photo: Reuters)*", "<strong>Launch event</strong>", "<em>(Photo: Reuters)</em>")]
    [InlineData("Launch event (Photo: Jane Doe (AP))", "Launch event", "(Photo: Jane Doe (AP))")]
    // Brackets that say who took it or whose file photo it is without a word for a source (found by an editor's probe).
    [InlineData("台積電晶圓廠外觀。（記者王小明攝）", "台積電晶圓廠外觀。", "（記者王小明攝）")]
    [InlineData("總統府前廣場。（中央社檔案照片）", "總統府前廣場。", "（中央社檔案照片）")]
    [InlineData("台北101跨年煙火。（路透社）", "台北101跨年煙火。", "（路透社）")]
    [InlineData("ライトアップされた東京駅。（共同）", "ライトアップされた東京駅。", "（共同）")]
    [InlineData("渋谷のスクランブル交差点（ＰＩＸＴＡ）", "渋谷のスクランブル交差点", "（ＰＩＸＴＡ）")]
    // American papers bracket the photographer and the agency the other way round from AP's own "(AP Photo/…)" (probe).
    [InlineData("President Biden speaks at the White House. (Jane Doe/AP)", "President Biden speaks at the White House.", "(Jane Doe/AP)")]
    [InlineData("Protesters gather in London. (Jane Doe/AFP via Getty Images)", "Protesters gather in London.", "(Jane Doe/AFP via Getty Images)")]
    [InlineData("記者会見する首相（アフロ）", "記者会見する首相", "（アフロ）")]
    [InlineData("Residents wade through a flooded street. (AP Photo/Tatan Syuflana)", "Residents wade through a flooded street.", "(AP Photo/Tatan Syuflana)")]
    [InlineData("The launch event in Hangzhou. (Reuters)", "The launch event in Hangzhou.", "(Reuters)")]
    // Photo credits of more languages: the line was a credit whole, its caption included, or no credit (editor probe).
    [InlineData("הרכבת בתחנה (צילום: רויטרס)", "הרכבת בתחנה", "(צילום: רויטרס)")]
    [InlineData("İstanbul Boğazı (Fotoğraf: AA)", "İstanbul Boğazı", "(Fotoğraf: AA)")]
    [InlineData("Η Ακρόπολη (Φωτογραφία: ΑΠΕ-ΜΠΕ)", "Η Ακρόπολη", "(Φωτογραφία: ΑΠΕ-ΜΠΕ)")]
    [InlineData("รถไฟฟ้าสายสีชมพู (ภาพ: รอยเตอร์)", "รถไฟฟ้าสายสีชมพู", "(ภาพ: รอยเตอร์)")]
    [InlineData("รถไฟฟ้าสายสีชมพู (ภาพโดย รอยเตอร์)", "รถไฟฟ้าสายสีชมพู", "(ภาพโดย รอยเตอร์)")]
    [InlineData("चंद्रयान का प्रक्षेपण (फ़ोटो: इसरो)", "चंद्रयान का प्रक्षेपण", "(फ़ोटो: इसरो)")]
    [InlineData("चंद्रयान का प्रक्षेपण (फोटो: इसरो)", "चंद्रयान का प्रक्षेपण", "(फोटो: इसरो)")]
    [InlineData("محطة القطار (تصوير: رويترز)", "محطة القطار", "(تصوير: رويترز)")]
    [InlineData("서울역 (사진: 연합뉴스)", "서울역", "(사진: 연합뉴스)")]
    [InlineData("Hành khách trên tàu. Ảnh: TTXVN", "Hành khách trên tàu.", "Ảnh: TTXVN")]
    [InlineData("Станция в день открытия. Фото: Иван Петров / ТАСС", "Станция в день открытия.", "Фото: Иван Петров / ТАСС")]
    [InlineData("Станція в день відкриття. Фото: Укрінформ", "Станція в день відкриття.", "Фото: Укрінформ")]
    [InlineData("阿里雲發布會現場。圖源：ifanr", "阿里雲發布會現場。", "圖源：ifanr")]
    [InlineData("10月4日，工人在生产线上作业。新华社记者 张三 摄", "10月4日，工人在生产线上作业。", "新华社记者 张三 摄")]
    [InlineData("工人在生产线上作业（新华社记者 张三 摄）", "工人在生产线上作业", "（新华社记者 张三 摄）")]
    [InlineData("서울 서초구 삼성전자 서초사옥 [삼성전자 제공. 재판매 및 DB 금지]", "서울 서초구 삼성전자 서초사옥", "[삼성전자 제공. 재판매 및 DB 금지]")]
    // A credit run into the caption after a space: the line was a credit whole, caption and all (CJK review).
    [InlineData("台北101夜景 圖源：中央社", "台北101夜景", "圖源：中央社")]
    [InlineData("阿里雲 杭州發布會現場 圖源:ifanr", "阿里雲 杭州發布會現場", "圖源:ifanr")]
    [InlineData("ライトアップされた東京駅 写真：共同通信", "ライトアップされた東京駅", "写真：共同通信")]
    [InlineData("삼성전자 평택캠퍼스 사진=연합뉴스", "삼성전자 평택캠퍼스", "사진=연합뉴스")]
    [InlineData("Launch event in Hangzhou Photo: Reuters", "Launch event in Hangzhou", "Photo: Reuters")]
    [InlineData("Rice terraces in Yunnan Source: Xinhua", "Rice terraces in Yunnan", "Source: Xinhua")]
    // Korean papers' credit in angle brackets, and News1's after its date with its copyright and photographer (probe:
    // captions, or the agency left at the caption's end).
    [InlineData("▲ 삼성전자 평택캠퍼스 전경. <사진=삼성전자>", "▲ 삼성전자 평택캠퍼스 전경.", "&lt;사진=삼성전자&gt;")]
    [InlineData("이재용 회장이 5일 출근하고 있다. 2025.12.5/뉴스1 ⓒ News1 김철수 기자", "이재용 회장이 5일 출근하고 있다. 2025.12.5", "/뉴스1 ⓒ News1 김철수 기자")]
    // A separator between them is neither's: the caption kept it at its end (probe).
    [InlineData("The launch in Hangzhou | Photo: Alibaba", "The launch in Hangzhou", "Photo: Alibaba")]
    [InlineData("The launch in Hangzhou — Photo: Alibaba", "The launch in Hangzhou", "Photo: Alibaba")]
    [InlineData("杭州發布會現場｜圖源：阿里雲", "杭州發布會現場", "圖源：阿里雲")]
    [InlineData("Rice terraces in Yunnan. Source: Xinhua", "Rice terraces in Yunnan.", "Source: Xinhua")]
    // A Japanese caption ends with its credit after an equals sign, an agency or a photographer (CJK review); one after
    // the date and place ("＝3日、首相官邸") is the caption's.
    [InlineData("記者会見するナデラ氏（3日、米レドモンド）=ロイター", "記者会見するナデラ氏（3日、米レドモンド）", "=ロイター")]
    [InlineData("記者会見する岸田首相＝２日、首相官邸＝共同", "記者会見する岸田首相＝２日、首相官邸", "＝共同")]
    [InlineData("ライトアップされた東京駅＝吉田拓史撮影", "ライトアップされた東京駅", "＝吉田拓史撮影")]
    [InlineData("ライトアップされた東京駅 写真＝共同通信", "ライトアップされた東京駅", "写真＝共同通信")]
    [InlineData("삼성전자 평택캠퍼스 전경 사진 제공=삼성전자", "삼성전자 평택캠퍼스 전경", "사진 제공=삼성전자")]
    [InlineData("정부세종청사 전경. /뉴스1", "정부세종청사 전경.", "/뉴스1")]
    [InlineData("서울 광화문 광장에서 시민들이 걷고 있다 /연합뉴스", "서울 광화문 광장에서 시민들이 걷고 있다", "/연합뉴스")]
    [InlineData("上海外滩夜景（视觉中国）", "上海外滩夜景", "（视觉中国）")]
    [InlineData("記者会見する岸田首相（時事）", "記者会見する岸田首相", "（時事）")]
    [InlineData("完全失業率の推移 （出所）総務省", "完全失業率の推移", "（出所）総務省")]
    [InlineData("정부세종청사 전경. 연합뉴스 자료사진", "정부세종청사 전경.", "연합뉴스 자료사진")]
    [InlineData("台積電熊本廠外觀。（台積電提供）", "台積電熊本廠外觀。", "（台積電提供）")]
    [InlineData("서울 도심 전경 사진 출처=연합뉴스", "서울 도심 전경", "사진 출처=연합뉴스")]
    [InlineData("總統府前廣場。（資料照，中央社）", "總統府前廣場。", "（資料照，中央社）")]
    [InlineData("記者会見するゼレンスキー大統領（ロイター＝共同）", "記者会見するゼレンスキー大統領", "（ロイター＝共同）")]
    [InlineData("ホワイトハウスで演説する大統領（ＡＰ）", "ホワイトハウスで演説する大統領", "（ＡＰ）")]
    [InlineData("서울 도심 야경. 게티이미지뱅크", "서울 도심 야경.", "게티이미지뱅크")]
    // A foreign agency's photo through a Korean one, and a stock photo agency, in the brackets Korean papers end a caption
    // with: they stayed in the caption, beside the image's own credit (h221 probe).
    [InlineData("도널드 트럼프 미국 대통령 [AFP=연합뉴스]", "도널드 트럼프 미국 대통령", "[AFP=연합뉴스]")]
    [InlineData("뉴욕증권거래소 [EPA=연합뉴스]", "뉴욕증권거래소", "[EPA=연합뉴스]")]
    [InlineData("백악관 전경 [로이터=연합뉴스]", "백악관 전경", "[로이터=연합뉴스]")]
    [InlineData("서울 도심 야경. [게티이미지뱅크]", "서울 도심 야경.", "[게티이미지뱅크]")]
    [InlineData("뉴욕증권거래소 [셔터스톡]", "뉴욕증권거래소", "[셔터스톡]")]
    // Arabic, Persian and Hindi newsrooms' credits: an agency alone in brackets, "عکس:", "الصورة:", "तस्वीर:" and
    // "फोटो साभार:" ("photo courtesy of") stayed in the caption, beside the image's own credit (RTL and Indic review).
    [InlineData("نتائج الاختبارات المعيارية للنماذج الثلاثة (رويترز)", "نتائج الاختبارات المعيارية للنماذج الثلاثة", "(رويترز)")]
    [InlineData("متداولون في بورصة هونغ كونغ. (أ ف ب)", "متداولون في بورصة هونغ كونغ.", "(أ ف ب)")]
    [InlineData("مقر الشركة في هانغتشو. الصورة: رويترز", "مقر الشركة في هانغتشو.", "الصورة: رويترز")]
    [InlineData("ساختمان مرکزی علی‌بابا (عکس: ایرنا)", "ساختمان مرکزی علی‌بابا", "(عکس: ایرنا)")]
    [InlineData("معامله‌گران در بورس تهران. عکس: ایسنا", "معامله‌گران در بورس تهران.", "عکس: ایسنا")]
    [InlineData("बीजिंग में प्रेस कॉन्फ्रेंस (फोटो साभार: एएफपी)", "बीजिंग में प्रेस कॉन्फ्रेंस", "(फोटो साभार: एएफपी)")]
    [InlineData("हांगकांग शेयर बाजार में कारोबारी। तस्वीर: पीटीआई", "हांगकांग शेयर बाजार में कारोबारी।", "तस्वीर: पीटीआई")]
    [InlineData("मुंबई में बारिश (पीटीआई)", "मुंबई में बारिश", "(पीटीआई)")]
    public void A_credit_in_brackets_ending_the_caption_line_is_the_figures_only_credit(string line, string caption, string credit)
    {
        foreach (var markdown in new[] { $"![](image:12)\r\n{line}\r\n\r\nBody.", $"![](image:12)\n\n{line}\n\nBody." })
        {
            Assert.Equal($"{caption} <small class=\"credit\">{credit}</small>", Figcaption(markdown).InnerHtml);
        }
    }

    [Theory]
    // Brackets that name no source are the caption's; a line that is all credit has no caption to split off.
    [InlineData("阿里雲發布會現場（2025年）", "阿里雲發布會現場（2025年） <small class=\"credit\">ifanr</small>")]
    [InlineData("Launch event (file photo)", "Launch event (file photo) <small class=\"credit\">ifanr</small>")]
    [InlineData("美國總統與日本首相（左）", "美國總統與日本首相（左） <small class=\"credit\">ifanr</small>")]
    [InlineData("記者会見する岸田首相＝２日、首相官邸", "記者会見する岸田首相＝２日、首相官邸 <small class=\"credit\">ifanr</small>")]
    [InlineData("2024/25 시즌 개막전", "2024/25 시즌 개막전 <small class=\"credit\">ifanr</small>")]
    [InlineData("東京湾の夜景＝ドローンで撮影", "東京湾の夜景＝ドローンで撮影 <small class=\"credit\">ifanr</small>")]
    // "出所" is also a release from prison, and a file photo of a place names no source.
    [InlineData("出所した元受刑者", "出所した元受刑者 <small class=\"credit\">ifanr</small>")]
    [InlineData("1990년대 서울역 자료사진", "1990년대 서울역 자료사진 <small class=\"credit\">ifanr</small>")]
    [InlineData("免費提供的午餐（限量）", "免費提供的午餐（限量） <small class=\"credit\">ifanr</small>")]
    // Brackets about how the picture was taken, or an agency that is no news agency (found by a review).
    [InlineData("台北101跨年煙火。（2019年拍攝）", "台北101跨年煙火。（2019年拍攝） <small class=\"credit\">ifanr</small>")]
    [InlineData("車流光軌（縮時攝影）", "車流光軌（縮時攝影） <small class=\"credit\">ifanr</small>")]
    [InlineData("遊客在步道上拍攝", "遊客在步道上拍攝 <small class=\"credit\">ifanr</small>")]
    [InlineData("游客在步道上拍 摄", "游客在步道上拍 摄 <small class=\"credit\">ifanr</small>")]
    [InlineData("Smog over the city, according to the agency (EPA)", "Smog over the city, according to the agency (EPA) <small class=\"credit\">ifanr</small>")]
    [InlineData("（圖／中央社）", "資料照片：阿里雲 <small class=\"credit\">（圖／中央社）</small>")]
    [InlineData("Photo: Reuters (file)", "資料照片：阿里雲 <small class=\"credit\">Photo: Reuters (file)</small>")]
    // A colon inside brackets after a caption made a label no list knows a credit, caption and all (editor probe).
    [InlineData("Dworzec Centralny (zdjęcie: PAP)", "Dworzec Centralny (zdjęcie: PAP) <small class=\"credit\">ifanr</small>")]
    // A sentence after the caption's is no credit unless it names its source.
    [InlineData("Hành khách trên tàu. Tàu chạy đúng giờ", "Hành khách trên tàu. Tàu chạy đúng giờ <small class=\"credit\">ifanr</small>")]
    // A word for a picture in lowercase inside a caption names no source.
    [InlineData("Smiling for a photo: the team", "Smiling for a photo: the team <small class=\"credit\">ifanr</small>")]
    // A capitalised word for a source ending a title the caption names is no credit when no name follows it: the caption
    // was split before "Source:" (CJK review).
    [InlineData("Poster for the exhibition Open Source: a history", "Poster for the exhibition Open Source: a history <small class=\"credit\">ifanr</small>")]
    [InlineData("Cover of the report Data Source: how agencies share", "Cover of the report Data Source: how agencies share <small class=\"credit\">ifanr</small>")]
    // A label of a few words, a colon and words in lowercase names no one: it was the picture's credit, in place of its own.
    [InlineData("Open Source: a history", "Open Source: a history <small class=\"credit\">ifanr</small>")]
    [InlineData("Step one: mix the flour", "Step one: mix the flour <small class=\"credit\">ifanr</small>")]
    // A name after the colon still makes a credit of it.
    [InlineData("Jane Doe: AP", "資料照片：阿里雲 <small class=\"credit\">Jane Doe: AP</small>")]
    // Japanese "provided by" is a word for the source, before a name in lowercase too.
    [InlineData("写真提供：ifanr", "資料照片：阿里雲 <small class=\"credit\">写真提供：ifanr</small>")]
    [InlineData("提供：ifanr", "資料照片：阿里雲 <small class=\"credit\">提供：ifanr</small>")]
    public void Brackets_that_are_no_credit_stay_in_the_label(string line, string figcaption) =>
        Assert.Equal(figcaption, Figcaption($"![](image:12)\n{line}\n\nBody.").InnerHtml);

    /// <summary>
    /// A caption line that says where people stand ("左起：", "From left:") or calls itself one ("圖說：", Taiwanese papers'
    /// word for a caption), alone under a picture, was its credit by its colon: the figure showed it as the credit, in place
    /// of the image's own, and a gallery's excerpt left it out (CJK review).
    /// </summary>
    [Theory]
    [InlineData("左起：吳泳銘、蔡崇信")]
    [InlineData("前排左起：吳泳銘、蔡崇信")]
    [InlineData("由左至右：吳泳銘、蔡崇信")]
    [InlineData("圖說：總統府前廣場")]
    [InlineData("图片说明：杭州发布会现场")]
    [InlineData("From left: Eddie Wu, Joe Tsai")]
    // Slashes between places or words of a caption name no photographer's agency.
    [InlineData("New York/New Jersey")]
    [InlineData("Before/after the Reuters building fire")]
    public void A_caption_line_with_a_colon_alone_under_a_picture_is_its_caption(string line)
    {
        Assert.Equal($"{line} <small class=\"credit\">ifanr</small>", Figcaption($"![](image:12)\n{line}\n\nBody.").InnerHtml);
        Assert.Equal(line, DerivedExcerpt.Of($"![](image:12)\n{line}"));
    }

    /// <summary>A gallery's excerpt is its captions: a caption taken for a credit by its colon was left out of it.</summary>
    [Fact]
    public void A_gallerys_excerpt_keeps_a_caption_with_a_colon_before_words_in_lowercase() =>
        Assert.Equal("Open Source: a history", DerivedExcerpt.Of("![](image:12)\nOpen Source: a history"));

    private static readonly InlineImage Second = new(13, "https://cdn.example.com/b.jpg", "會場", "會場外", "ifanr", 1200, 800);

    private static AngleSharp.Dom.IElement Row(string markdown) =>
        SafeHtml.Parse(MarkdownRenderer.Render(articleId: 1, markdown, new Dictionary<long, InlineImage> { [12] = Bare with { Credit = "阿里雲" }, [13] = Second }).Html);

    /// <summary>
    /// A credit typed under a row of pictures (on consecutive lines or one line) is the credit of each: it went to the
    /// last figure alone, so the first showed its library credit, or none, under an agency's photo (CJK review).
    /// </summary>
    [Theory]
    [InlineData("![](image:12)\n![](image:13)\n\n圖／中央社\n\n正文。")]
    [InlineData("![](image:12)\n![](image:13)\n圖／中央社\n\n正文。")]
    [InlineData("![](image:12) ![](image:13)\n圖／中央社\n\n正文。")]
    [InlineData("![](image:12)\n![](image:13)\n（圖／中央社）\n\n正文。")]
    public void A_credit_under_a_row_of_pictures_is_the_credit_of_each(string markdown)
    {
        var body = Row(markdown);
        var credit = markdown.Contains('（', StringComparison.Ordinal) ? "（圖／中央社）" : "圖／中央社";
        Assert.Equal(["FIGURE", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal([credit, credit], body.QuerySelectorAll("figure").Select(figure => figure.QuerySelector("small.credit")?.TextContent));
        Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
    }

    /// <summary>
    /// A plain line that says just the last picture's credit ("ifanr" under a row whose last photo is ifanr's) is that
    /// picture's credit, not the row's: the first keeps its own.
    /// </summary>
    [Fact]
    public void A_line_naming_the_last_pictures_own_credit_is_not_the_rows()
    {
        var figures = Row("![](image:12)\n![](image:13)\nifanr\n\n正文。").QuerySelectorAll("figure");
        Assert.Equal(["阿里雲", "ifanr"], figures.Select(figure => figure.QuerySelector("small.credit")?.TextContent));
    }

    /// <summary>A caption and its credit under a row: the credit for each picture, the caption once, under the row's last.</summary>
    [Fact]
    public void A_caption_and_credit_under_a_row_keep_the_caption_under_the_last()
    {
        var figures = Row("![](image:12)\n![](image:13)\n左起：吳泳銘、蔡崇信\n圖源：ifanr\n\n正文。").QuerySelectorAll("figure");
        Assert.Equal("<small class=\"credit\">圖源：ifanr</small>", figures[0].QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("左起：吳泳銘、蔡崇信 <small class=\"credit\">圖源：ifanr</small>", figures[1].QuerySelector("figcaption")!.InnerHtml);
    }

    /// <summary>
    /// Credit words newsrooms write without a separator (a file photo, an illustration, a handout, a picture from the web
    /// or another site) were read as captions, so they replaced the image's own caption; under a caption they were kept
    /// inside it (review). A note that names no source ("資料照") keeps the image's own credit beside it.
    /// </summary>
    [Theory]
    [InlineData("資料照", true)]
    [InlineData("資料照片", true)]
    [InlineData("（資料照）", true)]
    [InlineData("示意圖", true)]
    [InlineData("（示意圖）", true)]
    [InlineData("写真はイメージ", true)]
    [InlineData("（画像はイメージ）", true)]
    [InlineData("台積電提供", false)]
    [InlineData("图片由受访者提供", false)]
    [InlineData("受访者供图", false)]
    [InlineData("图源网络", false)]
    [InlineData("網路圖片", false)]
    [InlineData("圖片取自網路", false)]
    [InlineData("翻攝自臉書", false)]
    [InlineData("Photo via Reuters", false)]
    [InlineData("via Twitter", false)]
    [InlineData("Getty Images / iStock", false)]
    [InlineData("示意圖，取自網路", false)]
    [InlineData("資料照，翻攝自臉書", false)]
    public void A_credit_word_without_a_separator_is_a_credit(string credit, bool keepsTheImagesCredit)
    {
        var figcaption = Figcaption($"![](image:12)\n{credit}\n\n正文。");
        Assert.Equal("資料照片：阿里雲", figcaption.FirstChild!.TextContent.Trim());
        Assert.Equal(keepsTheImagesCredit ? [credit, "ifanr"] : [credit], figcaption.QuerySelectorAll("small.credit").Select(small => small.TextContent));

        var captioned = Figcaption($"![](image:12)\n台北101夜景\n{credit}\n\n正文。");
        Assert.Equal("台北101夜景", captioned.FirstChild!.TextContent.Trim());
        Assert.Equal(credit, captioned.QuerySelector("small.credit")!.TextContent);
        Assert.Equal("正文。", DerivedExcerpt.Of($"![](image:12)\n\n台北101夜景\n\n{credit}\n\n正文。"));
    }

    /// <summary>
    /// A file photo's note above the credit line that names its source ("資料照", then "圖源：中央社") was a caption and its
    /// credit; read as a credit once the note was one, it made a label alone, and the credit line under it became body
    /// text that led the excerpt while the image's own credit was shown (review).
    /// </summary>
    [Theory]
    [InlineData("![](image:12)\n資料照\n圖源：中央社\n\n正文。")]
    [InlineData("![](image:12)\n\n（資料照片）\n圖／記者王小明攝\n\n正文。")]
    [InlineData("![](image:12)\n\n示意圖\n\n圖源：中央社\n\n正文。")]
    public void A_note_without_a_source_above_a_credit_line_keeps_that_credit(string markdown)
    {
        var body = Body(markdown);
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("正文。", body.Children[1].TextContent);
        Assert.Equal("正文。", DerivedExcerpt.Of(markdown));
    }

    [Theory]
    [InlineData("台北101夜景（資料照）", "台北101夜景", "（資料照）")]
    [InlineData("台北101夜景（示意圖）", "台北101夜景", "（示意圖）")]
    [InlineData("記者会見する首相（写真はイメージ）", "記者会見する首相", "（写真はイメージ）")]
    [InlineData("總統府前廣場（檔案照片）", "總統府前廣場", "（檔案照片）")]
    public void A_bracketed_credit_word_without_a_separator_leaves_the_caption(string label, string caption, string credit)
    {
        var figcaption = Figcaption($"![](image:12)\n{label}\n\n正文。");
        Assert.Equal(caption, figcaption.FirstChild!.TextContent.Trim());
        Assert.Equal([credit, "ifanr"], figcaption.QuerySelectorAll("small.credit").Select(small => small.TextContent));
    }

    [Theory]
    // The same words in a caption that describes the picture stay its caption.
    [InlineData("Flooding seen via satellite")]
    [InlineData("Shares traded via the Nasdaq exchange")]
    [InlineData("台積電今天提供新服務")]
    [InlineData("示意圖中的晶圓廠")]
    [InlineData("圖文並茂的展覽現場")]
    [InlineData("示意圖，台積電新廠完工後的樣貌")]
    // What the picture shows is provided by someone: not the picture ("图片由受访者提供" is a credit).
    [InlineData("疫苗由政府免費提供")]
    [InlineData("現場餐點由主辦單位提供")]
    public void A_caption_with_such_a_word_in_it_stays_a_caption(string caption)
    {
        var figcaption = Figcaption($"![](image:12)\n{caption}\n\n正文。");
        Assert.Equal(caption, figcaption.FirstChild!.TextContent.Trim());
        Assert.Equal("ifanr", figcaption.QuerySelector("small.credit")!.TextContent);

        var credited = Figcaption($"![](image:12)\n{caption}\n圖源：中央社\n\n正文。");
        Assert.Equal($"{caption} <small class=\"credit\">圖源：中央社</small>", credited.InnerHtml);
    }
}
