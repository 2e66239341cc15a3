using ContentApi.Rendering;

namespace ContentApi.UnitTests.Rendering;

public sealed class MarkdownRendererImageTests
{
    private static readonly InlineImage LaunchEvent =
        new(12, "https://cdn.example.com/launch.jpg?w=1200&q=80", "阿里雲發布會", "發布會現場", "圖源:ifanr", 1200, 800);

    private static string Render(string markdown, params InlineImage[] images) =>
        MarkdownRenderer.Render(articleId: 1, markdown, images.ToDictionary(image => image.Id)).Html;

    [Fact]
    public void Render_image_reference_alone_becomes_figure_with_caption_and_credit() =>
        Assert.Equal(
            "<figure><img src=\"https://cdn.example.com/launch.jpg?w=1200&amp;q=80\" alt=\"阿里雲發布會\" width=\"1200\" height=\"800\" fetchpriority=\"high\" data-image-id=\"12\">" +
            "<figcaption>發布會現場 <small class=\"credit\">圖源:ifanr</small></figcaption></figure>",
            Render("![](image:12)", LaunchEvent));

    [Fact]
    public void Render_figure_is_never_inside_a_paragraph()
    {
        var body = SafeHtml.Parse(Render("第一段。\n\n![](image:12)\n\n第二段。", LaunchEvent));
        Assert.Empty(body.QuerySelectorAll("p figure"));
        Assert.Equal(["P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
    }

    [Fact]
    public void Render_alt_text_written_in_markdown_wins_over_the_images_own() =>
        Assert.Equal("記者會", SafeHtml.Parse(Render("![記者會](image:12)", LaunchEvent)).QuerySelector("img")!.GetAttribute("alt"));

    [Fact]
    public void Render_caption_without_credit_has_no_credit_element() =>
        Assert.Equal(
            "<figcaption>發布會現場</figcaption>",
            SafeHtml.Parse(Render("![](image:12)", LaunchEvent with { Credit = null })).QuerySelector("figcaption")!.OuterHtml);

    [Fact]
    public void Render_credit_without_caption_is_the_whole_figcaption() =>
        Assert.Equal(
            "<figcaption><small class=\"credit\">圖源:ifanr</small></figcaption>",
            SafeHtml.Parse(Render("![](image:12)", LaunchEvent with { Caption = " " })).QuerySelector("figcaption")!.OuterHtml);

    [Fact]
    public void Render_image_without_caption_or_credit_or_size_is_a_bare_figure() =>
        Assert.Equal(
            "<figure><img src=\"https://cdn.example.com/launch.jpg?w=1200&amp;q=80\" alt=\"阿里雲發布會\" fetchpriority=\"high\" data-image-id=\"12\"></figure>",
            Render("![](image:12)", LaunchEvent with { Caption = null, Credit = null, Width = null, Height = null }));

    /// <summary>
    /// A caption or credit typed on two lines (the image's own, "研究團隊合照。⏎第二行圖說。") was written with its raw line
    /// break, which a browser shows as a space after the 。: each line break of the image's texts is a &lt;br&gt;, as a
    /// typed label's &lt;br&gt; is.
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\u2028")]
    public void Render_line_breaks_in_the_images_caption_and_credit_are_br(string lineBreak) =>
        Assert.Equal(
            "<figcaption>研究團隊合照。<br>第二行圖說。 <small class=\"credit\">圖／路透社<br>攝影：王小明</small></figcaption>",
            SafeHtml.Parse(Render("![](image:12)", LaunchEvent with { Caption = $"研究團隊合照。{lineBreak}第二行圖說。", Credit = $"圖／路透社{lineBreak}攝影：王小明" }))
                .QuerySelector("figcaption")!.OuterHtml);

    [Fact]
    public void Render_caption_and_credit_are_html_escaped()
    {
        var hostile = LaunchEvent with { Caption = "<script>alert(1)</script>", Credit = "<img src=x onerror=alert(1)>", AltText = "\"><script>" };
        var html = Render("![](image:12)", hostile);
        SafeHtml.AssertSafe(html);
        var figure = SafeHtml.Parse(html).QuerySelector("figure")!;
        Assert.Equal("<script>alert(1)</script> <img src=x onerror=alert(1)>", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("\"><script>", figure.QuerySelector("img")!.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    // Link schemes are no picture's: a stored image only a restored snapshot could hold (writes take http(s) only) was an
    // <img> loading mailto: (security helper's review).
    [InlineData("mailto:a@example.com")]
    [InlineData("tel:+886212345678")]
    public void Render_image_whose_stored_url_has_a_refused_scheme_is_dropped(string url) =>
        Assert.Equal("", Render("![](image:12)", LaunchEvent with { Url = url }));

    [Fact]
    public void Render_several_references_in_one_paragraph_give_one_figure_each()
    {
        var second = new InlineImage(13, "https://cdn.example.com/b.png", "模型跑分", null, "圖源:Qwen", null, null);
        var body = SafeHtml.Parse(Render("![](image:12)\n![](image:13)", LaunchEvent, second));
        Assert.Equal(["FIGURE", "FIGURE"], body.Children.Select(child => child.TagName));
        Assert.Equal("模型跑分", body.QuerySelectorAll("img")[1].GetAttribute("alt"));
    }

    [Theory]
    // The credit line under the image, on the next line or as a one-line paragraph (the reference article's way).
    [InlineData("![](image:12)\n圖源:*ifanr*")]
    [InlineData("![](image:12)\n\n圖源:*ifanr*")]
    public void Render_the_credit_line_under_an_image_is_the_figures_credit_shown_once(string markdown) =>
        Assert.Equal(
            "<figure><img src=\"https://cdn.example.com/launch.jpg?w=1200&amp;q=80\" alt=\"阿里雲發布會\" width=\"1200\" height=\"800\" fetchpriority=\"high\" data-image-id=\"12\">" +
            "<figcaption>發布會現場 <small class=\"credit\">圖源:<em>ifanr</em></small></figcaption></figure>",
            Render(markdown, LaunchEvent));

    [Fact]
    public void Render_a_caption_line_under_an_image_is_the_figures_caption_before_its_credit() =>
        Assert.Equal(
            "<figcaption>阿里雲杭州發布會 <small class=\"credit\">圖源:ifanr</small></figcaption>",
            SafeHtml.Parse(Render("![](image:12)\n\n阿里雲杭州發布會", LaunchEvent with { Caption = null })).QuerySelector("figcaption")!.OuterHtml);

    [Theory]
    // A caption line and then a credit line (news sites write both), on the lines under the image or as paragraphs.
    [InlineData("![](image:12)\n阿里雲杭州發布會\n圖源：ifanr\n\n正文第一段。")]
    [InlineData("![](image:12)\n阿里雲杭州發布會\n\n圖源：ifanr\n\n正文第一段。")]
    [InlineData("![](image:12)\n\n阿里雲杭州發布會\n\n圖源：ifanr\n\n正文第一段。")]
    [InlineData("![](image:12)\n\n阿里雲杭州發布會\n圖源：ifanr\n\n正文第一段。")]
    public void Render_a_caption_line_and_a_credit_line_under_an_image_are_its_caption_and_its_only_credit(string markdown)
    {
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent));
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("阿里雲杭州發布會 <small class=\"credit\">圖源：ifanr</small>", body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("正文第一段。", body.Children[1].TextContent);
    }

    [Theory]
    // A credit comes after the caption: a line after a credit, or a second line that is no credit, is the article's.
    [InlineData("![](image:12)\n圖源:ifanr\n阿里雲杭州發布會", "阿里雲杭州發布會")]
    [InlineData("![](image:12)\n阿里雲杭州發布會\n現場座無虛席", "現場座無虛席")]
    [InlineData("![](image:12)\n\n阿里雲杭州發布會\n\n阿里巴巴今天發布了新模型。", "阿里巴巴今天發布了新模型。")]
    public void Render_only_a_credit_follows_a_caption_into_the_figure(string markdown, string paragraph)
    {
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent));
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal(paragraph, body.Children[1].TextContent);
    }

    [Theory]
    // The label repeats the image's own credit however its case, width, colon or script (Traditional, Simplified) differ.
    [InlineData("圖源:ifanr", "![](image:12)\n圖源：IFANR")]
    [InlineData("阿里雲", "![](image:12)\n图源：阿里云")]
    [InlineData("Reuters", "![](image:12)\nPHOTO: ＲＥＵＴＥＲＳ")]
    public void Render_a_label_repeating_the_images_credit_in_another_form_shows_the_credit_once(string credit, string markdown)
    {
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent with { Caption = null, Credit = credit }));
        Assert.Single(body.QuerySelectorAll("small.credit"));
    }

