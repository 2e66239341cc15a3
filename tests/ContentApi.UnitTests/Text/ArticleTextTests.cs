using ContentApi.Text;

namespace ContentApi.UnitTests.Text;

public sealed class ArticleTextTests
{
    /// <summary>
    /// The space a derived excerpt joins two paragraphs with is a line break as search indexes it, so that no Chinese
    /// run reads across it (台積電 found "台積" and "電子" on either side of a heading: review); the excerpt shown stays.
    /// </summary>
    [Theory]
    [InlineData("第一段結尾台積\n\n## 標題\n\n電子公司第二段。", "第一段結尾台積 電子公司第二段。", "第一段結尾台積\n電子公司第二段。")]
    [InlineData("- 台積\n- 電子", "台積 電子", "台積\n電子")]
    [InlineData("佐藤 花子は\n\n東京へ。", "佐藤 花子は 東京へ。", "佐藤 花子は\n東京へ。")] // a space within a paragraph stays a space
    [InlineData("第一段。\n\n第二段", "第一段。第二段", "第一段。第二段")]
    [InlineData("| 欄一鸕 | 鶿欄二 |\n| --- | --- |\n| 台灣 | 大學 |", "欄一鸕 鶿欄二 台灣 大學", "欄一鸕\n鶿欄二\n台灣\n大學")] // a table's cells, parted by tabs
    public void Measure_derived_excerpt_is_indexed_with_a_line_break_where_it_joins_two_paragraphs(string body, string shown, string indexed)
    {
        var stats = ArticleText.Measure(body);

        Assert.Equal((shown, indexed), (stats.DerivedExcerpt, stats.IndexedDerivedExcerpt));
        Assert.Equal(indexed, stats.IndexedFormOf(shown));
        Assert.Equal("舊版 摘要", stats.IndexedFormOf("舊版 摘要")); // one an earlier build derived: as it is
    }

    /// <summary>
    /// Review: a hard line break (a poem's, an address's), which the HTML shows, was joined as a wrapped line is, so the
    /// excerpt read 第一行鵟鷂第二行 and 鵟鷂 found the article through it. It is kept as a paragraph's end is.
    /// </summary>
    [Theory]
    [InlineData("第一行鵟\\\n鷂第二行")]
    [InlineData("第一行鵟  \n鷂第二行")]
    [InlineData("第一行鵟<br>鷂第二行")]
    [InlineData("第一行**鵟<br>鷂**第二行")]
    [InlineData("> 第一行鵟<br/>\n> 鷂第二行")]
    public void Measure_derived_excerpt_keeps_a_hard_line_break_as_a_paragraphs_end(string body)
    {
        var stats = ArticleText.Measure(body);

        Assert.Equal(("第一行鵟 鷂第二行", "第一行鵟\n鷂第二行"), (stats.DerivedExcerpt, stats.IndexedDerivedExcerpt));
    }

    [Theory]
    [InlineData("第一行鵟\n鷂第二行", "第一行鵟鷂第二行")] // a wrapped line still joins
    [InlineData("Roses are red,\\\nviolets\nare blue.", "Roses are red,\nviolets are blue.")]
    [InlineData("第一句。\\\n第二句", "第一句。第二句")] // the full stop holds the space, as between paragraphs
    [InlineData("記者王小明／台北報導\\\n行政院今天宣布。", "行政院今天宣布。")]
    public void Measure_derived_excerpt_breaks_only_at_hard_line_breaks(string body, string indexed) =>
        Assert.Equal(indexed, ArticleText.Measure(body).IndexedDerivedExcerpt);

