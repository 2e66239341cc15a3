using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContentApi.Rendering;
using ContentApi.TestSupport;

namespace ContentApi.IntegrationTests.Reading;

/// <summary>format=html|text through the API: figures from image references, heading ids and toc, sanitized output.</summary>
public sealed class RenderingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Renderings = ["bodyHtml", "toc", "plainText"];

    private readonly TestContent _content = new(factory.Writer());

    private static IElement Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><body>" + html).Body!;

    private async Task<long> ArticleAsync(string body, long[]? imageIds = null, long? cover = null) =>
        (await factory.Writer().CreateArticleAsync([await _content.AuthorAsync()], new()
        {
            ["body"] = body,
            ["language"] = "zh-Hant",
            ["imageIds"] = imageIds ?? [],
            ["coverImageId"] = cover,
        })).Id();

    /// <summary>
    /// Review: format=html or format=text rendered every article of the answer even when fields left out what it renders,
    /// so a list of ids of long articles took seconds; a rendering is made only when sent.
    /// </summary>
    [Fact]
    public async Task A_rendering_that_fields_leaves_out_is_not_made()
    {
        var body = $"# 標題 {Guid.NewGuid():N}\n\n第一段。";
        var id = await ArticleAsync(body);
        var client = factory.Anonymous();

        var ids = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html,text&fields=id,title");
        Assert.Equal(["id", "title"], ids.Select(p => p.Key));
        Assert.Equal((false, false), RenderedArticleCache.Shared.Holds(id, body));

        await client.GetJsonAsync($"/api/v1/articles/{id}?format=html,text&fields=id,toc,plainText");
        Assert.Equal((true, true), RenderedArticleCache.Shared.Holds(id, body));
    }

    /// <summary>
    /// Security review: <c># root</c> gave <c>id="root"</c>, which a host page's script reads as <c>window.root</c>, and
    /// every article's first note was <c>fn:1</c>: ids name the article now, and the body's links follow them.
    /// </summary>
    [Fact]
    public async Task Element_ids_of_an_article_name_it_and_its_links_follow_them()
    {
        var id = await ArticleAsync("見[根](#root)[^1]。\n\n# root\n\n[^1]: 註。");
        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");
        var body = Parse(article.Text("bodyHtml"));
        var prefix = $"user-content-{id}-";
        Assert.Equal([prefix + "fnref:1", prefix + "root", prefix + "fn:1"], body.QuerySelectorAll("[id]").Select(element => element.Id));
        Assert.Equal(["#" + prefix + "root", "#" + prefix + "fn:1", "#" + prefix + "fnref:1"], body.QuerySelectorAll("a[href]").Select(link => link.GetAttribute("href")));
        Assert.Equal(prefix + "root", article["toc"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Format_adds_html_and_toc_or_plain_text_or_both_and_nothing_by_default()
    {
        var id = await ArticleAsync("# 標題\n\n第一段，有 **粗體**。");
        var client = factory.Anonymous();
        var plain = await client.GetJsonAsync($"/api/v1/articles/{id}");
        Assert.All(Renderings, name => Assert.False(plain.ContainsKey(name), $"{name} only when asked for"));
        var markdown = await client.GetJsonAsync($"/api/v1/articles/{id}?format=markdown");
        Assert.Equal(plain.ToJsonString(), markdown.ToJsonString());

        var html = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html");
        Assert.Equal($"<h1 id=\"user-content-{id}-標題\">標題</h1>\n<p>第一段，有 <strong>粗體</strong>。</p>", html.Text("bodyHtml"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""[{"level":1,"text":"標題","id":"user-content-{{id}}-標題"}]"""), html["toc"]));
        Assert.False(html.ContainsKey("plainText"));
        Assert.Equal(plain.Text("body"), html.Text("body"));

        var text = await client.GetJsonAsync($"/api/v1/articles/{id}?format=text");
        Assert.Equal("標題\n第一段，有 粗體。", text.Text("plainText"));
        Assert.False(text.ContainsKey("bodyHtml"));
        Assert.False(text.ContainsKey("toc"));

        var both = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html,text");
        Assert.All(Renderings, name => Assert.True(both.ContainsKey(name)));
        var listed = await client.GetJsonAsync($"/api/v1/articles?author={plain["authors"]![0]!.Id()}&format=html,text");
        Assert.Equal(both.ToJsonString(), listed["items"]![0]!.ToJsonString());
        var bySlug = await client.GetJsonAsync($"/api/v1/articles/slug/{Uri.EscapeDataString(plain.Text("slug"))}?format=text,html");
        Assert.Equal(both.ToJsonString(), bySlug.ToJsonString());

        var sparse = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html&fields=id,bodyHtml");
        Assert.Equal(["id", "bodyHtml"], sparse.Select(p => p.Key));

        foreach (var bad in new[] { "pdf", "html,pdf", "", "HTML" })
        {
            var message = (await client.GetErrorsAsync($"/api/v1/articles/{id}?format={bad}")).Message("format");
            Assert.Contains("html", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Image_reference_renders_as_a_figure_with_size_caption_and_credit_the_first_loading_at_once()
    {
        var writer = factory.Writer();
        var image = await writer.PostOkAsync("/api/v1/images", new
        {
            url = "https://cdn.example.com/qwen3-max.jpg?w=1200&q=80",
            altText = "發布會現場照片",
            caption = "Qwen3-Max 發布會現場",
            credit = "圖源:ifanr",
            width = 1200,
            height = 675,
        });
        var other = await _content.ImageAsync("圖源：通義千問官方部落格");
        var id = await ArticleAsync($"段落一。\n\n![Qwen3-Max 發布會](image:{image.Id()})\n\n![](image:{other})\n\n行內 ![小圖](image:{image.Id()}) 圖。", [image.Id(), other]);

        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        var body = Parse(html);
        var figures = body.QuerySelectorAll("figure");
        Assert.Equal(2, figures.Length);
        Assert.Empty(body.QuerySelectorAll("p figure"));

        var img = figures[0].QuerySelector("img")!;
        Assert.Equal("https://cdn.example.com/qwen3-max.jpg?w=1200&q=80", img.GetAttribute("src"));
        Assert.Equal("Qwen3-Max 發布會", img.GetAttribute("alt"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("675", img.GetAttribute("height"));
        // The first image, usually the lead picture, loads at once and first; the later ones lazily.
        Assert.Equal((null, "high"), (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")));
        Assert.All(body.QuerySelectorAll("img").Skip(1), later => Assert.Equal(("lazy", null), (later.GetAttribute("loading"), later.GetAttribute("fetchpriority"))));
        var caption = figures[0].QuerySelector("figcaption")!;
        Assert.StartsWith("Qwen3-Max 發布會現場", caption.TextContent, StringComparison.Ordinal);
        Assert.Equal("圖源:ifanr", caption.QuerySelector("small.credit")!.TextContent);

        // No alt text in the Markdown: the image's own is used.
        Assert.Equal("示意圖", figures[1].QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("圖源：通義千問官方部落格", figures[1].QuerySelector("figcaption small.credit")!.TextContent);
        // Inside running text the reference is a plain lazy img.
        Assert.Equal("小圖", body.QuerySelector("p img")!.GetAttribute("alt"));
        Assert.Equal(3, body.QuerySelectorAll("img").Length);
    }

    [Theory]
    // The probe's bodies: a credit typed in brackets after the caption showed beside the image's own credit, or styled
    // the whole line as the credit beside the image's own caption.
    [InlineData("![](image:{0})\r\nThe launch event in Hangzhou. (Photo: Reuters)\r\n\r\nBody.", "The launch event in Hangzhou.", "(Photo: Reuters)")]
    [InlineData("![](image:{0})\r\n▲阿里雲發布會現場。（圖／記者王小明攝）", "▲阿里雲發布會現場。", "（圖／記者王小明攝）")]
    [InlineData("![](image:{0})\r\n阿里雲發布會現場（圖源：ifanr）", "阿里雲發布會現場", "（圖源：ifanr）")]
    public async Task Figure_caption_typed_with_its_credit_on_one_line_gives_one_caption_and_one_credit(string body, string caption, string credit)
    {
        var image = await _content.ImageAsync("ifanr", "資料照片：阿里雲");
        var id = await ArticleAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, body, image), [image]);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        Assert.Equal($"{caption} <small class=\"credit\">{credit}</small>", Parse(html).QuerySelector("figure figcaption")!.InnerHtml);
    }

    /// <summary>
    /// A Taiwanese news article as editors write it: a lead running on with commas, a row of agency photos under one
    /// credit, and a caption with its credit run in after a space. The first photo of the row kept its library credit,
    /// the run-in credit swallowed its caption, and the excerpt stopped mid-word (CJK review).
    /// </summary>
    [Fact]
    public async Task A_chinese_news_article_credits_a_row_of_photos_and_cuts_its_excerpt_at_a_clause()
    {
        var (first, second, third) = (await _content.ImageAsync("台積電提供"), await _content.ImageAsync("路透社"), await _content.ImageAsync(null, "台北101"));
        var lead = "晶圓代工龍頭台積電今天舉行第三季法說會，董事長表示人工智慧相關需求持續強勁，客戶對先進製程的需求遠高於公司產能，" +
            "預計明年資本支出將介於四百億至四百二十億美元之間，創下歷史新高，法人普遍認為這將進一步拉開與競爭對手的差距，" +
            "也讓供應鏈業者對明年營運抱持樂觀看法，不過也有分析師提醒地緣政治風險與匯率波動仍可能影響毛利率表現，" +
            "多家外資券商隨即調高目標價，台股加權指數盤中一度大漲逾三百點，電子類股全面走強，半導體設備與材料族群同步受惠";
        var body = $"{lead}。\n\n![](image:{first})\n![](image:{second})\n\n圖／中央社\n\n![](image:{third})\n台北101夜景 圖源：中央社\n\n正文。";
        var id = await ArticleAsync(body, [first, second, third]);

        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");
        var figures = Parse(article.Text("bodyHtml")).QuerySelectorAll("figure");
        Assert.Equal(["圖／中央社", "圖／中央社", "圖源：中央社"], figures.Select(figure => figure.QuerySelector("small.credit")!.TextContent));
        Assert.Equal("台北101夜景 <small class=\"credit\">圖源：中央社</small>", figures[2].QuerySelector("figcaption")!.InnerHtml);
        var excerpt = article.Text("excerpt");
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt[..^1] + "，", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figure_ending_a_footnote_is_followed_by_the_link_back_not_holding_it_in_its_credit()
    {
        var image = await _content.ImageAsync("ifanr", "資料照片：阿里雲");
        var id = await ArticleAsync($"正文[^1]。\n\n[^1]: ![](image:{image})\n    圖源:ifanr", [image]);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        var note = Parse(html).QuerySelector("div.footnotes li")!;
        Assert.Equal("資料照片：阿里雲 <small class=\"credit\">圖源:ifanr</small>", note.QuerySelector("figure figcaption")!.InnerHtml);
        Assert.Equal(["FIGURE", "P"], note.Children.Select(child => child.TagName));
        Assert.Equal($"#user-content-{id}-fnref:1", note.Children[1].QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Linked_image_alone_is_a_figure_with_its_link_kept_and_its_caption_and_credit_shown()
    {
        var image = await _content.ImageAsync("ifanr", "資料照片：阿里雲");
        var id = await ArticleAsync($"[![Alt](image:{image})](https://x.com/full.jpg)\nPhoto: Reuters\n\n[![Alt](image:{image})](https://x.com/full.jpg)", [image]);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html,text"));
        var figures = Parse(html.Text("bodyHtml")).Children;
        Assert.Equal(["FIGURE", "FIGURE"], figures.Select(child => child.TagName));
        Assert.All(figures, figure => Assert.Equal("https://x.com/full.jpg", figure.QuerySelector("a > img[data-image-id]")!.ParentElement!.GetAttribute("href")));
        Assert.Equal("資料照片：阿里雲 <small class=\"credit\">Photo: Reuters</small>", figures[0].QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("資料照片：阿里雲 <small class=\"credit\">ifanr</small>", figures[1].QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("Photo: Reuters", html.Text("plainText"));
    }

    /// <summary>
    /// A body imported from Hugo or WordPress places its images by URL: one alone on its line was a p with an img, its
    /// credit running text, which led the excerpt ("圖源：鳶尾社 阿里雲今天…") and ran into the caption in search.
    /// </summary>
    [Fact]
    public async Task Image_by_url_alone_is_a_figure_whose_label_leaves_the_excerpt_as_an_image_references_does()
    {
        var id = await ArticleAsync("![發布會](https://cdn.example.com/a.jpg?w=1200&q=80)\n鵟鷂棲息現場\n圖源：鳶尾社\n\n## 發布會\n\n阿里雲今天在杭州發布了新模型。");
        var client = factory.Anonymous();

        var article = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html,text");
        var body = Parse(article.Text("bodyHtml"));
        Assert.Equal(["FIGURE", "H2", "P"], body.Children.Select(child => child.TagName));
        var img = body.QuerySelector("figure > img")!;
        Assert.Equal(("https://cdn.example.com/a.jpg?w=1200&q=80", "發布會", "high", false),
            (img.GetAttribute("src"), img.GetAttribute("alt"), img.GetAttribute("fetchpriority"), img.HasAttribute("data-image-id")));
        Assert.Equal("鵟鷂棲息現場 <small class=\"credit\">圖源：鳶尾社</small>", body.QuerySelector("figcaption")!.InnerHtml);
        Assert.Equal("阿里雲今天在杭州發布了新模型。", article.Text("excerpt"));
        Assert.Equal("鵟鷂棲息現場\n圖源：鳶尾社\n發布會\n阿里雲今天在杭州發布了新模型。", article.Text("plainText"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""[{"level":2,"text":"發布會","id":"user-content-{{id}}-發布會"}]"""), article["toc"]));

        Assert.Contains(id, (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("鳶尾社")}"))["items"]!.AsArray().Select(item => item!.Id()));
        // The caption and the credit are lines apart, as the figure shows them: no word runs from one into the other.
        Assert.DoesNotContain(id, (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("現場圖源")}"))["items"]!.AsArray().Select(item => item!.Id()));
    }

    /// <summary>
    /// Pasted text with no blank line before its image, and a wire service's credit typed under a photo: the image was an
    /// img inside the paragraph with "圖／中央社" running on as text, into the excerpt too, and "REUTERS/Ann Wang" was the
    /// photo's caption, so the image's own credit, 中央社, stayed beside it: the photo credited to the wrong source.
    /// </summary>
    [Fact]
    public async Task An_image_alone_on_its_line_after_text_is_a_figure_and_a_wire_credit_under_it_is_its_credit()
    {
        var image = await _content.ImageAsync("中央社", "原始圖說蘋果派");
        var id = await ArticleAsync(
            $"行政院今天宣布新的補助方案，將於明年上路。\n![](image:{image})\n圖／中央社\n\n第二段。\n\n![](image:{image})\nREUTERS/Ann Wang\n\n第三段。", [image]);
        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");

        var body = Parse(article.Text("bodyHtml"));
        Assert.Equal(["P", "FIGURE", "P", "FIGURE", "P"], body.Children.Select(child => child.TagName));
        Assert.Equal("行政院今天宣布新的補助方案，將於明年上路。", body.Children[0].InnerHtml);
        Assert.Equal(
            ["原始圖說蘋果派 <small class=\"credit\">圖／中央社</small>", "原始圖說蘋果派 <small class=\"credit\">REUTERS/Ann Wang</small>"],
            body.QuerySelectorAll("figcaption").Select(caption => caption.InnerHtml));
        Assert.Equal("行政院今天宣布新的補助方案，將於明年上路。第二段。第三段。", article.Text("excerpt"));
    }

    [Fact]
    public async Task Image_reference_to_an_image_only_used_as_cover_still_renders()
    {
        var cover = await _content.ImageAsync("圖源:財聯社", "封面");
        var id = await ArticleAsync($"![封面圖](image:{cover})", cover: cover);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html&include=")).Text("bodyHtml");
        Assert.Equal("封面", Parse(html).QuerySelector("figure figcaption")!.FirstChild!.TextContent.Trim());
    }

    /// <summary>
    /// The cover is the article's feature image, apart from its body, as Ghost's feature_image and WordPress's featured
    /// image are: bodyHtml never adds it, and a body that places it shows it where placed, once, with the cover's id as
    /// its data-image-id, by which a frontend that shows coverImage above the body finds the repeat.
    /// </summary>
    [Fact]
    public async Task A_cover_is_apart_from_the_body_html_which_shows_it_only_where_the_body_places_it()
    {
        var cover = await _content.ImageAsync("圖源:財聯社", "封面");
        var apart = await ArticleAsync("第一段。", cover: cover);
        var placed = await ArticleAsync($"第一段。\n\n![封面圖](image:{cover})\n\n第二段。", cover: cover);
        var client = factory.Anonymous();

        var apartArticle = await client.GetJsonAsync($"/api/v1/articles/{apart}?format=html");
        Assert.Equal(cover, apartArticle["coverImage"]!.Id());
        Assert.Empty(Parse(apartArticle.Text("bodyHtml")).QuerySelectorAll("img"));

        var placedArticle = await client.GetJsonAsync($"/api/v1/articles/{placed}?format=html");
        Assert.Equal(cover, placedArticle["coverImage"]!.Id());
        var body = Parse(placedArticle.Text("bodyHtml"));
        Assert.Equal([cover.ToString(System.Globalization.CultureInfo.InvariantCulture)], body.QuerySelectorAll("img").Select(img => img.GetAttribute("data-image-id")));
        Assert.Equal("P", body.Children[0].TagName);
        Assert.Equal("FIGURE", body.Children[1].TagName);
    }

    [Fact]
    public async Task Chinese_headings_get_stable_ids_listed_in_the_toc()
    {
        const string Markdown = """
            # 通義千問發布 Qwen3-Max

            ## 一、模型規模與訓練資料

            內文。

            ## 二、基準測試表現

            ### SWE-Bench Verified 分數

            ## 二、基準測試表現

            ## ！？

            ## 結語：開源與商業化
            """;
        var id = await ArticleAsync(Markdown);
        var first = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");
        var toc = first["toc"]!.AsArray().Select(e => (Level: e!["level"]!.GetValue<int>(), Text: e.Text("text"), Id: e.Text("id"))).ToList();
        Assert.Equal(
            [
                (1, "通義千問發布 Qwen3-Max", "通義千問發布-qwen3-max"),
                (2, "一、模型規模與訓練資料", "一-模型規模與訓練資料"),
                (2, "二、基準測試表現", "二-基準測試表現"),
                (3, "SWE-Bench Verified 分數", "swe-bench-verified-分數"),
                (2, "二、基準測試表現", "二-基準測試表現-2"),
                (2, "！？", "section-6"),
                (2, "結語：開源與商業化", "結語-開源與商業化"),
            ],
            toc.Select(entry => entry with { Id = entry.Id.Replace($"user-content-{id}-", "", StringComparison.Ordinal) }));
        var headings = Parse(first.Text("bodyHtml")).QuerySelectorAll("h1, h2, h3").Select(h => h.Id).ToList();
        Assert.Equal(toc.Select(t => t.Id), headings);

        // Stable: the same ids on every read, in lists, and after an unrelated edit.
        await (await factory.Writer().PatchMergeAsync($"/api/v1/articles/{id}", new { title = "改過的標題" })).AssertJsonAsync();
        var again = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html");
        Assert.Equal(first["toc"]!.ToJsonString(), again["toc"]!.ToJsonString());
        Assert.Equal(first.Text("bodyHtml"), again.Text("bodyHtml"));
    }

    [Fact]
    public async Task Fenced_code_keeps_its_language_as_the_class_highlighters_read()
    {
        var id = await ArticleAsync("```python\nprint(\"你好\")\n```\n\n```js title=\"app.js\"\nlet x;\n```\n\n```<script>\ny\n```\n\n```\nz\n```");
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        var codes = Parse(html).QuerySelectorAll("pre > code");
        Assert.Equal(["language-python", "language-js", null, null], codes.Select(code => code.GetAttribute("class")));
        Assert.Equal("print(\"你好\")\n", codes[0].TextContent);
        AssertSafe(html);
    }

    [Fact]
    public async Task Bare_inline_tags_render_and_their_text_reads_without_them_or_the_readings()
    {
        var id = await ArticleAsync("設計者<ruby>辰野金吾<rt>たつのきんご</rt></ruby>說明 CO<sub>2</sub> 減量。\n\n| 站 | 說明 |\n| - | - |\n| 東京 | 紅磚<br>1914 年 |");
        var client = factory.Anonymous();
        var article = await client.GetJsonAsync($"/api/v1/articles/{id}?format=html,text");
        var html = Parse(article.Text("bodyHtml"));
        Assert.Equal("たつのきんご", html.QuerySelector("ruby > rt")!.TextContent);
        Assert.Equal("2", html.QuerySelector("sub")!.TextContent);
        Assert.Equal("紅磚<br>1914 年", html.QuerySelectorAll("td")[^1].InnerHtml);
        Assert.Equal("設計者辰野金吾說明 CO2 減量。\n站\t說明\n東京\t紅磚\t1914 年", article.Text("plainText"));
        Assert.Equal("設計者辰野金吾說明 CO2 減量。", article.Text("excerpt"));

        Assert.Contains(id, (await client.GetJsonAsync("/api/v1/search?q=CO2"))["items"]!.AsArray().Select(item => item!.Id()));
        Assert.DoesNotContain(id, (await client.GetJsonAsync("/api/v1/search?q=sub"))["items"]!.AsArray().Select(item => item!.Id()));
        Assert.DoesNotContain(id, (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("きんご")}"))["items"]!.AsArray().Select(item => item!.Id()));
    }

    public static TheoryData<string> HostileMarkdown =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div><b>unclosed <i>tags",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![\" onerror=\"alert(1)](https://cdn.example/a.png)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "## <img src=x onerror=alert(1)> 標題",
        "| <script>alert(1)</script> | b |\n| - | - |\n| <img src=x onerror=alert(1)> | 2 |",
    ];

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public async Task Hostile_markdown_renders_to_safe_html_and_is_stored_as_written(string markdown)
    {
        var body = $"前言。\n\n{markdown}\n\n結尾。";
        var id = await ArticleAsync(body);
        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html,text");
        Assert.Equal(body, article.Text("body"));
        AssertSafe(article.Text("bodyHtml"));
        Assert.EndsWith("<p>結尾。</p>", article.Text("bodyHtml"), StringComparison.Ordinal);
        Assert.All(article["toc"]!.AsArray(), entry => Assert.DoesNotContain("<", entry!.Text("id"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_image_metadata_is_escaped_in_figures()
    {
        var writer = factory.Writer();
        var image = await writer.PostOkAsync("/api/v1/images", new
        {
            url = "https://cdn.example.com/x.jpg",
            altText = "\" onerror=\"alert(1)",
            caption = "<script>alert(1)</script>",
            credit = "<img src=x onerror=alert(1)>",
            width = 10,
            height = 10,
        });
        var id = await ArticleAsync($"![](image:{image.Id()})", [image.Id()]);
        var html = (await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html")).Text("bodyHtml");
        AssertSafe(html);
        var figure = Parse(html).QuerySelector("figure")!;
        Assert.Equal("\" onerror=\"alert(1)", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("<img src=x onerror=alert(1)>", figure.QuerySelector("small.credit")!.TextContent);
        Assert.StartsWith("<script>", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>What a browser would build from the HTML: only the renderer's own elements, no handlers, only http(s)/mailto URLs.</summary>
    private static void AssertSafe(string html)
    {
        string[] allowedTags = ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "strong", "em", "del",
            "code", "pre", "a", "img", "figure", "figcaption", "small", "table", "thead", "tbody", "tr", "th", "td"];
        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            Assert.True(allowedTags.Contains(element.LocalName), $"<{element.LocalName}> in {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} in {html}");
                if (attribute.Name is "href" or "src")
                {
                    var url = string.Concat(attribute.Value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
                    var colon = url.IndexOf(':', StringComparison.Ordinal);
                    var delimiter = url.IndexOfAny(['/', '?', '#']);
                    if (colon >= 0 && (delimiter < 0 || colon < delimiter))
                    {
                        Assert.Contains(url[..colon].ToLowerInvariant(), new[] { "http", "https", "mailto" });
                    }
                }
            }
        }
        // Hostile markup may survive only as escaped text.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Frontend review: a video alone on its line, as the import writes Hugo's youtube shortcode, was a plain link, so a
    /// frontend parsed HTML to embed it. It is a figure.embed with a player we build; an iframe the author wrote stays text.
    /// </summary>
    [Fact]
    public async Task A_video_alone_on_its_line_is_an_embedded_player_and_stays_its_link_in_text_and_excerpt()
    {
        var id = await ArticleAsync(
            "發布會影片如下。\n\n<https://www.youtube.com/watch?v=dQw4w9WgXcQ>\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n另見 https://vimeo.com/76979871 的片段。");

        var article = await factory.Anonymous().GetJsonAsync($"/api/v1/articles/{id}?format=html,text");
        var body = Parse(article.Text("bodyHtml"));
        Assert.Equal(["P", "FIGURE", "P", "P"], body.Children.Select(child => child.TagName));
        var iframe = Assert.Single(body.QuerySelectorAll("figure.embed[data-embed=youtube] > iframe"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", iframe.GetAttribute("src"));
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", body.QuerySelector("figure.embed > a")!.GetAttribute("href"));
        Assert.Equal("<iframe src=\"https://evil.example/\"></iframe>", body.Children[2].TextContent);
        Assert.Equal("https://vimeo.com/76979871", body.Children[3].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(
            "發布會影片如下。\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n<iframe src=\"https://evil.example/\"></iframe>\n另見 https://vimeo.com/76979871 的片段。",
            article.Text("plainText"));
        Assert.DoesNotContain("nocookie", article.Text("excerpt"), StringComparison.Ordinal);
    }
}