    [Theory]
    [InlineData("Reuters", "![](image:12)\nReuters")]
    [InlineData("路透社", "![](image:12)\n\n路透社")]
    public void Render_a_label_that_says_just_the_images_credit_is_shown_as_the_credit(string credit, string markdown) =>
        Assert.Equal($"發布會現場 <small class=\"credit\">{credit}</small>",
            SafeHtml.Parse(Render(markdown, LaunchEvent with { Credit = credit })).QuerySelector("figcaption")!.InnerHtml);

    [Theory]
    // A caption naming the source is no credit: the image's credit stays.
    [InlineData("阿里雲", "阿里雲發布會", "![](image:12)\n阿里云发布会", "阿里云发布会 <small class=\"credit\">阿里雲</small>")]
    [InlineData("AP", "Launch event", "![](image:12)\nAP reporters at the launch", "AP reporters at the launch <small class=\"credit\">AP</small>")]
    public void Render_a_caption_label_that_names_the_source_keeps_the_images_credit(string credit, string caption, string markdown, string figcaption) =>
        Assert.Equal(figcaption, SafeHtml.Parse(Render(markdown, LaunchEvent with { Caption = caption, Credit = credit })).QuerySelector("figcaption")!.InnerHtml);

    [Theory]
    // What the article writes under this use of a photo is its caption and credit here; the library's of the same kind
    // are not added (two credits on one photo were a conflicting attribution, found by a probe writing news articles).
    [InlineData("阿里雲杭州發布會現場", "圖源:ifanr", "![現場](image:12)\n圖源：新華社", "阿里雲杭州發布會現場 <small class=\"credit\">圖源：新華社</small>")]
    [InlineData("阿里雲杭州發布會現場", "圖源:ifanr", "![](image:12)\n阿里雲發布會現場", "阿里雲發布會現場 <small class=\"credit\">圖源:ifanr</small>")]
    [InlineData("Bleached coral near Lizard Island, March 2026", "Photo: Jane Smith/Reuters", "![](image:12)\n\n*Bleached coral near Lizard Island*",
        "<em>Bleached coral near Lizard Island</em> <small class=\"credit\">Photo: Jane Smith/Reuters</small>")]
    [InlineData("Launch event", "Photo: Jane Smith/Reuters", "![](image:12)\nPhoto by Jane Smith", "Launch event <small class=\"credit\">Photo by Jane Smith</small>")]
    [InlineData("阿里雲發布會", "阿里雲", "![](image:12)\n阿里雲發布會現場\n圖源：ifanr", "阿里雲發布會現場 <small class=\"credit\">圖源：ifanr</small>")]
    [InlineData("發布會現場", "圖源:ifanr", "![](image:12)\n圖源：ifanr2", "發布會現場 <small class=\"credit\">圖源：ifanr2</small>")]
    public void Render_a_label_stands_in_for_the_images_own_caption_or_credit_of_its_kind(string caption, string credit, string markdown, string figcaption) =>
        Assert.Equal(figcaption, SafeHtml.Parse(Render(markdown, LaunchEvent with { Caption = caption, Credit = credit })).QuerySelector("figcaption")!.InnerHtml);