    /// <summary>
    /// Fuzzing: a wrapped line ending in a tab or a no-break space, which Markdown keeps where it drops a trailing space,
    /// is no join in the plain text (製程⏎通義千問, as the HTML shows a space there), but the excerpt trimmed it and joined
    /// the lines as wrapped Chinese: 製程通義千問, so 程通 found the article through its excerpt alone. It follows the plain text.
    /// </summary>
    [Theory]
    [InlineData("製程\t\n通義千問")]
    [InlineData("製程&#9;\n通義千問")]
    [InlineData("製程&nbsp;\n通義千問")]
    [InlineData("*製程*\t\n通義千問")]
    public void Measure_derived_excerpt_breaks_a_wrapped_line_where_the_plain_text_does(string body)
    {
        var stats = ArticleText.Measure(body);

        Assert.Equal("製程\n通義千問", stats.PlainText);
        Assert.Equal(("製程 通義千問", "製程\n通義千問"), (stats.DerivedExcerpt, stats.IndexedDerivedExcerpt));
    }

    [Fact]
    public void Measure_long_derived_excerpt_cut_is_the_same_shown_and_indexed()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"第{i}段的文字沒有句號"));
        var stats = ArticleText.Measure(paragraphs);

        Assert.Equal(stats.DerivedExcerpt, stats.IndexedDerivedExcerpt.Replace('\n', ' '));
        Assert.Contains('\n', stats.IndexedDerivedExcerpt);
    }

    /// <summary>
    /// Review: a paragraph starting with a mark or a joiner, which a space before it carries in its grapheme cluster and a
    /// line break does not, moved the cut, counted in clusters: the excerpt shown differed from the one joined with a space.
    /// </summary>
    [Theory]
    [InlineData("\u0301")]
    [InlineData("\u200D")]
    [InlineData("\uFE0F")]
    public void A_paragraph_starting_with_a_mark_cuts_the_excerpt_where_a_space_would(string mark)
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(0, 80).Select(i => $"{mark}word{i} more"));
        var spaced = string.Join(" ", Enumerable.Range(0, 80).Select(i => $"{mark}word{i} more"));

        var stats = ArticleText.Measure(paragraphs);

        Assert.Equal(ArticleText.Measure(spaced).DerivedExcerpt, stats.DerivedExcerpt);
        Assert.Equal(stats.DerivedExcerpt, stats.IndexedDerivedExcerpt.Replace('\n', ' '));
    }

    [Fact]
    public void Measure_plain_text_has_one_line_per_block_and_no_markup()
    {
        const string Body = """
            # 阿里發布 **Qwen3-Max**

            通義千問在 [SWE-Bench Verified](https://www.swebench.com) 取得 `69.6` 分。

            ![發布會現場](image:12)

            圖源:ifanr

            - 第一點
            - 第二點 ~~刪除~~

            > 引用的話

            | 模型 | 分數 |
            | --- | --- |
            | Qwen3-Max | 69.6 |

            ```
            print("hi")
            ```

            ---
            """;
        Assert.Equal(
            "阿里發布 Qwen3-Max\n通義千問在 SWE-Bench Verified 取得 69.6 分。\n圖源:ifanr\n第一點\n第二點 刪除\n引用的話\n模型\t分數\nQwen3-Max\t69.6\nprint(\"hi\")",
            ArticleText.Measure(Body).PlainText);
    }

    [Fact]
    public void Measure_plain_text_omits_images_and_their_alt_text() =>
        Assert.Equal("前文 後文", ArticleText.Measure("前文 ![替代文字](https://example.com/a.png) 後文").PlainText);

    [Fact]
    public void Measure_plain_text_keeps_raw_html_as_the_text_it_is() =>
        Assert.Equal("<b>粗</b> &", ArticleText.Measure("<b>粗</b> &amp;").PlainText);

    [Theory]
    // A consonant, a virama and the next consonant are one character (Unicode's rule GB9c, which .NET's segmentation
    // lacks): counts as Python's regex \X and browsers' Intl.Segmenter give them. Not across a zero-width non-joiner,
    // nor in scripts whose virama does not link (Tamil, Kannada).
    [InlineData("क्षत्रिय", 3)]
    [InlineData("हिन्दी", 2)]
    [InlineData("स्त्री", 1)]
    [InlineData("क्ष", 1)]
    [InlineData("ক্ষ", 1)]
    [InlineData("স্ত্র", 1)]
    [InlineData("ক্ষমতা", 3)]
    [InlineData("વિદ્યાર્થી", 3)]
    [InlineData("ଓଡ଼ିଆ", 3)]
    [InlineData("କ୍ଷ", 1)]
    [InlineData("తెలుగు", 3)]
    [InlineData("క్ష", 1)]
    [InlineData("ద్వారా", 2)]
    [InlineData("മലയാളം", 4)]
    [InlineData("ക്ഷേത്രം", 2)]
    [InlineData("ന്റെ", 1)]
    [InlineData("क़्ज़", 1)]
    [InlineData("क्\u200Dष", 1)]
    [InlineData("क्\u200Cष", 2)]
    [InlineData("नमस्ते", 3)]
    [InlineData("संस्कृतम्", 4)]
    [InlineData("क्", 1)]
    [InlineData("தமிழ்", 3)]
    [InlineData("ಕನ್ನಡ", 4)]
    [InlineData("ਪੰਜਾਬੀ", 3)]
    [InlineData("ကမ္ဘာ", 3)]
    [InlineData("ក្រុម", 2)]
    [InlineData("हिन्दी समाचार", 6)]
    public void CountCharacters_keeps_indic_conjuncts_whole(string text, int expected) =>
        Assert.Equal(expected, ArticleText.CountCharacters(text));

    [Theory]
    [InlineData("中文 abc", 5)]
    [InlineData("你好，世界！", 6)]
    [InlineData("👨‍👩‍👧‍👦", 1)]
    [InlineData("👍🏽 🇹🇼", 2)]
    [InlineData("e\u0301", 1)]
    [InlineData("𠀀𠀁", 2)]
    [InlineData(" \t\n　", 0)]
    // Invisible format characters on their own are no characters: a zero-width space, soft hyphen, byte order mark, bidi isolates.
    [InlineData("a\u200Bb", 2)]
    [InlineData("\u00AD\u00ADx", 1)]
    [InlineData("\uFEFF\uFEFFx", 1)]
    [InlineData("\u2067عربي\u2069", 4)]
    [InlineData("\u06DD", 1)] // the end of ayah is a format character that is drawn
    public void CountCharacters_counts_grapheme_clusters_except_whitespace(string text, int expected) =>
        Assert.Equal(expected, ArticleText.CountCharacters(text));

    [Theory]
    [InlineData("", false)]
    [InlineData(" \t\n　", false)]
    [InlineData("\u200B\u00AD\uFEFF\u2067\u2069 ", false)]
    [InlineData("\u200B \u06DD", true)]
    [InlineData("  \u200Bx", true)]
    [InlineData("👍🏽", true)]
    [InlineData("\u0301", true)]
    public void HasCharacters_is_whether_any_are_counted(string text, bool expected)
    {
        Assert.Equal(expected, ArticleText.HasCharacters(text));
        Assert.Equal(expected, ArticleText.CountCharacters(text) > 0);
    }

    [Fact]
    public void Measure_counts_characters_of_the_plain_text_not_the_markdown() =>
        Assert.Equal(4, ArticleText.Measure("## **粗體** [連結](https://example.com/very/long)").CharacterCount);

    [Fact]
    public void Measure_a_long_chinese_article_gives_excerpt_count_and_reading_time()
    {
        var paragraph = "阿里巴巴今天發布了新一代大型語言模型，在多項基準測試中表現出色。";
        var body = "作者 | 王小明\n\n## 背景\n\n" + string.Concat(Enumerable.Repeat(paragraph + "\n\n", 100)) + "![](image:1)\n\n本文由作者授權發布。";
        var stats = ArticleText.Measure(body);

        Assert.InRange(stats.ReadingTimeMinutes, 7, 8);
        Assert.StartsWith("阿里巴巴", stats.DerivedExcerpt, StringComparison.Ordinal);
        Assert.EndsWith("。", stats.DerivedExcerpt, StringComparison.Ordinal);
        Assert.InRange(ArticleText.CountCharacters(stats.DerivedExcerpt), 100, ArticleText.ExcerptMaxLength);
        Assert.Equal(ArticleText.CountCharacters(stats.PlainText), stats.CharacterCount);
    }

    [Fact]
    public void The_excerpt_is_cut_from_paragraphs_without_headings_code_tables_or_figure_credits()
    {
        const string Body = """
            # 阿里發布 Qwen3-Max

            通義千問在 SWE-Bench Verified 取得 69.6 分。

            ![發布會現場](image:12)

            圖源:ifanr

            ## 第1節：技術細節

            ![分數對比](image:13)
            Source: CNCF

            - 列表裡的話
            > 引用的話

            | 模型 | 分數 |
            | --- | --- |
            | Qwen3-Max | 69.6 |

            ```
            print("hi")
            ```

            業界分析師認為這是重要的一步。
            """;
        Assert.Equal("通義千問在 SWE-Bench Verified 取得 69.6 分。列表裡的話 引用的話 業界分析師認為這是重要的一步。", ArticleText.Measure(Body).DerivedExcerpt);
    }

    [Theory]
    // A lead sentence after a cover image is the article's, not the image's.
    [InlineData("![c](image:1)\n\nAlibaba released Qwen3-Max today.\n\nMore text.", "Alibaba released Qwen3-Max today. More text.")]
    [InlineData("![c](image:1)\n\n阿里巴巴今天發布了新模型。", "阿里巴巴今天發布了新模型。")]
    // A credit, or a short line with no sentence end (a caption), right after the image is its label.
    [InlineData("![圖](image:1)\n\n圖源：本站整理\n\n正文。", "正文。")]
    [InlineData("![圖](image:1)\n\nQwen3-Max 發布會現場\n\n正文。", "正文。")]
    [InlineData("![圖](image:1)\n\nSource: CNCF\n\n正文。", "正文。")]
    // So is a credit line after such a caption, under the image or as the next one-line paragraph.
    [InlineData("前言段落。\n\n![發布會](image:1)\n阿里雲發布會現場\n圖源：ifanr\n\n![跑分](image:2)\n\n跑分對照表\n\n圖源：阿里雲\n\n正文第一段，說明詳情。", "前言段落。正文第一段，說明詳情。")]
    [InlineData("![圖](image:1)\n\n阿里雲發布會現場\n圖源：ifanr\n\n正文。", "正文。")]
    // Figures after a label in the same paragraph have their own labels.
    [InlineData("![a](image:1)\nPhoto: X\n![b](image:2)\nPhoto: AP\n\nBody.", "Body.")]
    // In the same paragraph, only the first line after the image is, or a caption line and a credit line.
    [InlineData("![圖](image:1)\n圖源:ifanr\n通義千問取得 69.6 分。", "通義千問取得 69.6 分。")]
    [InlineData("![圖](image:1)\n第一行\n第二行", "第二行")]
    // A paragraph of its own is a label only as one line: a wrapped lead stays whole (wrapped Chinese joins as one line).
    [InlineData("![圖](image:1)\n\n第一行\n第二行", "第一行第二行")]
    [InlineData("![cover](image:1)\n\nKubernetes 1.30 was released today with a long list\nof changes to scheduling and storage.", "Kubernetes 1.30 was released today with a long list of changes to scheduling and storage.")]
    [InlineData("![cover](image:1)\n\n阿里巴巴今天在杭州的發布會上推出了\n新一代的大型語言模型。", "阿里巴巴今天在杭州的發布會上推出了新一代的大型語言模型。")]
    // A sentence is never a label, not even with a credit run into it; nor is a line introducing what follows.
    [InlineData("![cover](image:1)\n圖源:ifanr 今天蘋果發布了新產品，售價 999 美元。", "圖源:ifanr 今天蘋果發布了新產品，售價 999 美元。")]
    [InlineData("![cover](image:1)\n\nThe key changes:\n\n- faster starts", "The key changes: faster starts")]
    [InlineData("![غلاف](image:1)\n\nهل ستنجح الخطة؟\n\nقال الوزير ذلك.", "هل ستنجح الخطة؟ قال الوزير ذلك.")]
    [InlineData("![आवरण](image:1)\n\nयोजना किसानों को लाभ देगी।\n\nमंत्री ने कहा।", "योजना किसानों को लाभ देगी। मंत्री ने कहा।")]
    [InlineData("![आवरण](image:1)\n\nमंच पर कृषि मंत्री\n\nयोजना किसानों को लाभ देगी।", "योजना किसानों को लाभ देगी।")]
    // A lone link after a figure is no label (as in the HTML, where it stays a paragraph after the figure).
    [InlineData("![圖](image:1)\n\n[閱讀原文](https://example.com)\n\n正文。", "閱讀原文 正文。")]
    // A figure labels nothing outside its own list item or quote.
    [InlineData("- ![圖](image:1)\n- 第二項是正文\n- 第三項。", "第二項是正文 第三項。")]
    [InlineData("> 引用的話。\n>\n> ![圖](image:1)\n\n這是正文第一段", "引用的話。這是正文第一段")]
    public void The_line_right_after_a_figure_is_left_out_when_it_labels_it(string body, string excerpt) =>
        Assert.Equal(excerpt, ArticleText.Measure(body).DerivedExcerpt);

    [Fact]
    public void A_long_paragraph_after_a_figure_is_kept()
    {
        var paragraph = string.Concat(Enumerable.Repeat("這段文字緊接在圖片之後，但它是文章的正文", 6));
        Assert.Equal(paragraph, ArticleText.Measure($"![圖](image:1)\n\n{paragraph}").DerivedExcerpt);
    }

    [Theory]
    [InlineData("# 標題\n\n## 副標題", "標題 副標題")]
    [InlineData("# 標題\n\n![圖](image:1)\n\n圖源:ifanr\n\n## 第1節", "標題 第1節")]
    [InlineData("![圖](image:1)\n\n圖源:ifanr", "")]
    // A gallery (figures and their captions only) is summed up by its captions, never its credits.
    [InlineData("![煙火](image:1)\n\n台北101跨年煙火\n\n![燈會](image:2)\n\n高雄愛河燈會", "台北101跨年煙火 高雄愛河燈會")]
    [InlineData("![煙火](image:1)\n台北101跨年煙火\n\n![燈會](image:2)\n圖源：中央社", "台北101跨年煙火")]
    [InlineData("![煙火](image:1)\n\n10:30 台北跨年煙火\n\n![燈會](image:2)\n\n圖源：中央社", "10:30 台北跨年煙火")]
    [InlineData("![煙火](image:1)\n台北101跨年煙火\n圖源：中央社\n\n![燈會](image:2)\n\n高雄愛河燈會\n\n圖源：中央社", "台北101跨年煙火 高雄愛河燈會")]
    // A credit run into a caption's line, as the HTML sets it apart (it was in the excerpt; the third gave none at all).
    [InlineData("![煙火](image:1)\nFireworks over Taipei 101. Photo: CNA\n\n![燈會](image:2)\nLanterns in Kaohsiung. Photo: CNA", "Fireworks over Taipei 101. Lanterns in Kaohsiung.")]
    [InlineData("![煙火](image:1)\nFireworks over Taipei 101 (AP Photo/Jane Doe)\n\n![燈會](image:2)\nLanterns in Kaohsiung (AP Photo/Jane Doe)", "Fireworks over Taipei 101 Lanterns in Kaohsiung")]
    [InlineData("![煙火](image:1)\n台北101跨年煙火。圖源：中央社\n\n![燈會](image:2)\n高雄愛河燈會。圖源：中央社", "台北101跨年煙火。高雄愛河燈會。")]
    public void A_body_without_paragraphs_gives_the_rest_of_its_text_but_figure_labels(string body, string excerpt) =>
        Assert.Equal(excerpt, ArticleText.Measure(body).DerivedExcerpt);

    [Theory]
    // A soft line break inside a Chinese paragraph is nothing (as browsers show it); beside Latin or Hangul, a space.
    [InlineData("第一行文字沒有結束\n第二行接著寫。", "第一行文字沒有結束第二行接著寫。")]
    [InlineData("發布了 Qwen3\nMax 版本。", "發布了 Qwen3 Max 版本。")]
    [InlineData("阿里巴巴發布\nQwen3-Max。", "阿里巴巴發布 Qwen3-Max。")]
    [InlineData("첫 줄\n둘째 줄.", "첫 줄 둘째 줄.")]
    [InlineData("「引言」\n後文。", "「引言」後文。")]
    public void Lines_of_a_paragraph_join_as_a_browser_shows_them(string body, string excerpt) =>
        Assert.Equal(excerpt, ArticleText.Measure(body).DerivedExcerpt);

    /// <summary>
    /// Review: 230 family emoji (each three people joined by ZWJ) or 230 flags in a body read in 3 or 2 minutes, as 690 or
    /// 460 words; each is one user-perceived character, a word, and the body one minute.
    /// </summary>
    [Theory]
    [InlineData("👨‍👩‍👧")]
    [InlineData("🇹🇼")]
    [InlineData("👍🏽")]
    public void Measure_reads_an_emoji_sequence_as_one_word(string emoji) =>
        Assert.Equal(1, ArticleText.Measure(string.Join(' ', Enumerable.Repeat(emoji, 230))).ReadingTimeMinutes);

    /// <summary>
    /// Session review: a photo essay of images given by URL (an import's, or a CDN link) read 0 minutes, while the same
    /// with image:ID records read 1: every image a body shows counts for the floor.
    /// </summary>
    [Theory]
    [InlineData("![](https://cdn.example.com/a.jpg)\n\n![](https://cdn.example.com/b.jpg)")]
    [InlineData("![台北夜景](https://cdn.example.com/a.jpg)")]
    public void Measure_a_body_of_images_given_by_url_reads_in_a_minute(string body) =>
        Assert.Equal(1, ArticleText.Measure(body).ReadingTimeMinutes);

    [Fact]
    public void Measure_empty_body_gives_empty_text_and_no_minutes()
    {
        var stats = ArticleText.Measure("");
        Assert.Equal(("", "", 0, 0, null), (stats.PlainText, stats.DerivedExcerpt, stats.CharacterCount, stats.ReadingTimeMinutes, stats.TooComplex));
        Assert.Empty(stats.PlacedImageIds);
    }

    /// <summary>Text with nothing to see (zero-width spaces, soft hyphens, a BOM) counts no characters, and so excerpts none.</summary>
    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\u00AD\u200D\n\n\uFEFF")]
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B", 15)] // cut past the excerpt's length, with an ellipsis
    public void Measure_invisible_body_derives_an_empty_excerpt(string body, int repeats = 1)
    {
        var stats = ArticleText.Measure(string.Concat(Enumerable.Repeat(body, repeats)));
        Assert.Equal((0, ""), (stats.CharacterCount, stats.DerivedExcerpt));
    }

    [Fact]
    public void Measure_lists_the_images_the_body_places_by_id_in_order() =>
        Assert.Equal([7, 3, 7], ArticleText.Measure("![a](image:7)\n\ntext ![b](image:3) [link](image:5)\n\n![c](IMAGE:7) ![d](https://x.example/a.png) ![e](image:{0})").PlacedImageIds);
}