    [Theory]
    // A short paragraph of its own after a figure may be a subhead: it must not erase the library's caption (review). One
    // all in bold is taken for one, and stays out of the caption (FigureCreditTests).
    [InlineData("![](image:12)\n\n**市場反應**\n\n台積電股價今日上漲百分之三。", "台積電新竹總部外觀 <small class=\"credit\">圖源：中央社</small>")]
    [InlineData("![](image:12)\n\nMarket reaction\n\nShares rose 3%.", "台積電新竹總部外觀 Market reaction <small class=\"credit\">圖源：中央社</small>")]
    public void Render_a_caption_paragraph_of_its_own_that_does_not_restate_the_images_caption_adds_to_it(string markdown, string figcaption) =>
        Assert.Equal(figcaption, SafeHtml.Parse(Render(markdown, LaunchEvent with { Caption = "台積電新竹總部外觀", Credit = "圖源：中央社" })).QuerySelector("figcaption")!.InnerHtml);

    /// <summary>Captions are compared by whole words: once search split "GPT4" into gpt and 4, a paragraph "GPT" said "GPT4 benchmark chart" and erased it (review).</summary>
    [Fact]
    public void Render_a_paragraph_naming_part_of_a_word_of_the_caption_does_not_restate_it() =>
        Assert.Equal("GPT4 benchmark chart GPT <small class=\"credit\">Photo: AP</small>",
            SafeHtml.Parse(Render("![](image:12)\n\nGPT\n\nShares rose 3%.", LaunchEvent with { Caption = "GPT4 benchmark chart", Credit = "Photo: AP" })).QuerySelector("figcaption")!.InnerHtml);

    [Fact]
    public void Render_figures_after_a_label_in_the_same_paragraph_are_figures_with_their_own_labels()
    {
        var second = new InlineImage(13, "https://cdn.example.com/b.png", "模型跑分", null, null, null, null);
        var body = SafeHtml.Parse(Render("![](image:12)\nPhoto: X\n![](image:13)\nPhoto: AP\n\nBody.", LaunchEvent with { Credit = null }, second));
        Assert.Equal(["FIGURE", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("<small class=\"credit\">Photo: AP</small>", body.QuerySelectorAll("figcaption")[1].InnerHtml);
        Assert.Equal("Body.", body.Children[2].TextContent);
    }

    [Fact]
    public void Render_a_paragraph_of_thousands_of_labelled_figures_renders_each()
    {
        // Each figure and label is handled in turn, not by recursion; as many as the HTML's bound allows
        // (MarkdownRenderer.MaxHtmlCharacters: 10,000 such figures would render 1.9 million characters from 230,000).
        var body = string.Concat(Enumerable.Repeat("![](image:12)\nPhoto: X\n", 5_000));
        Assert.Equal(5_000, SafeHtml.Parse(Render(body, LaunchEvent)).QuerySelectorAll("figure").Length);
    }

    [Theory]
    // A sentence, a wrapped paragraph, a line introducing what follows: the article's text, not the figure's.
    [InlineData("![](image:12)\n\n阿里巴巴今天發布了新模型。")]
    [InlineData("![](image:12)\n\n第一行\n第二行")]
    [InlineData("![](image:12)\n\nThe key changes:")]
    [InlineData("![](image:12)\n\nهل ستنجح الخطة؟")]
    [InlineData("![](image:12)\n\nयोजना किसानों को लाभ देगी।")]
    public void Render_text_after_an_image_that_is_no_label_stays_a_paragraph(string markdown)
    {
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent));
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("發布會現場 圖源:ifanr", body.QuerySelector("figcaption")!.TextContent);
    }

    [Theory]
    // An image, a lone link (a call to action), or nothing visible is no label: it stays after the figure (an image by URL
    // alone is a figure of its own).
    [InlineData("![](image:12)\n\n![chart](https://example.com/chart.png)", "FIGURE")]
    [InlineData("![](image:12)\n\n![](image:13) 圖二 模型跑分", "P")]
    [InlineData("![](image:12)\n\n[閱讀原文](https://example.com)", "P")]
    public void Render_a_line_showing_an_image_or_only_a_link_is_not_taken_into_the_caption(string markdown, string after)
    {
        var second = new InlineImage(13, "https://cdn.example.com/b.png", "模型跑分", null, null, null, null);
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent, second));
        Assert.Equal("發布會現場 圖源:ifanr", body.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(after, body.Children[^1].TagName);
        Assert.Empty(body.QuerySelectorAll("figcaption img, figcaption a"));
    }

    [Theory]
    // A linked image (to its full size, or to a gallery) was a plain img in a paragraph: no figure, and the image's
    // caption and credit shown nowhere, the typed credit left as running text after it.
    [InlineData("[![Alt](image:12)](https://x.com/full.jpg)\nPhoto: Reuters", "發布會現場 <small class=\"credit\">Photo: Reuters</small>")]
    [InlineData("[![Alt](image:12)](https://x.com/full.jpg)\n\nPhoto: Reuters", "發布會現場 <small class=\"credit\">Photo: Reuters</small>")]
    [InlineData("[![Alt](image:12)](https://x.com/full.jpg)\n阿里雲杭州發布會\n圖源：新華社", "阿里雲杭州發布會 <small class=\"credit\">圖源：新華社</small>")]
    [InlineData("[![Alt](image:12)](https://x.com/full.jpg)", "發布會現場 <small class=\"credit\">圖源:ifanr</small>")]
    [InlineData("[ ![Alt](image:12) ](https://x.com/full.jpg \"Full size\")", "發布會現場 <small class=\"credit\">圖源:ifanr</small>")]
    public void Render_a_linked_image_alone_is_a_figure_with_the_link_kept_around_its_img(string markdown, string figcaption)
    {
        var body = SafeHtml.Parse(Render(markdown + "\n\n正文。", LaunchEvent));
        Assert.Equal(["FIGURE", "P"], body.Children.Select(child => child.TagName));
        var figure = body.Children[0];
        Assert.Equal(["A", "FIGCAPTION"], figure.Children.Select(child => child.TagName));
        Assert.Equal("https://x.com/full.jpg", figure.Children[0].GetAttribute("href"));
        var img = figure.Children[0].QuerySelector("img")!;
        Assert.Equal(("12", "Alt", "high"), (img.GetAttribute("data-image-id"), img.GetAttribute("alt"), img.GetAttribute("fetchpriority")));
        Assert.Equal(figcaption, figure.Children[1].InnerHtml);
        Assert.Equal("正文。", body.Children[1].TextContent);
    }

    [Fact]
    public void Render_a_linked_image_whose_link_is_refused_is_a_figure_without_the_link()
    {
        var figure = SafeHtml.Parse(Render("[![Alt](image:12)](javascript:alert(1))\nPhoto: Reuters", LaunchEvent)).QuerySelector("figure")!;
        Assert.Equal(["IMG", "FIGCAPTION"], figure.Children.Select(child => child.TagName));
        Assert.Equal("發布會現場 <small class=\"credit\">Photo: Reuters</small>", figure.Children[1].InnerHtml);
    }

    [Theory]
    // A link holding words as well as the image, or an image and text on one line, is running text.
    [InlineData("[![Alt](image:12) 看大圖](https://x.com/full.jpg)\nPhoto: Reuters")]
    [InlineData("[![Alt](image:12)](https://x.com/full.jpg) 看大圖\nPhoto: Reuters")]
    public void Render_a_link_holding_more_than_an_image_stays_in_its_paragraph(string markdown)
    {
        var body = SafeHtml.Parse(Render(markdown, LaunchEvent));
        Assert.Equal(["P"], body.Children.Select(child => child.TagName));
        Assert.NotNull(body.QuerySelector("p a img[data-image-id='12']"));
    }

    [Fact]
    public void Render_a_credit_may_link_its_source() =>
        Assert.Equal(
            "發布會現場 <small class=\"credit\">圖源:<a href=\"https://ifanr.com\" rel=\"noopener noreferrer nofollow\">ifanr</a></small>",
            SafeHtml.Parse(Render("![](image:12)\n\n圖源:[ifanr](https://ifanr.com)", LaunchEvent)).QuerySelector("figcaption")!.InnerHtml);

    [Theory]
    [InlineData("圖源:ifanr", true)]
    [InlineData("圖源：路透社", true)]
    [InlineData("Source: CNCF", true)]
    [InlineData("Photo by: Jane Doe", true)]
    [InlineData("10:30 的發布會現場", false)]
    [InlineData("阿里雲杭州發布會現場", false)]
    [InlineData("Qwen3-Max at the launch event in Hangzhou: day one", false)]
    public void A_label_is_a_credit_when_a_colon_follows_its_first_words(string label, bool credit) =>
        Assert.Equal(credit, FigureLabels.IsCredit(label));

    [Fact]
    public void Render_a_label_under_an_unknown_image_stays_a_paragraph() =>
        Assert.Equal("<p>圖源:ifanr</p>", Render("![](image:99)\n\n圖源:ifanr", LaunchEvent));

    [Fact]
    public void Render_image_lines_then_text_lines_keep_every_figure_and_every_line_of_text()
    {
        var second = new InlineImage(13, "https://cdn.example.com/b.png", "模型跑分", null, "圖源:Qwen", null, null);
        const string text = "第二行 ![圖](image:12)";
        var body = SafeHtml.Parse(Render("![](image:12)\n![](image:13)\n圖源:ifanr\n" + text, LaunchEvent, second));
        Assert.Equal(["FIGURE", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        // The line under the images labels the last of them, in place of its own credit.
        Assert.Equal("圖源:ifanr", body.Children[1].QuerySelector("figcaption")!.TextContent);
        Assert.Equal(Render(text, LaunchEvent).Replace("fetchpriority=\"high\"", "loading=\"lazy\"", StringComparison.Ordinal), body.Children[2].OuterHtml);
    }

    /// <summary>An image alone on its line ends the paragraph of the text above it, as a blank line would (FigureInsideParagraphTests).</summary>
    [Fact]
    public void Render_text_line_before_an_image_line_ends_its_paragraph() =>
        Assert.Equal(["P", "FIGURE"], SafeHtml.Parse(Render("圖源:ifanr\n![](image:12)", LaunchEvent)).Children.Select(child => child.TagName));

    [Fact]
    public void Render_reference_inside_running_text_is_a_plain_img_in_the_paragraph() =>
        Assert.Equal(
            "<p>見 <img src=\"https://cdn.example.com/launch.jpg?w=1200&amp;q=80\" alt=\"圖\" width=\"1200\" height=\"800\" fetchpriority=\"high\" data-image-id=\"12\"> 所示</p>",
            Render("見 ![圖](image:12) 所示", LaunchEvent));

    [Theory]
    [InlineData("![missing](image:99)", "")]
    [InlineData("前文 ![missing](image:99) 後文", "<p>前文  後文</p>")]
    public void Render_unknown_image_reference_renders_nothing(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown, LaunchEvent));

    [Theory]
    [InlineData("![x](image:abc)")]
    [InlineData("![x](image:-1)")]
    [InlineData("![x](image:)")]
    public void Render_malformed_image_reference_is_dropped(string markdown) =>
        Assert.Empty(SafeHtml.Parse(Render(markdown, LaunchEvent)).QuerySelectorAll("img"));

    [Fact]
    public void Render_ordinary_image_alone_is_an_img_in_a_figure() =>
        Assert.Equal(
            "<figure><img src=\"https://example.com/chart.png\" alt=\"跑分圖\" fetchpriority=\"high\"></figure>",
            Render("![跑分圖](https://example.com/chart.png)"));

    [Fact]
    public void Render_image_reference_in_a_list_item_is_a_figure_inside_the_item() =>
        Assert.Single(SafeHtml.Parse(Render("- ![](image:12)\n- 第二項", LaunchEvent)).QuerySelectorAll("ul > li > figure"));
}
